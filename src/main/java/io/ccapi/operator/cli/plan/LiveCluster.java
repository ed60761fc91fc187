package io.ccapi.operator.cli.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * The cluster of the current kubeconfig, read-only, if there is one: the live copies of the manifests
 * (for their uid and claim) and Secrets. {@link #NONE} when there is no cluster to ask.
 */
public interface LiveCluster extends AutoCloseable {
  /** Whether a cluster answers: without one there are no records. */
  boolean connected();

  /** Why there is no cluster ({@code connected() == false}), for the notice. */
  String why();

  <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name);

  default Optional<Secret> secret(String namespace, String name) {
    return get(Secret.class, namespace, name);
  }

  @Override
  default void close() {}

  static LiveCluster none(String why) {
    return new LiveCluster() {
      public boolean connected() { return false; }
      public String why() { return why; }
      public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) { return Optional.empty(); }
    };
  }

  LiveCluster NONE = none("--kubeconfig none");

  /** A reachable cluster, read through {@code client}: GETs only. */
  static LiveCluster of(KubernetesClient client) {
    return new LiveCluster() {
      public boolean connected() { return true; }
      public String why() { return null; }
      public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
        try {
          return Optional.ofNullable(client.resources(kind).inNamespace(namespace).withName(name).get());
        } catch (KubernetesClientException e) {
          throw new ClusterReadException(kind.getSimpleName() + " " + namespace + "/" + name, e);
        }
      }
      public void close() { client.close(); }
    };
  }

  /** A read of a reachable cluster failed (forbidden, timed out): the plan cannot check ownership. */
  final class ClusterReadException extends RuntimeException {
    ClusterReadException(String what, KubernetesClientException e) {
      super("cannot read " + what + " from the cluster: HTTP " + e.getCode() + " " + firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
      return message == null ? "" : message.lines().findFirst().orElse("");
    }
  }
}
