package io.ccapi.operator.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes client the operator runs with. It reads objects without their {@code managedFields}:
 * the operator never uses them (no server-side apply, no field ownership), yet every writer of an object
 * adds an entry listing every field it set, and the informers keep a copy of each of the tenant's
 * thousands of resources — most of their heap. Nothing it sends carries them either, so the server
 * keeps its own.
 */
public final class OperatorKubeClient {
  private OperatorKubeClient() {}

  /** A builder whose client reads objects without managedFields; configure and build it as usual. */
  public static KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder().withKubernetesSerialization(serialization());
  }

  /** Fabric8's serialization, with managedFields left out of every object read. */
  static KubernetesSerialization serialization() {
    ObjectMapper mapper = new ObjectMapper().addMixIn(ObjectMeta.class, WithoutManagedFields.class);
    return new KubernetesSerialization(mapper, true);
  }

  @JsonIgnoreProperties("managedFields")
  private abstract static class WithoutManagedFields {}
}
