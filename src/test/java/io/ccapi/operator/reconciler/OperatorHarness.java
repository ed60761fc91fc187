package io.ccapi.operator.reconciler;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.plan.Claim;
import io.ccapi.operator.plan.Reason;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.CcSubscriptionSpec;
import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorSettings;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The controller-test tier: the real simulator over HTTP, the Fabric8 mock API server in CRUD mode, and
 * the operator with production code paths (only SSA is off: the mock answers it with 415). One harness
 * per test class; one namespace per test.
 */
public final class OperatorHarness implements AutoCloseable {
  public static final Duration POLL = Duration.ofSeconds(2);
  public static final String CREDENTIALS = "ccapi-credentials";

  public final CcapiSimulator simulator;
  public final EmbeddedCluster cluster;
  public final KubernetesClient kube;
  public final CcapiClient platform;
  private final CcapiClientFactory factory;
  private final io.micrometer.core.instrument.MeterRegistry registry;
  private final Duration poll;
  private CcapiOperator operator;

  private OperatorHarness(
      CcapiSimulator simulator, EmbeddedCluster cluster, io.micrometer.core.instrument.MeterRegistry registry, Duration poll, CcapiOperator operator) {
    this.simulator = simulator;
    this.poll = poll;
    this.registry = registry;
    this.cluster = cluster;
    this.kube = cluster.client();
    this.operator = operator;
    this.factory = new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
    this.platform =
        factory.create(simulator.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
  }

  public static OperatorHarness start() throws Exception {
    return start(null);
  }

  /**
   * With a Micrometer registry the operator runs as {@code run} does: JOSDK's metrics on, which wrap
   * what a reconcile throws before the error status sees it.
   */
  public static OperatorHarness start(io.micrometer.core.instrument.MeterRegistry registry) throws Exception {
    return start(registry, POLL);
  }

  /** With a poll interval of its own: a test that something happens at once, not at the next poll. */
  public static OperatorHarness start(io.micrometer.core.instrument.MeterRegistry registry, Duration poll) throws Exception {
    return start(registry, poll, null);
  }

  /** With the simulator over HTTPS with {@code tls} (its key and certificate), or HTTP when null. */
  public static OperatorHarness start(io.micrometer.core.instrument.MeterRegistry registry, Duration poll, javax.net.ssl.SSLContext tls) throws Exception {
    CcapiSimulator simulator = CcapiSimulator.start(SimulatorConfig.ephemeral(), tls);
    EmbeddedCluster cluster = EmbeddedCluster.startMock();
    Crds.install(cluster.client());
    return new OperatorHarness(simulator, cluster, registry, poll, startOperator(cluster.client(), registry, poll));
  }

  private static CcapiOperator startOperator(KubernetesClient kube, io.micrometer.core.instrument.MeterRegistry registry, Duration poll) {
    OperatorSettings settings =
        OperatorSettings.defaults()
            .withPollInterval(poll)
            .withUnboundExtensionCheck(poll)
            .withServerSideApply(false)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    return CcapiOperator.start(kube, settings, CcapiClient.CallRecorder.NONE, registry);
  }

  /** Stops the operator (as a pod restart would) and starts a new one with nothing in memory. */
  public void restartOperator() {
    operator.close();
    operator = startOperator(kube, registry, poll);
  }

  /** A new namespace with the credentials Secret of the simulator's account. */
  public String namespace() {
    String ns = "t-" + UUID.randomUUID().toString().substring(0, 8);
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    credentials(ns, CREDENTIALS, SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN);
    return ns;
  }

  public void credentials(String ns, String name, String sid, String token) {
    kube.secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).endMetadata()
                .withData(Map.of("sid", b64(sid), "authToken", b64(token)))
                .build())
        .createOr(r -> r.update());
  }

  public CcApp app(String ns, String name, Consumer<CcAppSpec> customize) {
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = simulator.baseUrl();
    spec.insecure = true; // the simulator speaks plain http
    spec.credentialsSecretRef = CREDENTIALS;
    spec.displayName = "Tenant " + name;
    customize.accept(spec);
    return create(new CcApp(), ns, name, spec);
  }

  public CcQueue queue(String ns, String name, String app, String queueId, Consumer<CcQueueSpec> customize) {
    CcQueueSpec spec = new CcQueueSpec();
    spec.appRef = app;
    spec.queueId = queueId;
    spec.queueName = "Queue " + queueId;
    customize.accept(spec);
    return create(new CcQueue(), ns, name, spec);
  }

  public CcExtension extension(String ns, String name, String app, String number, Consumer<CcExtensionSpec> customize) {
    CcExtensionSpec spec = new CcExtensionSpec();
    spec.appRef = app;
    spec.extension = number;
    customize.accept(spec);
    return create(new CcExtension(), ns, name, spec);
  }

  public CcAgent agent(String ns, String name, String app, String agentId, Consumer<CcAgentSpec> customize) {
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = app;
    spec.agentId = agentId;
    spec.workId = "W" + agentId;
    spec.displayName = "Agent " + agentId;
    customize.accept(spec);
    return create(new CcAgent(), ns, name, spec);
  }

  public CcSubscription subscription(String ns, String name, String app, Consumer<CcSubscriptionSpec> customize) {
    CcSubscriptionSpec spec = new CcSubscriptionSpec();
    spec.appRef = app;
    spec.callbackUrl = "https://hooks.example.com/" + name;
    spec.events = List.of(Events.Name.user_ringing, Events.Name.user_hangup);
    customize.accept(spec);
    return create(new CcSubscription(), ns, name, spec);
  }

  /** A CcIvr of {@code app} with no sections: {@code customize} declares them. */
  public io.ccapi.operator.crd.CcIvr ivr(String ns, String name, String app, Consumer<io.ccapi.operator.crd.CcIvrSpec> customize) {
    io.ccapi.operator.crd.CcIvrSpec spec = new io.ccapi.operator.crd.CcIvrSpec();
    spec.appRef = app;
    customize.accept(spec);
    return create(new io.ccapi.operator.crd.CcIvr(), ns, name, spec);
  }

  private <S, R extends CcResource<S, ?>> R create(R resource, String ns, String name, S spec) {
    resource.setMetadata(meta(ns, name));
    resource.setSpec(spec);
    return kube.resource(resource).create();
  }

  public <R extends CcResource<?, ?>> R get(Class<R> kind, String ns, String name) {
    return kube.resources(kind).inNamespace(ns).withName(name).get();
  }

  /** Changes the spec through the API, as kubectl apply would. */
  public <R extends CcResource<?, ?>> void edit(Class<R> kind, String ns, String name, Consumer<R> change) {
    // the operator may write its claim annotation in between: retry on a conflict, as kubectl edit would
    await().atMost(Duration.ofSeconds(10)).ignoreException(io.fabric8.kubernetes.client.KubernetesClientException.class).until(() -> {
      kube.resources(kind).inNamespace(ns).withName(name).edit(r -> {
        change.accept(r);
        return r;
      });
      return true;
    });
  }

  /** Sets (or, with null, removes) one annotation by JSON merge patch, as kubectl annotate would. */
  public <R extends CcResource<?, ?>> void annotate(Class<R> kind, String ns, String name, String key, String value) {
    Map<String, Object> annotation = new java.util.HashMap<>();
    annotation.put(key, value);
    kube.resources(kind).inNamespace(ns).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("metadata", Map.of("annotations", annotation))));
  }

  public <R extends CcResource<?, ?>> void delete(Class<R> kind, String ns, String name) {
    kube.resources(kind).inNamespace(ns).withName(name).delete();
  }

  /** Waits for the Ready condition to carry {@code reason}, then returns the resource. */
  public <R extends CcResource<?, ?>> R awaitReason(Class<R> kind, String ns, String name, Reason reason) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> Optional.ofNullable(get(kind, ns, name)).map(r -> reason.name().equals(Conditions.readyReason(r.getStatus()))).orElse(false));
    return get(kind, ns, name);
  }

  public <R extends CcResource<?, ?>> R awaitReady(Class<R> kind, String ns, String name) {
    return awaitReason(kind, ns, name, Reason.Ready);
  }

  public <R extends CcResource<?, ?>> void awaitGone(Class<R> kind, String ns, String name) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> get(kind, ns, name) == null);
  }

  /** The Ready condition's message. */
  public static String readyMessage(CcResource<?, ?> resource) {
    return condition(resource.getStatus(), Conditions.READY).getMessage();
  }

  /** core/v1 Events in a namespace. */
  public List<Event> events(String ns) {
    return kube.v1().events().inNamespace(ns).list().getItems();
  }

  /** The simulator's whole state ({@code GET /__sim/state}, secrets included). */
  public JsonNode simState() {
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/state")).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The simulator's request counters ({@code GET /__sim/stats}): total, byEndpoint ("POST agents"), byApp. */
  public JsonNode simStats() {
    return simOps("GET", "stats", null);
  }

  /** How many requests "METHOD template" (e.g. "POST agents") the simulator has served, refused ones included. */
  public long simCalls(String endpoint) {
    return simStats().path("byEndpoint").path(endpoint).asLong(0);
  }

  /** Merges {@code json} into the simulator's fault settings ({@code PUT /__sim/faults}); returns the result. */
  public JsonNode simFaults(String json) {
    return simOps("PUT", "faults", json);
  }

  private JsonNode simOps(String method, String endpoint, String body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/" + endpoint))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(method + " /__sim/" + endpoint + ": HTTP " + answer.statusCode() + " " + answer.body());
      }
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Makes the app vanish from the simulator, as the platform's staff deleting a tenant would. */
  public void simRemoveApp(String appId) {
    simOps("DELETE", "apps/" + appId, null);
  }

  /** One app of {@link #simState()}. */
  public JsonNode simApp(String appId) {
    for (JsonNode app : simState().get("apps")) {
      if (appId.equals(app.get("appId").asText())) {
        return app;
      }
    }
    throw new IllegalStateException("no app " + appId + " in the simulator");
  }

  /** The AppIds of the simulator's apps named {@code name}. */
  public List<String> simAppIdsNamed(String name) {
    List<String> ids = new java.util.ArrayList<>();
    for (JsonNode app : simState().get("apps")) {
      if (name.equals(app.path("name").asText())) {
        ids.add(app.get("appId").asText());
      }
    }
    return ids;
  }

  /** Extension numbers of an app in the simulator. */
  public List<String> simExtensions(String appId) {
    List<String> out = new java.util.ArrayList<>();
    simApp(appId).get("extensions").forEach(e -> out.add(e.get("extension").asText()));
    return out;
  }

  /** The operator's claim on a resource (annotation ccapi.io/claim naming its uid), if any. */
  public static Optional<Claim> claim(CcResource<?, ?> resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return Claim.of(annotations == null ? null : annotations.get(Annotations.CLAIM), resource.getMetadata().getUid());
  }

  /** The platform id a resource owns by its claim, or null. */
  public static String claimedId(CcResource<?, ?> resource) {
    return claim(resource).filter(Claim::owned).map(Claim::id).orElse(null);
  }

  public static Condition condition(CcStatus status, String type) {
    return status.conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }

  /** Decoded data of a Secret, or null when it does not exist. */
  public Map<String, String> secret(String ns, String name) {
    Secret s = kube.secrets().inNamespace(ns).withName(name).get();
    if (s == null) {
      return null;
    }
    Map<String, String> out = new TreeMap<>();
    s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return out;
  }

  public String appId(String ns, String app) {
    return awaitReady(CcApp.class, ns, app).getStatus().appId;
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta meta(String ns, String name) {
    return new ObjectMetaBuilder().withNamespace(ns).withName(name).build();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    operator.close();
    factory.close();
    cluster.close();
    simulator.close();
  }
}
