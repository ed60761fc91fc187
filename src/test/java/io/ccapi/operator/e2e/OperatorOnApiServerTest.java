package io.ccapi.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorSettings;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ccapi.operator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator with production settings (server-side apply on) against a real kube-apiserver, driven
 * with the real kubectl: samples/ applied as a user would, printer columns, kubectl wait, status
 * subresource, and the ordered clean-up on delete.
 */
@Tag("apiserver")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorOnApiServerTest {
  static final List<Class<? extends CcResource<?, ?>>> KINDS =
      List.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class, CcSubscription.class, CcIvr.class);
  static EmbeddedCluster cluster;
  static KubernetesClient kube;
  static CcapiSimulator simulator;
  static CcapiOperator operator;
  static Kubectl kubectl;

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
            OperatorSettings.defaults().withPollInterval(Duration.ofSeconds(3)).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)),
            CcapiClient.CallRecorder.NONE);
    kubectl = new Kubectl(cluster);
  }

  @AfterAll
  static void stop() throws Exception {
    RealApiServer.closeAll(operator, simulator, cluster);
  }

  @Test
  @Order(1)
  void samplesAppliedWithKubectlConvergeAndShowUsefulColumns() throws Exception {
    Kubectl.Result apply = kubectl.run("apply", "-n", "default", "-f", "samples/");
    assertThat(apply.exit()).as(apply.output()).isZero();
    // the samples point at the simulator's default port; this one runs on an ephemeral port
    Kubectl.Result patch =
        kubectl.run("patch", "-n", "default", "ccapp", "demo-tenant", "--type", "merge", "-p",
            "{\"spec\":{\"endpoint\":\"" + simulator.baseUrl() + "\"}}");
    assertThat(patch.exit()).as(patch.output()).isZero();

    Kubectl.Result wait = kubectl.run("wait", "-n", "default", "--for=condition=Ready", "ccagent/bob", "--timeout=120s");
    assertThat(wait.exit()).as(wait.output()).isZero();
    await().atMost(Duration.ofSeconds(90)).until(() -> all().stream().allMatch(r -> Conditions.isReady(r.getStatus())));
    assertThat(all()).hasSize(10);

    Kubectl.Result get = kubectl.run("get", "-n", "default", "ccagents,ccqueues,ccext,ccsub,ccapp,ccivr");
    assertThat(get.exit()).as(get.output()).isZero();
    assertThat(get.output())
        .contains("READY", "REASON", "AGENTID", "QUEUEID", "EXTENSION", "SUBSCRIPTIONID", "APPID", "APP", "AGE")
        .containsPattern("ccagent.*/bob\\s+True\\s+Ready\\s+1002\\s+demo-tenant")
        .containsPattern("ccqueue.*/sales\\s+True\\s+Ready\\s+9001\\s+demo-tenant")
        .containsPattern("ccextension.*/ext-8101\\s+True\\s+Ready\\s+8101\\s+demo-tenant")
        .containsPattern("ccsubscription.*/call-events\\s+True\\s+Ready\\s+\\d+\\s+demo-tenant")
        .containsPattern("ccapp.*/demo-tenant\\s+True\\s+Ready\\s+[0-9a-f-]{36}\\s+Demo call center")
        .containsPattern("ccivr.*/demo-ivr\\s+True\\s+Ready\\s+[0-9a-f-]{36}\\s+demo-tenant");

    Kubectl.Result category = kubectl.run("get", "-n", "default", "ccapi", "-o", "name");
    assertThat(category.exit()).as(category.output()).isZero();
    assertThat(category.output().lines().filter(l -> !l.isBlank()).toList()).hasSize(10);
  }

  @Test
  @Order(2)
  void statusSubresourceAndObservedGeneration() throws Exception {
    CcQueue before = kube.resources(CcQueue.class).inNamespace("default").withName("sales").get();
    long generation = before.getMetadata().getGeneration();
    Kubectl.Result patch =
        kubectl.run("patch", "-n", "default", "ccqueue", "sales", "--type", "merge", "-p", "{\"spec\":{\"queueName\":\"Sales EU\"}}");
    assertThat(patch.exit()).as(patch.output()).isZero();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      CcQueue q = kube.resources(CcQueue.class).inNamespace("default").withName("sales").get();
      return q.getMetadata().getGeneration() == generation + 1
          && q.getStatus().observedGeneration == generation + 1
          && Conditions.isReady(q.getStatus());
    });
    String appId = kube.resources(CcApp.class).inNamespace("default").withName("demo-tenant").get().getStatus().appId;
    assertThat(state().path("apps").toString()).contains("Sales EU");
    assertThat(appId).isNotBlank();

    // status is a subresource: a spec update cannot change it, and writing it does not bump the generation
    Kubectl.Result statusViaSpec =
        kubectl.run("patch", "-n", "default", "ccqueue", "sales", "--type", "merge", "-p", "{\"status\":{\"agents\":[\"x\"]}}");
    assertThat(statusViaSpec.exit()).as(statusViaSpec.output()).isZero();
    CcQueue after = kube.resources(CcQueue.class).inNamespace("default").withName("sales").get();
    assertThat(after.getStatus().agents).doesNotContain("x");
    assertThat(after.getMetadata().getGeneration()).isEqualTo(generation + 1);
  }

  /**
   * {@code plan} on the applied samples with the cluster's kubeconfig: it reads the operator's claims and
   * Secrets from the cluster, so the converged tenant plans nothing but the one edit made in step 2
   * (applying the files would put the queue name back), and sends no write.
   */
  @Test
  @Order(3)
  void planAgainstTheLiveClusterShowsOnlyWhatTheFilesWouldChange(@TempDir Path dir) throws Exception {
    Path manifests = Files.createDirectory(dir.resolve("samples"));
    try (var files = Files.list(Path.of("samples"))) {
      for (Path f : files.toList()) {
        Files.writeString(manifests.resolve(f.getFileName()), Files.readString(f).replace("http://127.0.0.1:18043", simulator.baseUrl()));
      }
    }
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.kubeconfig());
    long writesBefore = writes();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute("plan", "-f", manifests.toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(out.toString())
        .doesNotContain("ownership was not checked")
        .contains("~ update queue 9001: queueName: \"Sales EU\" -> \"Sales\"")
        .contains("plan: 10 resources, 0 creates, 1 updates, 0 binds, 0 unbinds, 0 deletes, 0 writes sent");
    assertThat(out.toString().lines().filter(l -> l.contains("= no changes")).count()).as(out.toString()).isEqualTo(9);
    assertThat(exit).as(out.toString()).isEqualTo(2);
    assertThat(writes()).isEqualTo(writesBefore);
  }

  @Test
  @Order(4)
  void deletingTheSamplesRunsTheOrderedCleanUp() throws Exception {
    Kubectl.Result delete = kubectl.run("delete", "-n", "default", "-f", "samples/", "--wait=true", "--timeout=120s");
    assertThat(delete.exit()).as(delete.output()).isZero();
    await().atMost(Duration.ofSeconds(60)).until(() -> all().isEmpty());
    String platform = state().path("apps").toString();
    // Orphan policy: carol (1003) and extension 8102 stay; everything else is gone
    assertThat(platform).contains("\"1003\"").doesNotContain("\"1001\"").doesNotContain("\"1002\"");
    assertThat(platform).contains("8102").doesNotContain("\"8101\"");
    assertThat(platform).doesNotContain("\"9001\"").doesNotContain("\"9002\"");
  }

  /** The API server checks what the mock does not: label values of 63 characters at most, names of 253. */
  @Test
  @Order(5)
  void resourceNamesOf253CharactersConvergeAndKeepTheirSecrets() {
    String ns = "long-names";
    kube.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    kube.secrets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("ccapi-credentials").endMetadata()
        .withStringData(java.util.Map.of("sid", SimulatorConfig.DEFAULT_SID, "authToken", SimulatorConfig.DEFAULT_AUTH_TOKEN)).build()).create();
    CcApp app = new CcApp();
    app.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(longName("tenant")).withNamespace(ns).build());
    app.setSpec(new io.ccapi.operator.crd.CcAppSpec());
    app.getSpec().endpoint = simulator.baseUrl();
    app.getSpec().insecure = true;
    app.getSpec().credentialsSecretRef = "ccapi-credentials";
    app.getSpec().displayName = "Long names";
    kube.resource(app).create();
    CcExtension ext = new CcExtension();
    ext.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(longName("extension")).withNamespace(ns).build());
    ext.setSpec(new io.ccapi.operator.crd.CcExtensionSpec());
    ext.getSpec().appRef = longName("tenant");
    ext.getSpec().extension = "8201";
    kube.resource(ext).create();
    CcAgent agent = new CcAgent();
    agent.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(longName("agent")).withNamespace(ns).build());
    agent.setSpec(new io.ccapi.operator.crd.CcAgentSpec());
    agent.getSpec().appRef = longName("tenant");
    agent.getSpec().agentId = "1201";
    agent.getSpec().workId = "W1201";
    agent.getSpec().displayName = "Long";
    agent.getSpec().createExtension = true;
    agent.getSpec().extensionRefs = List.of(longName("extension"));
    kube.resource(agent).create();

    await().atMost(Duration.ofSeconds(90)).until(() -> List.of(CcApp.class, CcExtension.class, CcAgent.class).stream()
        .allMatch(kind -> kube.resources(kind).inNamespace(ns).list().getItems().stream().anyMatch(r -> Conditions.isReady(r.getStatus()))));
    assertStored(ns, kube.resources(CcApp.class).inNamespace(ns).withName(longName("tenant")).get().getStatus().secretName, "appId");
    assertStored(ns, kube.resources(CcExtension.class).inNamespace(ns).withName(longName("extension")).get().getStatus().secretName, "password");
    assertStored(ns, kube.resources(CcAgent.class).inNamespace(ns).withName(longName("agent")).get().getStatus().secretName, "password");
  }

  private static void assertStored(String ns, String secretName, String key) {
    assertThat(secretName).isNotNull().hasSizeLessThanOrEqualTo(253);
    var secret = kube.secrets().inNamespace(ns).withName(secretName).get();
    assertThat(secret).as(secretName).isNotNull();
    assertThat(secret.getData()).as(secretName).containsKey(key);
  }

  private static String longName(String start) {
    return (start + "-" + "x".repeat(300)).substring(0, 253);
  }

  static List<CcResource<?, ?>> all() {
    List<CcResource<?, ?>> out = new ArrayList<>();
    for (Class<? extends CcResource<?, ?>> kind : KINDS) {
      out.addAll(kube.resources(kind).inNamespace("default").list().getItems());
    }
    return out;
  }

  /** POST, PUT and DELETE requests the simulator has received. */
  static long writes() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/stats")).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode byEndpoint = new ObjectMapper().readTree(r.body()).path("byEndpoint");
    long n = 0;
    for (var it = byEndpoint.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getKey().startsWith("GET ")) {
        n += e.getValue().asLong();
      }
    }
    return n;
  }

  static JsonNode state() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/state")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }
}
