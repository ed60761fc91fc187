package io.ccapi.operator.runtime;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Kubernetes API for the demo and the tests: a real kube-apiserver when its binaries are installed
 * (scripts/install-current-apiserver.sh), otherwise the Fabric8 mock server in CRUD mode.
 */
public final class EmbeddedCluster implements AutoCloseable {
  /**
   * The real API server's Kubernetes version: the current one CI runs, or another installed one named by
   * CCAPI_K8S_VERSION (e.g. 1.20.2 from scripts/install-test-apiserver.sh). The script has the same default.
   */
  public static final String API_SERVER_VERSION = System.getenv().getOrDefault("CCAPI_K8S_VERSION", "1.37.2");
  public static final Path BINARIES =
      Path.of(System.getProperty("user.home"), ".kubeapitest", "k8s", API_SERVER_VERSION + "-linux-amd64");

  /** The mock server logs every request through java.util.logging; kept quiet unless it warns. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesClient client;
  private final boolean real;
  private final String kubeconfig;
  private final Runnable stopServer;

  private EmbeddedCluster(KubernetesClient client, boolean real, String kubeconfig, Runnable stopServer) {
    this.client = client;
    this.real = real;
    this.kubeconfig = kubeconfig;
    this.stopServer = stopServer;
  }

  public static boolean realApiServerInstalled() {
    return Files.isExecutable(BINARIES.resolve("kube-apiserver")) && Files.isExecutable(BINARIES.resolve("etcd"));
  }

  public static EmbeddedCluster start() {
    return realApiServerInstalled() ? startReal() : startMock();
  }

  public static EmbeddedCluster startMock() {
    MOCK_LOG.setLevel(Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    KubernetesClient client = server.createClient();
    return new EmbeddedCluster(client, false, plainKubeconfig(client.getConfiguration().getMasterUrl()), server::destroy);
  }

  public static EmbeddedCluster startReal() {
    KubeAPIServer server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withApiServerVersion(API_SERVER_VERSION)
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
    server.start();
    String kubeconfig = server.getKubeConfigYaml();
    KubernetesClient client = OperatorKubeClient.builder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
    return new EmbeddedCluster(client, true, kubeconfig, server::stop);
  }

  public KubernetesClient client() {
    return client;
  }

  /**
   * A real API server: it supports server-side apply (the mock answers 415) and sets CRD conditions (the
   * mock never marks a CRD Established).
   */
  public boolean real() {
    return real;
  }

  /** One line for people: what kind of API server this is and where. */
  public String description() {
    return (real ? "kube-apiserver " + API_SERVER_VERSION : "Fabric8 mock API server (CRUD mode)")
        + " at " + client.getConfiguration().getMasterUrl();
  }

  /** A kubeconfig for kubectl and other clients. */
  public String kubeconfig() {
    return kubeconfig;
  }

  @Override
  public void close() {
    client.close();
    stopServer.run();
  }

  private static String plainKubeconfig(String server) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{name: embedded, cluster: {server: '" + server + "', insecure-skip-tls-verify: true}}]",
        "users: [{name: embedded, user: {token: embedded}}]",
        "contexts: [{name: embedded, context: {cluster: embedded, user: embedded, namespace: default}}]",
        "current-context: embedded",
        "");
  }
}
