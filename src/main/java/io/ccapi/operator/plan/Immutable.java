package io.ccapi.operator.plan;

/** External ids are immutable: a resource that owns one platform object cannot be moved to another. */
public final class Immutable {
  private Immutable() {}

  /** Stops with ImmutableFieldChanged when {@code records} own another id than {@code wanted}. */
  public static void require(Records records, String field, String wanted) {
    records.ownedId()
        .filter(owned -> !owned.equals(wanted))
        .ifPresent(
            owned -> {
              throw new ReconcileException(
                  Reason.ImmutableFieldChanged,
                  field + " is immutable: it was " + owned + " and is now " + wanted + "; delete this resource and create a new one instead");
            });
  }
}
