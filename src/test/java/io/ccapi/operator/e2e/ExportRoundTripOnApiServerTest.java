package io.ccapi.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.cli.Main;
import io.ccapi.operator.cli.export.TenantFixture;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorSettings;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimCounts;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The round trip of {@code export tenant} on a real kube-apiserver: a tenant made by direct ccapi calls
 * (200 seats, 20 queues, extensions bound and unbound, subscriptions, seat and app relay defaults, wrap-up
 * times, an IVR) is
 * exported, applied with kubectl to a fresh operator, every resource turns Ready, and the simulator
 * receives no write: neither under Observe, nor from {@code plan} on the files, nor after switching the
 * policy to Manage (a second export with {@code --policy manage}, applied over the first). The methods build
 * on each other (one API server per class).
 */
@Tag("apiserver")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportRoundTripOnApiServerTest {
  static final String NS = "acme";
  static final int SEATS = 200;
  static final int QUEUES = 20;
  static final List<Class<? extends CcResource<?, ?>>> KINDS =
      List.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class, CcIvr.class, CcSubscription.class);

  static EmbeddedCluster cluster;
  static KubernetesClient kube;
  static CcapiSimulator simulator;
  static CcapiOperator operator;
  static Kubectl kubectl;
  static CcapiClientFactory factory;
  static TenantFixture tenant;
  static SimCounts beforeExport;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealApiServer.startOrSkip();
    kube = cluster.client();
    simulator = CcapiSimulator.start(SimulatorConfig.ephemeral());
    factory = new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
    CcapiClient platform = factory.create(simulator.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
    tenant = TenantFixture.populate(platform, SEATS, QUEUES);
    beforeExport = counts();
    Crds.install(kube);
    Crds.awaitEstablished(kube);
    operator = CcapiOperator.start(kube,
        OperatorSettings.defaults().withPollInterval(Duration.ofSeconds(5)).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)),
        CcapiClient.CallRecorder.NONE);
    kubectl = new Kubectl(cluster);
    Files.writeString(dir.resolve("credentials.yaml"), TenantFixture.credentialsFile());
  }

  @AfterAll
  static void stop() throws Exception {
    RealApiServer.closeAll(operator, factory, simulator, cluster);
  }

  @Test
  @Order(1)
  void exportedTenantAppliedUnderObserveIsReadyWithoutAWrite() throws Exception {
    String out = export("observe", dir.resolve("observe"));
    assertThat(out).contains(SEATS + " CcAgents", QUEUES + " CcQueues", tenant.boundExtensions() + SEATS / 4 + " CcExtensions", "1 CcIvr", "3 CcSubscriptions", "0 writes sent");
    ok(kubectl.run("create", "namespace", NS));
    ok(kubectl.run("create", "secret", "generic", "ccapi-credentials", "-n", NS,
        "--from-literal=sid=" + SimulatorConfig.DEFAULT_SID, "--from-literal=authToken=" + SimulatorConfig.DEFAULT_AUTH_TOKEN));
    ok(kubectl.run("apply", "-f", dir.resolve("observe").toString()));

    awaitAllReady(ManagementPolicy.Observe);
    awaitPolls(2);
    assertThat(counts().writesSince(beforeExport)).as("platform writes: export, apply, Observe").isEmpty();
    assertThat(all()).hasSize(1 + QUEUES + tenant.boundExtensions() + SEATS / 4 + SEATS + 1 + 3);
    for (CcResource<?, ?> r : all()) {
      assertThat(r.getStatus().inSync).as(r.getKind() + " " + r.getMetadata().getName() + " " + r.getStatus().plannedOperations).isTrue();
    }
    CcExtension extension = kube.resources(CcExtension.class).inNamespace(NS).withName("ext-6002").get();
    assertThat(condition(extension, Conditions.PASSWORD_KNOWN)).satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("PasswordUnknown");
      assertThat(c.getMessage()).contains("no value is invented", "Renew an extension password");
    });
  }

  @Test
  @Order(2)
  void planOnTheExportedFilesExitsZeroWithoutAWrite() throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.kubeconfig());
    SimCounts before = counts();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute("plan", "-f", dir.resolve("observe").toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("0 creates, 0 updates, 0 binds, 0 unbinds, 0 deletes, 0 writes sent").doesNotContain("ownership was not checked");
    assertThat(counts().writesSince(before)).isEmpty();
  }

  @Test
  @Order(3)
  void switchingToManageAdoptsEverythingWithoutAWrite() throws Exception {
    SimCounts before = counts();
    export("manage", dir.resolve("manage"));
    ok(kubectl.run("apply", "-f", dir.resolve("manage").toString()));

    awaitAllReady(ManagementPolicy.Manage);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(all()).allSatisfy(r -> assertThat(r.getMetadata().getAnnotations()).as(r.getMetadata().getName()).containsKey(Annotations.CLAIM)));
    awaitPolls(2);
    assertThat(counts().writesSince(before)).as("platform writes after switching to Manage").isEmpty();
    assertThat(counts().writesSince(beforeExport)).isEmpty();
    CcAgent agent = kube.resources(CcAgent.class).inNamespace(NS).withName("agent-2-1002").get();
    assertThat(agent.getMetadata().getAnnotations().get(Annotations.CLAIM)).contains("ADOPTED", "1002");
    assertThat(kube.resources(CcAgent.class).inNamespace(NS).withName("agent-6-1006").get().getStatus().wrapUpTime).isEqualTo(TenantFixture.WRAP_UP_SECONDS);
    assertThat(kube.resources(CcSubscription.class).inNamespace(NS).withName("call-events-2").get().getMetadata().getAnnotations().get(Annotations.CLAIM))
        .as("the subscription named \"Call Events\" in the platform").contains("ADOPTED");
    assertThat(kube.resources(CcIvr.class).inNamespace(NS).withName("acme-support").get().getStatus().fastRouter).hasSize(3);
  }

  // ---- helpers

  static String export(String policy, Path out) {
    StringWriter text = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(text, true));
    int exit = cli.execute("export", "tenant", "--endpoint", simulator.baseUrl(), "--app-id", tenant.appId(), "-n", NS,
        "--policy", policy, "--credentials-file", dir.resolve("credentials.yaml").toString(), "-o", out.toString());
    assertThat(exit).as(text.toString()).isZero();
    return text.toString();
  }

  static void awaitAllReady(ManagementPolicy policy) {
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      List<CcResource<?, ?>> all = all();
      assertThat(all).isNotEmpty().allSatisfy(r -> {
        String what = r.getKind() + " " + r.getMetadata().getName();
        assertThat(r.managementPolicy()).as(what).isEqualTo(policy);
        assertThat(r.getStatus()).as(what).isNotNull();
        assertThat(r.getStatus().observedGeneration).as(what).isEqualTo(r.getMetadata().getGeneration());
        assertThat(Conditions.readyReason(r.getStatus())).as(what + " " + r.getStatus().conditions).isEqualTo("Ready");
      });
    });
  }

  static List<CcResource<?, ?>> all() {
    List<CcResource<?, ?>> out = new ArrayList<>();
    KINDS.forEach(kind -> out.addAll(kube.resources(kind).inNamespace(NS).list().getItems()));
    return out;
  }

  static Condition condition(CcResource<?, ?> r, String type) {
    return r.getStatus().conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }

  static SimCounts counts() {
    return SimCounts.of(simulator.baseUrl());
  }

  /** Waits for {@code polls} more reads of the app (its CcApp reads it once per poll). */
  static void awaitPolls(int polls) {
    long start = counts().count(tenant.appId(), "GET apps");
    await().atMost(Duration.ofSeconds(10L * polls + 15)).pollInterval(Duration.ofMillis(250))
        .until(() -> counts().count(tenant.appId(), "GET apps") >= start + polls);
  }

  static void ok(Kubectl.Result r) {
    assertThat(r.exit()).as(r.output()).isZero();
  }
}
