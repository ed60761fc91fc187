package io.ccapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcSubscription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any valid resource name works: a 253-character name (the limit) of every kind converges, its Secret
 * keeps the values the platform returned once, and every name and label the operator derives is valid
 * (the mock API server does not check them, so this test does, as a real one would).
 */
class LongNamesTest extends ControllerTest {
  private static final String DNS_SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private static String name(String start) {
    return (start + "-" + "x".repeat(300)).substring(0, 253);
  }

  @Test
  void everyKindWithA253CharacterNameConvergesAndKeepsItsSecrets() {
    String ns = h.namespace();
    String app = name("tenant");
    h.app(ns, app, s -> {});
    String appId = h.appId(ns, app);
    h.queue(ns, name("queue"), app, "9001", s -> {});
    h.extension(ns, name("extension"), app, "8101", s -> {});
    h.agent(ns, name("agent"), app, "1001", s -> {
      s.createExtension = true;
      s.extensionRefs = List.of(name("extension"));
      s.queueRefs = List.of(name("queue"));
    });
    h.subscription(ns, name("subscription"), app, s -> {});
    h.awaitReady(CcQueue.class, ns, name("queue"));
    h.awaitReady(CcExtension.class, ns, name("extension"));
    h.awaitReady(CcAgent.class, ns, name("agent"));
    h.awaitReady(CcSubscription.class, ns, name("subscription"));

    Map<String, String> tenant = secretOf(ns, h.get(CcApp.class, ns, app).getStatus().secretName);
    assertThat(tenant.get("appId")).isEqualTo(appId);
    assertThat(tenant.get("secret")).isEqualTo(h.simApp(appId).get("secret").asText());
    String extensionSecret = h.get(CcExtension.class, ns, name("extension")).getStatus().secretName;
    assertThat(secretOf(ns, extensionSecret).get("password")).isEqualTo(simPassword(appId, "8101"));
    Map<String, String> seat = secretOf(ns, h.get(CcAgent.class, ns, name("agent")).getStatus().secretName);
    assertThat(seat.get("password")).isEqualTo(simPassword(appId, seat.get("extension")));

    List<HasMetadata> derived = new java.util.ArrayList<>(h.kube.secrets().inNamespace(ns).list().getItems());
    derived.addAll(h.events(ns));
    assertThat(derived).allSatisfy(o -> {
      assertThat(o.getMetadata().getName()).hasSizeLessThanOrEqualTo(253).matches(DNS_SUBDOMAIN);
      if (o.getMetadata().getLabels() != null) {
        assertThat(o.getMetadata().getLabels().values()).allSatisfy(v -> assertThat(v).hasSizeLessThanOrEqualTo(63));
      }
    });
    assertThat(h.simCalls("DELETE extensions")).as("no create/delete loop").isZero();
    assertThat(h.simApp(appId).get("extensions")).hasSize(2);
  }

  private static Map<String, String> secretOf(String ns, String name) {
    assertThat(name).isNotNull();
    Secret s = h.kube.secrets().inNamespace(ns).withName(name).get();
    assertThat(s).as("Secret " + name).isNotNull();
    return h.secret(ns, name);
  }

  private static String simPassword(String appId, String extension) {
    for (var e : h.simApp(appId).get("extensions")) {
      if (extension.equals(e.get("extension").asText())) {
        return e.get("password").asText();
      }
    }
    throw new AssertionError("no extension " + extension);
  }
}
