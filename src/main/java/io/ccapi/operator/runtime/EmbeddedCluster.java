package io.ccapi.operator.runtime;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A Kubernetes API for the demo and the tests: a real kube-apiserver 1.20.2 when its binaries are
 * installed (scripts/install-test-apiserver.sh), otherwise the Fabric8 mock server in CRUD mode.
 */
public abstract class EmbeddedCluster implements AutoCloseable {
  public static final String API_SERVER_VERSION = "1.20.2";
  public static final Path BINARIES =
      Path.of(System.getProperty("user.home"), ".kubeapitest", "k8s", API_SERVER_VERSION + "-linux-amd64");

  public abstract KubernetesClient client();

  /** One line for people: what kind of API server this is and where. */
  public abstract String description();

  /** A kubeconfig for kubectl and other clients. */
  public abstract String kubeconfig();

  /**
   * A real API server: it supports server-side apply (the mock answers 415) and sets CRD conditions (the
   * mock never marks a CRD Established).
   */
  public abstract boolean real();

  @Override
  public abstract void close();

  static String plainKubeconfig(String server) {
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

  public static boolean realApiServerInstalled() {
    return Files.isExecutable(BINARIES.resolve("kube-apiserver")) && Files.isExecutable(BINARIES.resolve("etcd"));
  }

  public static EmbeddedCluster start() {
    return realApiServerInstalled() ? startReal() : startMock();
  }

  /** The mock server logs every request through java.util.logging; kept quiet unless it warns. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  public static EmbeddedCluster startMock() {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
    server.init();
    KubernetesClient client = server.createClient();
    return new EmbeddedCluster() {
      @Override
      public KubernetesClient client() {
        return client;
      }

      @Override
      public String description() {
        return "Fabric8 mock API server (CRUD mode) at " + client.getConfiguration().getMasterUrl();
      }

      @Override
      public boolean real() {
        return false;
      }

      @Override
      public String kubeconfig() {
        return plainKubeconfig(client.getConfiguration().getMasterUrl());
      }

      @Override
      public void close() {
        client.close();
        server.destroy();
      }
    };
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
    KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
    return new EmbeddedCluster() {
      @Override
      public KubernetesClient client() {
        return client;
      }

      @Override
      public String description() {
        return "kube-apiserver " + API_SERVER_VERSION + " at " + client.getConfiguration().getMasterUrl();
      }

      @Override
      public boolean real() {
        return true;
      }

      @Override
      public String kubeconfig() {
        return kubeconfig;
      }

      @Override
      public void close() {
        client.close();
        server.stop();
      }
    };
  }
}
