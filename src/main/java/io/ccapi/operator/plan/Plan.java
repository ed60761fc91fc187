package io.ccapi.operator.plan;

import java.util.List;

/**
 * What a planner decided for one resource: the platform operations to make, in order, and the status
 * and Ready message expected once they succeed — or a stop with a reason (then {@code ops} is empty).
 *
 * @param subject the platform object in words ("agent 1001"), for messages
 * @param exists whether the platform object exists now; null when the platform offers no way to tell
 *     without a write (an extension bound to no seat)
 * @param ownership the ownership decision the executor records before the operations
 * @param claimId the platform id that decision is about (the one to record as owned)
 * @param status the kind's status fields as they will be
 */
public record Plan<S>(
    String subject,
    Boolean exists,
    OwnershipRule.Decision ownership,
    String claimId,
    List<Op> ops,
    S status,
    Reason reason,
    String message,
    List<Notice> notices) {

  public Plan {
    ops = List.copyOf(ops);
    notices = List.copyOf(notices);
    if (reason != Reason.Ready && !ops.isEmpty()) {
      throw new IllegalArgumentException("a stopped plan has no operations");
    }
  }

  /** A plan that goes ahead. */
  public static <S> Plan<S> go(
      String subject, Boolean exists, OwnershipRule.Decision ownership, String claimId, List<Op> ops, S status, String message, List<Notice> notices) {
    return new Plan<>(subject, exists, ownership, claimId, ops, status, Reason.Ready, message, notices);
  }

  /** A deletion plan: {@code ops} remove the platform object this resource owns. */
  public static <S> Plan<S> deleting(String subject, Boolean exists, List<Op> ops, S status) {
    return go(subject, exists, OwnershipRule.Decision.OURS, null, ops, status, subject + " deleted", List.of());
  }

  /** A plan that stops with {@code reason}, keeping what is known of the status. */
  public static <S> Plan<S> stop(String subject, Boolean exists, S status, Reason reason, String message) {
    return new Plan<>(subject, exists, OwnershipRule.Decision.CONFLICT, null, List.of(), status, reason, message, List.of());
  }

  /**
   * Runs a planner body, turning a {@link ReconcileException} thrown by one of its checks into a stop, so
   * that every planner answers with a plan.
   */
  public static <S> Plan<S> guarded(String subject, Boolean exists, S status, java.util.function.Supplier<Plan<S>> planner) {
    try {
      return planner.get();
    } catch (ReconcileException e) {
      return stop(subject, exists, status, e.reason(), e.getMessage());
    }
  }

  /** Operations that change something (a probe does not). */
  public List<Op> changes() {
    return ops.stream().filter(op -> op.verb() != Op.Verb.PROBE).toList();
  }

  public boolean stopped() {
    return reason != Reason.Ready;
  }
}
