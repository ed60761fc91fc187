package io.ccapi.operator.runtime;

import io.ccapi.operator.crd.Annotations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;

/** Which updates of a resource wake its reconcile (the rest wait for the next poll). */
final class ReconcileTriggers {
  private ReconcileTriggers() {}

  /**
   * A new generation (spec), a deletion, a change of finalizers, or a change of the adopt or pause
   * annotation. Claims are not watched: the operator writes them itself, and a claim a person removes
   * (the CreateOutcomeUnknown remedy) is seen at the next poll.
   */
  static boolean worthReconciling(HasMetadata now, HasMetadata before) {
    if (before == null) {
      return true;
    }
    return !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration())
        || !Objects.equals(now.getMetadata().getDeletionTimestamp(), before.getMetadata().getDeletionTimestamp())
        || !Objects.equals(now.getMetadata().getFinalizers(), before.getMetadata().getFinalizers())
        || changed(now, before, Annotations.ADOPT)
        || changed(now, before, Annotations.PAUSED);
  }

  private static boolean changed(HasMetadata now, HasMetadata before, String key) {
    return !Objects.equals(annotation(now, key), annotation(before, key));
  }

  private static String annotation(HasMetadata r, String key) {
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
