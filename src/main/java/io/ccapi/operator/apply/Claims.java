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
 * memory, by uid, with the resourceVersion the patch produced: it wins over an older copy of the
 * resource, never over a newer one (a person who removed the claim is heard at once).
 */
public final class Claims {
  private static final String REMOVED = "";

  /** A claim this process wrote and the resourceVersion its patch produced (null when unknown). */
  private record Written(String value, String resourceVersion) {}

  private final KubernetesClient client;
  private final ConcurrentMap<String, Written> written = new ConcurrentHashMap<>();

  public Claims(KubernetesClient client) {
    this.client = client;
  }

  /** The resource's claim, if there is one that names its uid. */
  public Optional<Claim> get(HasMetadata resource) {
    String uid = resource.getMetadata().getUid();
    Written mine = written.get(uid);
    if (mine != null && !newer(resource.getMetadata().getResourceVersion(), mine.resourceVersion())) {
      return Claim.of(mine.value(), uid);
    }
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return Claim.of(annotations == null ? null : annotations.get(Annotations.CLAIM), uid);
  }

  /** Whether {@code resource} is exactly what this process's last claim write on it produced. */
  public boolean isOwnWrite(HasMetadata resource) {
    Written mine = written.get(resource.getMetadata().getUid());
    return mine != null && mine.resourceVersion() != null && mine.resourceVersion().equals(resource.getMetadata().getResourceVersion());
  }

  /** Whether resourceVersion {@code seen} is later than {@code mine} (numeric, as the API server's are). */
  private static boolean newer(String seen, String mine) {
    try {
      return mine != null && seen != null && Long.parseLong(seen) > Long.parseLong(mine);
    } catch (NumberFormatException e) {
      return false;
    }
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
    // through resource(...): a patch by name alone first GETs the object it patches
    T patched = client.resource(resource)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("metadata", Map.of("annotations", annotation))));
    String version = patched == null ? null : patched.getMetadata().getResourceVersion();
    written.put(resource.getMetadata().getUid(), new Written(value == null ? REMOVED : value, version));
  }

  /** Drops what this process remembers of a deleted resource. */
  public void forget(HasMetadata resource) {
    written.remove(resource.getMetadata().getUid());
  }
}
