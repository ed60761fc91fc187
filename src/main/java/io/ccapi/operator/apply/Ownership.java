package io.ccapi.operator.apply;

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
 * What a resource has claimed in the platform, kept as annotations on the resource itself and written
 * before the platform call it protects. The informer cache may serve a resource older than our own patch
 * (JOSDK 5.2.3), so values written by this process are also kept in memory, by uid, and win over the
 * cached annotations.
 */
public final class Ownership {
  /** The platform id this resource owns (or is about to create). */
  public static final String EXTERNAL_ID = "ccapi.io/external-id";
  /** A CcApp create was sent and its answer may be lost; set before POST apps, cleared after. */
  public static final String CREATE_PENDING = "ccapi.io/create-pending";
  /** Set by a person: take over a platform object that exists but was not created by this resource. */
  public static final String ADOPT = "ccapi.io/adopt";

  private static final String REMOVED = "";

  private final KubernetesClient client;
  private final ConcurrentMap<String, Map<String, String>> written = new ConcurrentHashMap<>();

  public Ownership(KubernetesClient client) {
    this.client = client;
  }

  public Optional<String> get(HasMetadata resource, String key) {
    Map<String, String> mine = written.get(resource.getMetadata().getUid());
    if (mine != null && mine.containsKey(key)) {
      String v = mine.get(key);
      return REMOVED.equals(v) ? Optional.empty() : Optional.of(v);
    }
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return Optional.ofNullable(annotations == null ? null : annotations.get(key)).filter(v -> !v.isEmpty());
  }

  public boolean adoptionAllowed(HasMetadata resource) {
    return get(resource, ADOPT).map("true"::equalsIgnoreCase).orElse(false);
  }

  /**
   * Records {@code value} for {@code key} (null removes it) on the resource, then in memory. A JSON merge
   * patch of the one annotation: no resourceVersion, so it never conflicts with the spec being edited.
   */
  public <T extends HasMetadata> void set(T resource, String key, String value) {
    if (Objects.equals(get(resource, key).orElse(null), value)) {
      return;
    }
    Map<String, Object> annotation = new HashMap<>();
    annotation.put(key, value);
    String patch = Serialization.asJson(Map.of("metadata", Map.of("annotations", annotation)));
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) resource.getClass();
    client
        .resources(type)
        .inNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    written
        .computeIfAbsent(resource.getMetadata().getUid(), u -> new ConcurrentHashMap<>())
        .put(key, value == null ? REMOVED : value);
  }

  /** Drops what this process remembers of a deleted resource. */
  public void forget(HasMetadata resource) {
    written.remove(resource.getMetadata().getUid());
  }
}
