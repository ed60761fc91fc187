package io.ccapi.operator.runtime;

import io.ccapi.operator.apply.Claims;
import io.ccapi.operator.crd.Annotations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;

/** Which updates of a resource wake its reconcile (the rest wait for the next poll). */
final class ReconcileTriggers {
  private ReconcileTriggers() {}

  /**
   * A new generation (spec), a deletion, a change of the adopt or pause annotation, or a claim a person
   * removed (to have a create tried again). The operator's own claim writes (and the finalizer it adds
   * with the first), a removal included (a refused create restores "no claim"), wake nothing.
   */
  static boolean worthReconciling(HasMetadata now, HasMetadata before, Claims claims) {
    if (before == null) {
      return true;
    }
    return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !Objects.equals(now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp())
        || changed(now, before, Annotations.ADOPT)
        || changed(now, before, Annotations.PAUSED)
        || (annotation(now, Annotations.CLAIM) == null && annotation(before, Annotations.CLAIM) != null && !claims.isOwnWrite(now));
  }

  private static boolean changed(HasMetadata now, HasMetadata before, String key) {
    return !Objects.equals(annotation(now, key), annotation(before, key));
  }

  private static String annotation(HasMetadata r, String key) {
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
