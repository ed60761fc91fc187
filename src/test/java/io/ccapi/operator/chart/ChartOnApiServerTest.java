package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.ccapi.operator.e2e.RealApiServer;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance by a real kube-apiserver (RBAC authorizer on): the CRDs install, every rendered
 * object is accepted, and SubjectAccessReviews show the operator's ServiceAccount can do what it needs
 * and nothing outside its namespaces, and the operator itself runs with the rendered args as that
 * ServiceAccount until it is ready. Skipped when the binaries are missing, unless
 * CCAPI_REQUIRE_APISERVER=true.
 */
@Tag("apiserver")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartOnApiServerTest {
  static final String DEFAULT_NAMESPACE = "ccapi-system";
  static final String TEAMS_NAMESPACE = "ccapi-teams";

  private static EmbeddedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void startApiServer() {
    cluster = RealApiServer.startOrSkip();
    client = cluster.client();
  }

  @AfterAll
  static void stopApiServer() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void chartCrdsInstallAndBecomeEstablished() throws IOException {
    Path crds = HelmChart.IN_REPO.resolve("crds");
    List<String> names = new ArrayList<>();
    for (String file : CrdCopies.yamlFiles(crds)) {
      for (HasMetadata item : HelmChart.parse(Files.readString(crds.resolve(file)))) {
        client.resource(item).create();
        names.add(item.getMetadata().getName());
      }
    }
    assertThat(names).hasSize(RbacExpectations.KINDS.size());
    for (String name : names) {
      CustomResourceDefinition crd =
          client
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .withName(name)
              .waitUntilCondition(ChartOnApiServerTest::established, 30, TimeUnit.SECONDS);
      assertThat(established(crd)).as(name).isTrue();
    }
  }

  @Test
  @Order(2)
  void defaultReleaseIsAcceptedAndCanDoItsJobInAnyNamespace() throws Exception {
    Manifests manifests = HelmChart.inRepo().render("", DEFAULT_NAMESPACE);
    createNamespaces(DEFAULT_NAMESPACE);
    createAll(manifests);

    assertThat(client.apps().deployments().inNamespace(DEFAULT_NAMESPACE).withName("ccapi-operator").get())
        .extracting(Deployment::getSpec)
        .satisfies(s -> assertThat(s.getReplicas()).isEqualTo(1));

    String sa = serviceAccount(DEFAULT_NAMESPACE);
    for (String namespace : List.of("anywhere", DEFAULT_NAMESPACE)) {
      assertAllowed(sa, namespace, RbacExpectations.WATCHED_NAMESPACE_GRANTS);
    }
    assertLeaderElection(sa, DEFAULT_NAMESPACE);
    assertDenied(sa, "anywhere", "/secrets:delete", "ccapi.io/ccapps:create", "ccapi.io/ccapps:delete", "/pods:list",
        "/configmaps:create", "coordination.k8s.io/leases:create");
    assertClusterScopedDenied(sa);

    assertOperatorRunsWithTheseRights(manifests, DEFAULT_NAMESPACE, "default-release");
  }

  @Test
  @Order(3)
  void namespacedReleaseIsAcceptedAndStaysInItsNamespaces() throws Exception {
    Manifests manifests = HelmChart.inRepo().render(HelmChart.CUSTOM_VALUES, TEAMS_NAMESPACE);
    createNamespaces(TEAMS_NAMESPACE, "team-a", "team-b", "team-c");
    HasMetadata serviceMonitor = manifests.ofKind("ServiceMonitor").get(0);
    createAll(new Manifests(manifests.items().stream().filter(i -> i != serviceMonitor).toList()));

    assertThatThrownBy(() -> client.resource(serviceMonitor).create())
        .as("ServiceMonitor without the Prometheus Operator's CRD")
        .isInstanceOf(KubernetesClientException.class);

    String sa = serviceAccount(TEAMS_NAMESPACE);
    for (String namespace : List.of("team-a", "team-b")) {
      assertAllowed(sa, namespace, RbacExpectations.WATCHED_NAMESPACE_GRANTS);
    }
    assertDenied(sa, "team-c", RbacExpectations.WATCHED_NAMESPACE_GRANTS.toArray(String[]::new));
    assertDenied(sa, TEAMS_NAMESPACE, "/secrets:get", "/secrets:list", "/events:create", "ccapi.io/ccapps:list");
    assertLeaderElection(sa, TEAMS_NAMESPACE);
    assertClusterScopedDenied(sa);

    assertOperatorRunsWithTheseRights(manifests, TEAMS_NAMESPACE, "namespaced-release");
  }

  /**
   * Runs the operator's real `run` command with the Deployment's args and env, as the release's
   * ServiceAccount (impersonated), and waits until /readyz says it leads with synced informers: the
   * rendered flags parse and the RBAC is enough for every informer and the lease. Its log is kept in
   * target/chart-apiserver/.
   */
  private static void assertOperatorRunsWithTheseRights(Manifests manifests, String releaseNamespace, String name)
      throws Exception {
    int port = freePort();
    Path log = HelmChart.REPO.resolve("target").resolve("chart-apiserver").resolve(name + ".log");
    Path kubeconfig = Files.createTempFile("ccapi-chart-kubeconfig", ".yaml");
    Files.writeString(kubeconfig, cluster.kubeconfig());
    Process operator = startOperator(manifests, releaseNamespace, name, port, kubeconfig, log);
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      AtomicReference<String> lastReadyz = new AtomicReference<>("no answer");
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .failFast("operator exited", () -> !operator.isAlive())
            .until(
                () -> {
                  HttpResponse<String> readyz = get(http, port, "/readyz");
                  if (readyz == null) {
                    return false;
                  }
                  lastReadyz.set(readyz.statusCode() + " " + readyz.body().trim());
                  return readyz.statusCode() == 200 && readyz.body().startsWith("ok");
                });
      } catch (RuntimeException e) {
        fail("operator not ready (alive " + operator.isAlive() + ", last /readyz: " + lastReadyz.get() + "); log " + log
            + ":\n" + tail(log), e);
      }
      assertThat(get(http, port, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(http, port, "/metrics").statusCode()).isEqualTo(200);
      Lease lease = client.leases().inNamespace(releaseNamespace).withName(RbacExpectations.LEASE_NAME).get();
      assertThat(lease).as("lease in %s", releaseNamespace).isNotNull();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(name);
      // Leading is not enough: the leader must also renew (Fabric8 renews by PATCH every retry period).
      ZonedDateTime firstRenewal = lease.getSpec().getRenewTime();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Lease now = client.leases().inNamespace(releaseNamespace).withName(RbacExpectations.LEASE_NAME).get();
                assertThat(now.getSpec().getHolderIdentity()).isEqualTo(name);
                assertThat(now.getSpec().getRenewTime()).as("renewTime").isNotEqualTo(firstRenewal);
              });
      assertThat(Files.readString(log)).as("operator log %s", log).doesNotContainIgnoringCase("forbidden");
      assertASecondReplicaStandsBy(manifests, releaseNamespace, name, kubeconfig);
    } finally {
      operator.destroy();
      if (!operator.waitFor(15, TimeUnit.SECONDS)) {
        operator.destroyForcibly();
      }
      Files.deleteIfExists(kubeconfig);
    }
  }

  /** A second replica does not take the lease; it is alive and ready, and says it is a standby. */
  private static void assertASecondReplicaStandsBy(Manifests manifests, String releaseNamespace, String leader, Path kubeconfig)
      throws Exception {
    int port = freePort();
    String name = leader + "-standby";
    Path log = HelmChart.REPO.resolve("target").resolve("chart-apiserver").resolve(name + ".log");
    Process standby = startOperator(manifests, releaseNamespace, name, port, kubeconfig, log);
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .failFast("standby exited", () -> !standby.isAlive())
          .until(() -> {
            HttpResponse<String> readyz = get(http, port, "/readyz");
            return readyz != null && readyz.statusCode() == 200 && readyz.body().startsWith("standby");
          });
      assertThat(get(http, port, "/healthz").statusCode()).isEqualTo(200);
      Lease lease = client.leases().inNamespace(releaseNamespace).withName(RbacExpectations.LEASE_NAME).get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader);
    } finally {
      standby.destroy();
      if (!standby.waitFor(15, TimeUnit.SECONDS)) {
        standby.destroyForcibly();
      }
    }
  }

  /** The operator's `run` command with the Deployment's args and env, as the release's ServiceAccount. */
  private static Process startOperator(
      Manifests manifests, String releaseNamespace, String name, int port, Path kubeconfig, Path log) throws IOException {
    Container container = manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add("-Dkubernetes.impersonate.username=" + serviceAccount(releaseNamespace));
    command.add("-Dkubernetes.impersonate.group=system:serviceaccounts,system:serviceaccounts:" + releaseNamespace
        + ",system:authenticated");
    command.add("io.ccapi.operator.cli.Main");
    command.add("run");
    for (String arg : container.getArgs()) {
      command.add(arg.startsWith("--metrics-port=") ? "--metrics-port=" + port : arg);
    }
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("POD_NAMESPACE", releaseNamespace); // the Deployment's fieldRef
    builder.environment().put("HOSTNAME", name);
    builder.environment().put("CCAPI_LOG_LEVEL", ChartDefaultsTest.env(container, "CCAPI_LOG_LEVEL").getValue());
    return builder.start();
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws InterruptedException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null; // not listening yet
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void createNamespaces(String... namespaces) {
    for (String namespace : namespaces) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    }
  }

  /** Creates every object for real: the server validates and admits each one, then stores it. */
  private static void createAll(Manifests manifests) {
    for (HasMetadata item : manifests.items()) {
      HasMetadata created = client.resource(item).create();
      assertThat(created.getMetadata().getUid()).as("%s %s", item.getKind(), item.getMetadata().getName()).isNotBlank();
    }
  }

  private static String serviceAccount(String namespace) {
    assertThat(client.serviceAccounts().inNamespace(namespace).withName("ccapi-operator").get()).isNotNull();
    return "system:serviceaccount:" + namespace + ":ccapi-operator";
  }

  private static void assertLeaderElection(String sa, String releaseNamespace) {
    assertAllowed(sa, releaseNamespace, List.of("coordination.k8s.io/leases:create"));
    for (String verb : List.of("get", "update", "patch")) {
      assertThat(allowed(sa, releaseNamespace, "coordination.k8s.io/leases:" + verb, RbacExpectations.LEASE_NAME))
          .as("%s the lease %s", verb, RbacExpectations.LEASE_NAME)
          .isTrue();
      assertThat(allowed(sa, releaseNamespace, "coordination.k8s.io/leases:" + verb, "someone-elses-lease"))
          .as("%s another lease", verb)
          .isFalse();
      assertThat(allowed(sa, "elsewhere", "coordination.k8s.io/leases:" + verb, RbacExpectations.LEASE_NAME))
          .as("%s the lease in another namespace", verb)
          .isFalse();
    }
    assertDenied(sa, releaseNamespace, "coordination.k8s.io/leases:delete", "coordination.k8s.io/leases:list");
  }

  private static void assertClusterScopedDenied(String sa) {
    assertDenied(sa, null, "/namespaces:list", "/nodes:list", "apiextensions.k8s.io/customresourcedefinitions:get",
        "rbac.authorization.k8s.io/clusterroles:create");
  }

  private static void assertAllowed(String sa, String namespace, Iterable<String> grants) {
    List<String> denied = new ArrayList<>();
    for (String grant : grants) {
      if (!allowed(sa, namespace, grant, null)) {
        denied.add(grant);
      }
    }
    assertThat(denied).as("denied to %s in %s", sa, namespace).isEmpty();
  }

  private static void assertDenied(String sa, String namespace, String... grants) {
    List<String> allowed = new ArrayList<>();
    for (String grant : grants) {
      if (allowed(sa, namespace, grant, null)) {
        allowed.add(grant);
      }
    }
    assertThat(allowed).as("allowed to %s in %s", sa, namespace).isEmpty();
  }

  /** Asks the RBAC authorizer about one "group/resource[/subresource]:verb" grant. */
  private static boolean allowed(String user, String namespace, String grant, String name) {
    String group = grant.substring(0, grant.indexOf('/'));
    String resource = grant.substring(grant.indexOf('/') + 1, grant.indexOf(':'));
    String verb = grant.substring(grant.indexOf(':') + 1);
    String subresource = null;
    if (resource.contains("/")) {
      subresource = resource.substring(resource.indexOf('/') + 1);
      resource = resource.substring(0, resource.indexOf('/'));
    }
    String saNamespace = user.split(":")[2];
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups("system:serviceaccounts", "system:serviceaccounts:" + saNamespace, "system:authenticated")
            .withNewResourceAttributes()
            .withGroup(group)
            .withResource(resource)
            .withSubresource(subresource)
            .withVerb(verb)
            .withNamespace(namespace)
            .withName(name)
            .endResourceAttributes()
            .endSpec()
            .build();
    return client.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }
}
