package io.ccapi.operator.reconciler;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import java.util.List;

/**
 * The Observe policy: a plan is reported, never applied. Ready when the platform object exists; the
 * status says whether it matches the spec and lists the operations Manage would make.
 */
final class ObservePolicy {
  private ObservePolicy() {}

  /** @param needsAdoptAnnotation Manage would refuse the object without the adopt annotation */
  static <S extends CcStatus> Outcome<S> outcome(Plan<S> plan, boolean needsAdoptAnnotation) {
    S status = plan.status();
    if (plan.stopped()) {
      return new Outcome<>(status, plan.reason(), plan.message());
    }
    List<String> lines = lines(plan.changes());
    if (Boolean.FALSE.equals(plan.exists())) {
      status.inSync = false;
      status.plannedOperations = lines;
      return new Outcome<>(status, Reason.NotFound,
          plan.subject() + " does not exist in the platform; Observe never creates it (Manage would: " + lines.get(0) + ")");
    }
    String adopt =
        needsAdoptAnnotation && plan.ownership() == OwnershipRule.Decision.ADOPT
            ? "; it was not created by this resource, so Manage needs the annotation " + Annotations.ADOPT + "=true"
            : "";
    if (plan.exists() == null) {
      return new Outcome<>(status, Reason.Ready,
          "observing " + plan.subject() + ": the platform cannot show it without a write (no seat has it), so whether it matches is unknown" + adopt);
    }
    status.inSync = lines.isEmpty();
    status.plannedOperations = lines.isEmpty() ? null : lines;
    String state = lines.isEmpty() ? "matches the spec" : lines.size() + " operations would bring it to the spec (status.plannedOperations)";
    return new Outcome<>(status, Reason.Ready, "observing " + plan.subject() + ": " + state + adopt);
  }

  /** One line per operation, capped in number and length (the status object must stay small). */
  static List<String> lines(List<Op> ops) {
    List<String> lines =
        ops.stream()
            .map(Op::describe)
            .map(l -> l.length() <= CcReconciler.MAX_LINE ? l : l.substring(0, CcReconciler.MAX_LINE - 1) + "…")
            .toList();
    if (lines.size() <= CcReconciler.MAX_PLANNED_LINES) {
      return lines;
    }
    List<String> capped = new java.util.ArrayList<>(lines.subList(0, CcReconciler.MAX_PLANNED_LINES - 1));
    capped.add("… and " + (lines.size() - capped.size()) + " more");
    return capped;
  }
}
