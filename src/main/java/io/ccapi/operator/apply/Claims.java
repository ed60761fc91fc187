package io.ccapi.operator.apply;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.plan.Claim;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads and writes the {@link Claim} of a resource (annotation {@code ccapi.io/claim}). The informer cache
 * may serve a resource older than our own patch (JOSDK 5.2.3), so what this process wrote is also kept in
 * memory, by uid, and wins over the cached annotation.
 */
public final class Claims {
  private static final String REMOVED = "";

  private final KubernetesClient client;
  private final ConcurrentMap<String, String> written = new ConcurrentHashMap<>();

  public Claims(KubernetesClient client) {
    this.client = client;
  }

  /** The resource's claim, if there is one that names its uid. */
  public Optional<Claim> get(HasMetadata resource) {
    String uid = resource.getMetadata().getUid();
    String value = written.get(uid);
    if (value == null) {
      Map<String, String> annotations = resource.getMetadata().getAnnotations();
      value = annotations == null ? null : annotations.get(Annotations.CLAIM);
    }
    return Claim.of(value, uid);
  }

  /**
   * Records {@code claim} (null removes it) on the resource, then in memory. A JSON merge patch of the one
   * annotation: no resourceVersion, so it never conflicts with the spec being edited.
   */
  public <T extends HasMetadata> void record(T resource, Claim claim) {
    if (Objects.equals(get(resource).orElse(null), claim)) {
      return;
    }
    String value = claim == null ? null : claim.toAnnotation();
    Map<String, Object> annotation = new HashMap<>();
    annotation.put(Annotations.CLAIM, value);
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) resource.getClass();
    client
        .resources(type)
        .inNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("metadata", Map.of("annotations", annotation))));
    written.put(resource.getMetadata().getUid(), value == null ? REMOVED : value);
  }

  /** Drops what this process remembers of a deleted resource. */
  public void forget(HasMetadata resource) {
    written.remove(resource.getMetadata().getUid());
  }
}
