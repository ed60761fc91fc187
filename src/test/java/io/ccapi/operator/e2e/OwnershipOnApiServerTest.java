package io.ccapi.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.plan.Claim;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorSettings;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ownership regressions (defects 1–4 of the new user's report) against a real kube-apiserver, with
 * production settings: server-side apply on, JOSDK metrics on, and the production poll interval of 60 s,
 * which is also the age of the operator's platform list cache. Every await that does not depend on a poll
 * is bounded at 30 s (reconciles are woken by the resource's own events); the one that does says so.
 */
@Tag("apiserver")
class OwnershipOnApiServerTest {
  static final Duration POLL = Duration.ofSeconds(60);
  static final Duration EVENT_DRIVEN = Duration.ofSeconds(30);
  static final String CREDENTIALS = "ccapi-credentials";

  static EmbeddedCluster cluster;
  static KubernetesClient kube;
  static CcapiSimulator simulator;
  static CcapiOperator operator;
  static CcapiClientFactory factory;
  static CcapiClient platform;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealApiServer.startOrSkip();
    kube = cluster.client();
    simulator = CcapiSimulator.start(SimulatorConfig.ephemeral());
    Crds.install(kube);
    Crds.awaitEstablished(kube);
    operator =
        CcapiOperator.start(
            kube,
            OperatorSettings.defaults().withPollInterval(POLL).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)),
            CcapiClient.CallRecorder.NONE,
            new SimpleMeterRegistry());
    factory = new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
    platform = factory.create(simulator.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
  }

  @AfterAll
  static void stop() throws Exception {
    RealApiServer.closeAll(operator, factory, simulator, cluster);
  }

  /** Defect 1: the seat is made by hand after the operator listed (and cached, for 60 s) the app's seats. */
  @Test
  void aSeatMadeByHandAfterTheListWasCachedIsAlreadyExistsUntilAnnotatedForAdoption() throws Exception {
    String ns = namespace();
    String appId = tenant(ns);
    agent(ns, "first", "tenant", "1001", s -> {});
    awaitReason(CcAgent.class, ns, "first", Reason.Ready, EVENT_DRIVEN);

    long creates = calls("POST agents");
    platform.createAgents(appId, List.of(new Agents.Agent("1002", "HAND1002", "Made by hand", null, null, "leader", true, null, null)));
    agent(ns, "second", "tenant", "1002", s -> s.displayName = "Managed");

    CcAgent stalled = awaitReason(CcAgent.class, ns, "second", Reason.AlreadyExists, EVENT_DRIVEN);
    assertThat(calls("POST agents")).as("the operator tried to create 1002: its cached list did not have it").isGreaterThanOrEqualTo(creates + 2);
    assertThat(message(stalled)).contains("agent 1002", Annotations.ADOPT);
    assertThat(claim(stalled)).isEmpty();
    assertThat(stalled.getMetadata().getAnnotations()).doesNotContainKey(Annotations.CLAIM);
    Agents.Details seat = platform.getAgent(appId, "1002");
    assertThat(seat.name()).isEqualTo("Made by hand");
    assertThat(seat.workId()).isEqualTo("HAND1002");
    assertThat(seat.role()).isEqualTo("leader");
    assertThat(events(ns)).noneSatisfy(e -> assertThat(e.getReason()).isEqualTo(EventReason.Adopted.name()));

    // the annotation wakes the reconcile at once (no poll needed)
    annotate(CcAgent.class, ns, "second", Annotations.ADOPT, "true");
    CcAgent adopted = awaitReason(CcAgent.class, ns, "second", Reason.Ready, EVENT_DRIVEN);
    assertThat(claim(adopted)).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(Claim.State.ADOPTED);
      assertThat(c.id()).isEqualTo("1002");
    });
    Agents.Details managed = platform.getAgent(appId, "1002");
    assertThat(managed.name()).isEqualTo("Managed");
    assertThat(managed.workId()).isEqualTo("W1002");
    assertThat(managed.role()).isEqualTo("agent");
    assertThat(events(ns)).anySatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("second");
      assertThat(e.getReason()).isEqualTo(EventReason.Adopted.name());
    });
  }

  /**
   * Defect 2: three CcAgents naming one seat, applied together. One wins; deleting a loser leaves the
   * seat; deleting the winner (deletionPolicy Delete) removes it, and the remaining loser creates it at its
   * next poll — this last await depends on the 60 s poll.
   */
  @Test
  void agentsNamingOneSeatOneWinsAndTheLoserTakesOverOnlyAfterTheWinnerIsGone() {
    String ns = namespace();
    String appId = tenant(ns);
    agent(ns, "a-winner", "tenant", "1001", s -> s.displayName = "Winner");
    agent(ns, "b-loser", "tenant", "1001", s -> s.displayName = "Loser B");
    agent(ns, "c-loser", "tenant", "1001", s -> {
      s.displayName = "Loser C";
      s.workId = "LOSERC";
    });

    awaitReason(CcAgent.class, ns, "a-winner", Reason.Ready, EVENT_DRIVEN);
    for (String loser : List.of("b-loser", "c-loser")) {
      CcAgent stopped = awaitReason(CcAgent.class, ns, loser, Reason.AlreadyExists, EVENT_DRIVEN);
      assertThat(message(stopped)).contains("agent 1001", "CcAgent " + ns + "/a-winner");
      assertThat(claim(stopped)).isEmpty();
    }
    assertThat(platform.getAgent(appId, "1001").name()).isEqualTo("Winner");

    kube.resources(CcAgent.class).inNamespace(ns).withName("b-loser").delete();
    awaitGone(CcAgent.class, ns, "b-loser");
    assertThat(platform.getAgent(appId, "1001").name()).isEqualTo("Winner");
    assertThat(Conditions.isReady(get(CcAgent.class, ns, "a-winner").getStatus())).isTrue();

    kube.resources(CcAgent.class).inNamespace(ns).withName("a-winner").delete();
    awaitGone(CcAgent.class, ns, "a-winner");
    assertThat(platform.listAgents(appId)).noneSatisfy(a -> assertThat(a.agentId()).isEqualTo("1001"));
    // c-loser is rechecked at its next poll: up to 60 s after its last reconcile
    CcAgent ready = awaitReason(CcAgent.class, ns, "c-loser", Reason.Ready, POLL.plusSeconds(20));
    assertThat(claim(ready)).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("1001"));
    Agents.Details seat = platform.getAgent(appId, "1001");
    assertThat(seat.name()).isEqualTo("Loser C");
    assertThat(seat.workId()).isEqualTo("LOSERC");
  }

  /** Defect 3: a CcApp in another namespace naming a tenant that a CcApp already manages. */
  @Test
  void aCcAppNamingAManagedTenantFromAnotherNamespaceIsAlreadyExistsAndChangesNothing() throws Exception {
    String first = namespace();
    app(first, "tenant", s -> {
      s.callbackUrl = "https://hooks.example.com/first";
      s.memo = "first memo";
    });
    String appId = awaitReason(CcApp.class, first, "tenant", Reason.Ready, EVENT_DRIVEN).getStatus().appId;
    String second = namespace();
    app(second, "hijack", s -> {
      s.appId = appId;
      s.displayName = "Hijacked";
      s.callbackUrl = "https://hooks.example.com/hijack";
      s.memo = "hijack memo";
    });
    queue(second, "q", "hijack", "9001");

    CcApp hijack = awaitReason(CcApp.class, second, "hijack", Reason.AlreadyExists, EVENT_DRIVEN);
    assertThat(message(hijack)).contains(appId, "CcApp " + first + "/tenant");
    CcQueue waiting = awaitReason(CcQueue.class, second, "q", Reason.WaitingForApp, EVENT_DRIVEN);
    assertThat(message(waiting)).contains("CcApp hijack");

    Apps.App app = platform.getApp(appId);
    assertThat(app.name()).isEqualTo("Tenant tenant");
    assertThat(app.memo()).isEqualTo("first memo");
    assertThat(app.callbackUrl()).isEqualTo("https://hooks.example.com/first");
    assertThat(kube.secrets().inNamespace(second).withName("hijack-ccapp").get()).isNull();
    assertThat(platform.listQueues(appId)).isEmpty();
    assertThat(claim(get(CcApp.class, second, "hijack"))).isEmpty();
    assertThat(Conditions.isReady(get(CcApp.class, first, "tenant").getStatus())).isTrue();
  }

  /**
   * Defect 4: Secrets under the operator's names ({@code <name>-sip}, {@code <name>-extensions},
   * {@code <name>-ccapp}) that it did not create for that resource.
   */
  @Test
  void foreignSecretsUnderTheOperatorsNamesAreSecretConflictsAndNothingIsDoneWithThem() throws Exception {
    String ns = namespace();
    String appId = tenant(ns);

    // <name>-sip: the extension exists (made by hand) and a Secret claims to hold its password
    String password = platform.createExtension(appId, "8101").password();
    Secret sip = createSecret(ns, "desk-sip", Map.of("managed-by-looking", "yes"), Map.of("extension", "8101", "password", "guessed"));
    extension(ns, "desk", "tenant", "8101");
    CcExtension desk = awaitReason(CcExtension.class, ns, "desk", Reason.SecretConflict, EVENT_DRIVEN);
    assertThat(message(desk)).contains("Secret desk-sip");
    assertThat(claim(desk)).isEmpty();

    // <name>-extensions: names that extension, for a seat that would be created with its own
    Secret extensions = createSecret(ns, "alice-extensions", Map.of(), Map.of("extension", "8101", "password", "guessed"));
    agent(ns, "alice", "tenant", "1001", s -> s.createExtension = true);
    CcAgent alice = awaitReason(CcAgent.class, ns, "alice", Reason.SecretConflict, EVENT_DRIVEN);
    assertThat(message(alice)).contains("Secret alice-extensions");
    assertThat(claim(alice)).isEmpty();

    // <name>-ccapp: names a tenant someone else made
    Apps.App theirs = platform.createApp(new Apps.CreateRequest("Someone else's", 1, "", false, "theirs"));
    int apps = state().get("apps").size();
    Secret ccapp = createSecret(ns, "other-ccapp", Map.of(), Map.of("appId", theirs.appId(), "secret", theirs.secret()));
    app(ns, "other", s -> s.memo = "mine");
    CcApp other = awaitReason(CcApp.class, ns, "other", Reason.SecretConflict, EVENT_DRIVEN);
    assertThat(message(other)).contains("Secret other-ccapp");

    assertThat(platform.listAgents(appId)).isEmpty();
    assertThat(extensionPassword(appId, "8101")).isEqualTo(password);
    assertThat(platform.getApp(theirs.appId()).name()).isEqualTo("Someone else's");
    assertThat(platform.getApp(theirs.appId()).memo()).isEqualTo("theirs");
    assertThat(state().get("apps").size()).isEqualTo(apps);

    // deleting them deletes nothing in the platform and leaves the Secrets as they were
    kube.resources(CcAgent.class).inNamespace(ns).withName("alice").delete();
    kube.resources(CcExtension.class).inNamespace(ns).withName("desk").delete();
    awaitGone(CcAgent.class, ns, "alice");
    awaitGone(CcExtension.class, ns, "desk");
    assertThat(extensionPassword(appId, "8101")).isEqualTo(password);
    for (Secret s : List.of(sip, extensions, ccapp)) {
      assertUnchanged(s);
    }
  }

  // ---- helpers ----

  static String namespace() {
    String ns = "o-" + UUID.randomUUID().toString().substring(0, 8);
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    kube.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName(CREDENTIALS).withNamespace(ns).endMetadata()
        .withData(Map.of("sid", b64(SimulatorConfig.DEFAULT_SID), "authToken", b64(SimulatorConfig.DEFAULT_AUTH_TOKEN)))
        .build()).create();
    return ns;
  }

  static String tenant(String ns) {
    app(ns, "tenant", s -> {});
    return awaitReason(CcApp.class, ns, "tenant", Reason.Ready, EVENT_DRIVEN).getStatus().appId;
  }

  static void app(String ns, String name, Consumer<CcAppSpec> customize) {
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = simulator.baseUrl();
    spec.insecure = true;
    spec.credentialsSecretRef = CREDENTIALS;
    spec.displayName = "Tenant " + name;
    customize.accept(spec);
    create(new CcApp(), ns, name, spec);
  }

  static void agent(String ns, String name, String app, String agentId, Consumer<CcAgentSpec> customize) {
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = app;
    spec.agentId = agentId;
    spec.workId = "W" + agentId;
    spec.displayName = "Agent " + agentId;
    customize.accept(spec);
    create(new CcAgent(), ns, name, spec);
  }

  static void queue(String ns, String name, String app, String queueId) {
    CcQueueSpec spec = new CcQueueSpec();
    spec.appRef = app;
    spec.queueId = queueId;
    spec.queueName = "Queue " + queueId;
    create(new CcQueue(), ns, name, spec);
  }

  static void extension(String ns, String name, String app, String number) {
    CcExtensionSpec spec = new CcExtensionSpec();
    spec.appRef = app;
    spec.extension = number;
    create(new CcExtension(), ns, name, spec);
  }

  static <S, R extends CcResource<S, ?>> void create(R resource, String ns, String name, S spec) {
    resource.setMetadata(new ObjectMetaBuilder().withNamespace(ns).withName(name).build());
    resource.setSpec(spec);
    kube.resource(resource).create();
  }

  static <R extends CcResource<?, ?>> R get(Class<R> kind, String ns, String name) {
    return kube.resources(kind).inNamespace(ns).withName(name).get();
  }

  static <R extends CcResource<?, ?>> R awaitReason(Class<R> kind, String ns, String name, Reason reason, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() ->
        Optional.ofNullable(get(kind, ns, name)).map(r -> reason.name().equals(Conditions.readyReason(r.getStatus()))).orElse(false));
    return get(kind, ns, name);
  }

  static <R extends CcResource<?, ?>> void awaitGone(Class<R> kind, String ns, String name) {
    await().atMost(EVENT_DRIVEN).pollInterval(Duration.ofMillis(250)).until(() -> get(kind, ns, name) == null);
  }

  static <R extends CcResource<?, ?>> void annotate(Class<R> kind, String ns, String name, String key, String value) {
    kube.resources(kind).inNamespace(ns).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("metadata", Map.of("annotations", Map.of(key, value)))));
  }

  static String message(CcResource<?, ?> r) {
    return r.getStatus().conditions.stream().filter(c -> Conditions.READY.equals(c.getType())).findFirst().orElseThrow().getMessage();
  }

  static Optional<Claim> claim(CcResource<?, ?> r) {
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    return Claim.of(annotations == null ? null : annotations.get(Annotations.CLAIM), r.getMetadata().getUid());
  }

  static List<Event> events(String ns) {
    return kube.v1().events().inNamespace(ns).list().getItems();
  }

  static Secret createSecret(String ns, String name, Map<String, String> annotations, Map<String, String> data) {
    Map<String, String> encoded = new java.util.TreeMap<>();
    data.forEach((k, v) -> encoded.put(k, b64(v)));
    return kube.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(ns)
            .addToLabels("app.kubernetes.io/managed-by", "ccapi-operator").withAnnotations(annotations).endMetadata()
        .withData(encoded)
        .build()).create();
  }

  static void assertUnchanged(Secret before) {
    Secret now = kube.secrets().inNamespace(before.getMetadata().getNamespace()).withName(before.getMetadata().getName()).get();
    assertThat(now).as("Secret " + before.getMetadata().getName()).isNotNull();
    assertThat(now.getData()).isEqualTo(before.getData());
    assertThat(now.getMetadata().getLabels()).isEqualTo(before.getMetadata().getLabels());
    assertThat(now.getMetadata().getAnnotations()).isEqualTo(before.getMetadata().getAnnotations());
    assertThat(now.getMetadata().getOwnerReferences()).isEqualTo(before.getMetadata().getOwnerReferences());
    assertThat(now.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
  }

  static String extensionPassword(String appId, String extension) throws Exception {
    for (JsonNode app : state().get("apps")) {
      if (appId.equals(app.get("appId").asText())) {
        for (JsonNode e : app.get("extensions")) {
          if (extension.equals(e.get("extension").asText())) {
            return e.get("password").asText();
          }
        }
      }
    }
    return null;
  }

  static long calls(String endpoint) throws Exception {
    return sim("stats").path("byEndpoint").path(endpoint).asLong(0);
  }

  static JsonNode state() throws Exception {
    return sim("state");
  }

  static JsonNode sim(String what) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/" + what)).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
