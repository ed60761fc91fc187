package io.ccapi.operator.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** References between our resources: a name in the same namespace; "ns/name" elsewhere is refused. */
public final class Refs {
  private Refs() {}

  /** The referenced name, or a ReconcileException (InvalidSpec) naming {@code field}. */
  public static String name(HasMetadata from, String field, String ref) {
    if (ref == null || ref.isBlank()) {
      throw new ReconcileException(Reason.InvalidSpec, field + " is required");
    }
    int slash = ref.indexOf('/');
    if (slash < 0) {
      return ref;
    }
    String namespace = ref.substring(0, slash);
    String own = from.getMetadata().getNamespace();
    if (!namespace.equals(own)) {
      throw new ReconcileException(
          Reason.InvalidSpec,
          field + ": reference to namespace '" + namespace + "' is refused; references must stay in namespace '" + own + "'");
    }
    return ref.substring(slash + 1);
  }

  /** The name a reference points at, without checking; for event mapping. */
  public static String nameOf(String ref) {
    return ref == null ? null : ref.substring(ref.indexOf('/') + 1);
  }
}
