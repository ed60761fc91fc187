package io.ccapi.operator.plan;

/**
 * Stops a reconcile with a reason from the {@link Reason} table and a message for people. Never carries
 * a secret: messages name objects and fields, not values of credentials.
 */
public class ReconcileException extends RuntimeException {
  private final Reason reason;

  public ReconcileException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
