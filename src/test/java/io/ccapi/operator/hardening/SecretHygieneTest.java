package io.ccapi.operator.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A run at TRACE (CCAPI_LOG_LEVEL, as the chart's logLevel sets it) through errors, timeouts, lost answers
 * and a wrong AuthToken: the operator's log, the namespace's Events and every resource (status,
 * annotations) hold none of the values the simulator knows to be secret — AuthTokens, every Sign it
 * received, app Secrets, extension passwords — plain or base64. The same scan finds one planted in an
 * Event and in a log line.
 */
@Tag("hardening")
@Tag("apiserver")
class SecretHygieneTest extends ProcessTier {
  static final String NS = "hygiene";
  static final String WRONG_TOKEN = "wrong-token-7f3a9c";
  private static final Pattern HEX_RUN = Pattern.compile("[0-9a-f]{40,}");

  @Test
  void noAuthTokenSignAppSecretOrPasswordInLogsEventsOrStatus() {
    Tenant tenant = new Tenant(kube, NS, 2, 10, 20);
    tenant.createApp(simulator.baseUrl());
    wronglyCredentialedApp();
    OperatorProcess op = operator("hygiene-op", NS, Map.of("CCAPI_LOG_LEVEL", "TRACE"));
    // the wrong token before the faults: a create that timed out would be CreateOutcomeUnknown instead
    await().atMost(Duration.ofSeconds(60)).until(() -> Reason.Unauthorized.name().equals(
        Conditions.readyReason(kube.resources(CcApp.class).inNamespace(NS).withName("wrong").get().getStatus())));
    sim.faults("{\"errorRate\":0.2,\"timeoutRate\":0.05,\"hangMs\":2500,\"lostAnswerRate\":0.1}");
    tenant.createChildren();
    await().atMost(Duration.ofSeconds(120)).until(() -> tenant.ready() >= tenant.resources() - 3);
    sim.faults("{\"errorRate\":0,\"timeoutRate\":0,\"lostAnswerRate\":0}");
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tenant.notReady())
        .as("not Ready once the faults stop").allMatch(r -> r.startsWith("CcApp/wrong:")));
    op.close(); // flushes the log

    Secrets secrets = Secrets.of(sim);
    Map<String, String> haystacks = new LinkedHashMap<>();
    haystacks.put("operator log", op.output());
    haystacks.put("Events", Serialization.asJson(kube.v1().events().inNamespace(NS).list().getItems()));
    haystacks.put("resources", resources());
    System.out.printf("hygiene: log_lines=%d events=%d secrets=%d signs=%d%n", op.output().lines().count(),
        kube.v1().events().inNamespace(NS).list().getItems().size(), secrets.values.size(), secrets.signs.size());
    assertThat(op.output().lines().filter(l -> l.contains(" TRACE ")).count()).as("TRACE lines").isPositive();
    assertThat(secrets.signs).hasSizeGreaterThan(50);
    haystacks.forEach((where, text) -> assertThat(secrets.foundIn(text)).as("secret values in the %s", where).isEmpty());

    String planted = secrets.values.iterator().next();
    plantEvent(planted);
    String events = Serialization.asJson(kube.v1().events().inNamespace(NS).list().getItems());
    assertThat(secrets.foundIn(events)).as("the planted Event").contains(planted);
    String sign = secrets.signs.iterator().next();
    assertThat(secrets.foundIn(op.output() + "\nGET queues?Sign=" + sign + "\n")).as("a planted log line").containsExactly(sign);
  }

  private void wronglyCredentialedApp() {
    kube.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("wrong-creds").endMetadata()
        .withData(Map.of("sid", b64(SimulatorConfig.DEFAULT_SID), "authToken", b64(WRONG_TOKEN))).build()).create();
    CcApp app = new CcApp();
    app.setMetadata(new ObjectMetaBuilder().withName("wrong").withNamespace(NS).build());
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = simulator.baseUrl();
    spec.insecure = true;
    spec.credentialsSecretRef = "wrong-creds";
    spec.displayName = "Wrong token";
    app.setSpec(spec);
    kube.resource(app).create();
  }

  private void plantEvent(String value) {
    kube.v1().events().inNamespace(NS).resource(new EventBuilder()
        .withMetadata(new ObjectMetaBuilder().withName("planted").withNamespace(NS).build())
        .withNewInvolvedObject().withKind("CcApp").withName(Tenant.APP).withNamespace(NS).endInvolvedObject()
        .withReason("Planted").withMessage("a careless message with " + value).withType("Warning").build()).create();
  }

  private static String resources() {
    return Stream.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class)
        .flatMap(kind -> kube.resources(kind).inNamespace(NS).list().getItems().stream())
        .map(Serialization::asJson)
        .reduce("", String::concat);
  }

  /** The values the simulator knows to be secret; Signs apart, as there are thousands. */
  record Secrets(Set<String> values, Set<String> signs) {
    static Secrets of(Sim sim) {
      Set<String> values = new HashSet<>(List.of(SimulatorConfig.DEFAULT_AUTH_TOKEN, WRONG_TOKEN));
      for (JsonNode app : sim.apps()) {
        values.add(app.get("secret").asText());
        app.get("extensions").forEach(e -> values.add(e.get("password").asText()));
      }
      new ArrayList<>(values).forEach(v -> values.add(b64(v)));
      Set<String> signs = new HashSet<>();
      sim.requests().forEach(r -> signs.add(r.sign()));
      signs.remove(null);
      return new Secrets(values, signs);
    }

    /** The secret values {@code text} contains. */
    Set<String> foundIn(String text) {
      Set<String> found = new TreeSet<>();
      values.stream().filter(text::contains).forEach(found::add);
      Matcher run = HEX_RUN.matcher(text);
      while (run.find()) {
        for (int i = 0; i + 40 <= run.group().length(); i++) {
          String window = run.group().substring(i, i + 40);
          if (signs.contains(window)) {
            found.add(window);
          }
        }
      }
      return found;
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
