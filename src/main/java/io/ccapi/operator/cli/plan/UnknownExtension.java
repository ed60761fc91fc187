package io.ccapi.operator.cli.plan;

import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Plan;
import java.util.List;

/**
 * Without records (no cluster), an extension bound to no seat plans "create": the planner knows no claim.
 * The operator's create is then a check: 100015 means it exists (and, adoption assumed, it is taken as
 * it is), success means it was missing. Whether it exists cannot be read without that write, so the plan
 * shows it as the probe it is, not as a change.
 */
final class UnknownExtension {
  private UnknownExtension() {}

  static <S> Plan<S> asProbe(Plan<S> plan) {
    if (plan.stopped() || plan.exists() != null || plan.ops().size() != 1
        || !(plan.ops().get(0) instanceof Op.CreateExtension create) || create.why() != Op.CreateExtension.Why.NEW) {
      return plan;
    }
    return new Plan<>(plan.subject(), null, plan.ownership(), plan.claimId(),
        List.of(new Op.ProbeExtension(create.extension(), create.secretName())), plan.status(), plan.reason(), plan.message(), plan.notices());
  }
}
