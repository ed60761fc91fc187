package io.ccapi.operator.apply;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.plan.Claim;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.ReconcilerUtils;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads and writes the {@link Claim} of a resource (annotation {@code ccapi.io/claim}). The informer cache
 * may serve a resource older than our own patch (JOSDK 5.2.3), so what this process wrote is also kept in
 * memory, by uid, with the resourceVersion the patch produced: it wins over an older copy of the
 * resource, never over a newer one (a person who removed the claim is heard at once).
 *
 * <p>The operator's finalizer goes on with the first claim (the same patch), or before the first other
 * write: a resource that never wrote to the platform has nothing to clean up. Its name is JOSDK's default
 * ({@code <plural>.<group>/finalizer}), so resources finalized by earlier versions keep theirs.
 */
public final class Claims {
  private static final String REMOVED = "";
  /** Tries of a finalizer patch that lost a race with another writer of the resource. */
  private static final int FINALIZER_TRIES = 3;

  /** A claim this process wrote and the resourceVersion its patch produced (null when unknown). */
  private record Written(String value, String resourceVersion) {}

  private final KubernetesClient client;
  private final ConcurrentMap<String, Written> written = new ConcurrentHashMap<>();
  /** Uids of resources this process put the finalizer on (the informer's copy may not show it yet). */
  private final Set<String> finalized = ConcurrentHashMap.newKeySet();

  public Claims(KubernetesClient client) {
    this.client = client;
  }

  /** The operator's finalizer on resources of {@code resource}'s kind. */
  public static String finalizer(HasMetadata resource) {
    return ReconcilerUtils.getDefaultFinalizerName(resource.getClass());
  }

  /** Whether the resource carries the operator's finalizer (or this process put it on). */
  public boolean finalized(HasMetadata resource) {
    return resource.hasFinalizer(finalizer(resource)) || finalized.contains(resource.getMetadata().getUid());
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
   * annotation: no resourceVersion, so it never conflicts with the spec being edited — but for the first
   * claim, which also adds the finalizer and so names the list it extends by its resourceVersion.
   */
  public <T extends HasMetadata> void record(T resource, Claim claim) {
    if (Objects.equals(get(resource).orElse(null), claim)) {
      return;
    }
    String value = claim == null ? null : claim.toAnnotation();
    Map<String, Object> annotation = new HashMap<>();
    annotation.put(Annotations.CLAIM, value);
    Map<String, Object> metadata = new HashMap<>(Map.of("annotations", annotation));
    T patched = claim != null && !finalized(resource) ? patchWithFinalizer(resource, metadata) : patch(resource, metadata);
    String version = patched == null ? null : patched.getMetadata().getResourceVersion();
    written.put(resource.getMetadata().getUid(), new Written(value == null ? REMOVED : value, version));
  }

  /** Puts the finalizer on before a write that records no claim (one patch, once per resource). */
  public void ensureFinalizer(HasMetadata resource) {
    if (!finalized(resource)) {
      patchWithFinalizer(resource, new HashMap<>());
    }
  }

  /**
   * Patches {@code metadata} with the finalizer list extended by ours, guarded by the resourceVersion the
   * list was read at; a conflict (another writer came between) reads the resource again and retries.
   */
  private <T extends HasMetadata> T patchWithFinalizer(T resource, Map<String, Object> metadata) {
    T current = resource;
    for (int attempt = 1; ; attempt++) {
      List<String> finalizers = new ArrayList<>(current.getMetadata().getFinalizers());
      if (!finalizers.contains(finalizer(resource))) {
        finalizers.add(finalizer(resource));
      }
      metadata.put("finalizers", finalizers);
      metadata.put("resourceVersion", current.getMetadata().getResourceVersion());
      try {
        T patched = patch(resource, metadata);
        finalized.add(resource.getMetadata().getUid());
        return patched;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == FINALIZER_TRIES) {
          throw e;
        }
        current = client.resource(resource).get();
        if (current == null) {
          throw e; // deleted meanwhile
        }
      }
    }
  }

  private <T extends HasMetadata> T patch(T resource, Map<String, Object> metadata) {
    // through resource(...): a patch by name alone first GETs the object it patches
    return client.resource(resource).patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("metadata", metadata)));
  }

  /** Drops what this process remembers of a deleted resource. */
  public void forget(HasMetadata resource) {
    written.remove(resource.getMetadata().getUid());
    finalized.remove(resource.getMetadata().getUid());
  }
}
