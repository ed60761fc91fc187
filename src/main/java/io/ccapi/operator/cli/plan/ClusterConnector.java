package io.ccapi.operator.cli.plan;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.time.Duration;
import java.util.Map;

/**
 * Finds the cluster of the kubeconfig ({@code --kubeconfig}): {@code none} for no cluster, a path, or
 * empty for Fabric8's default (KUBECONFIG, ~/.kube/config, in-cluster service account). Fails fast: no
 * kubeconfig means no cluster without a network call, and a cluster that does not answer {@code /version}
 * within the timeout is treated as absent.
 */
public final class ClusterConnector {
  public static final String NONE = "none";

  private final Duration timeout;
  private final Map<String, String> env;

  public ClusterConnector(Duration timeout, Map<String, String> env) {
    this.timeout = timeout;
    this.env = env;
  }

  public LiveCluster connect(String kubeconfig) {
    if (NONE.equals(kubeconfig)) {
      return LiveCluster.NONE;
    }
    Config config = config(kubeconfig);
    if (config == null) {
      return LiveCluster.none("no kubeconfig found");
    }
    config.setConnectionTimeout((int) timeout.toMillis());
    config.setRequestTimeout((int) timeout.toMillis());
    config.setRequestRetryBackoffLimit(0);
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    String failure;
    try {
      // an answer that is not an API server's /version (a proxy's 404) counts as no cluster
      if (client.getKubernetesVersion() != null) {
        return LiveCluster.of(client);
      }
      failure = "no Kubernetes version in its answer";
    } catch (RuntimeException e) {
      failure = e.getClass().getSimpleName();
    }
    client.close();
    return LiveCluster.none("cluster " + config.getMasterUrl() + " not reachable: " + failure);
  }

  /** The kubeconfig's configuration, or null when there is none to read. */
  private Config config(String kubeconfig) {
    if (kubeconfig != null && !kubeconfig.isBlank()) {
      File file = new File(kubeconfig);
      if (!file.isFile()) {
        throw new PlanInputException("--kubeconfig " + kubeconfig + ": no such file (use --kubeconfig none for no cluster)");
      }
      return Config.fromKubeconfig(file);
    }
    boolean inCluster = env.get("KUBERNETES_SERVICE_HOST") != null;
    boolean anyFile = Config.getKubeconfigFilenames().stream().anyMatch(f -> new File(f).isFile());
    return inCluster || anyFile ? Config.autoConfigure(null) : null;
  }
}
