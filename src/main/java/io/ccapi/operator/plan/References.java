package io.ccapi.operator.plan;

import io.ccapi.operator.crd.CcResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Resolves a list of references (CcExtension or CcQueue names) to platform ids: each must exist in the
 * namespace, belong to the same CcApp and be Ready. Ones being deleted are set apart.
 */
public final class References {
  private References() {}

  /** Platform ids of Ready references, and of references whose object is being deleted. */
  public record Resolved(Set<String> ready, Set<String> deleting) {}

  /**
   * @param found the referenced objects that exist, by name
   * @param isReady whether an object's Ready condition is True
   */
  public static <R extends CcResource<?, ?>> Resolved resolve(
      HasMetadata from, String appName, String kind, String field, List<String> refs, Map<String, R> found,
      Function<R, String> platformId, Function<R, Boolean> isReady) {
    return resolve(from, appName, kind, i -> field + "[" + i + "]", refs, found, platformId, isReady);
  }

  /** As above, with the field of the i-th reference named by {@code fieldOf} (spec.fastRouter[2].queueRef). */
  public static <R extends CcResource<?, ?>> Resolved resolve(
      HasMetadata from, String appName, String kind, IntFunction<String> fieldOf, List<String> refs, Map<String, R> found,
      Function<R, String> platformId, Function<R, Boolean> isReady) {
    Set<String> ready = new LinkedHashSet<>();
    Set<String> deleting = new LinkedHashSet<>();
    for (int i = 0; i < refs.size(); i++) {
      String name = Refs.name(from, fieldOf.apply(i), refs.get(i));
      R ref = found.get(name);
      if (ref == null) {
        throw new ReconcileException(Reason.WaitingForReference, fieldOf.apply(i) + ": " + kind + " " + name + " does not exist in this namespace");
      }
      if (ref.getMetadata().getDeletionTimestamp() != null) {
        deleting.add(platformId.apply(ref));
        continue;
      }
      if (!Objects.equals(Refs.nameOf(ref.appName()), Refs.nameOf(appName))) {
        throw new ReconcileException(
            Reason.InvalidSpec, fieldOf.apply(i) + ": " + kind + " " + name + " belongs to CcApp " + ref.appName() + ", not " + appName);
      }
      if (!isReady.apply(ref)) {
        throw new ReconcileException(Reason.WaitingForReference, fieldOf.apply(i) + ": " + kind + " " + name + " is not Ready yet");
      }
      ready.add(platformId.apply(ref));
    }
    return new Resolved(ready, deleting);
  }
}
