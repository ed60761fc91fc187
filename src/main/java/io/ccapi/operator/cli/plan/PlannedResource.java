package io.ccapi.operator.cli.plan;

import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Plan;
import java.util.List;

/**
 * One manifest's plan as {@code plan} prints it.
 *
 * @param plan the planner's answer (a stop when it cannot plan); null when the resource is paused
 * @param applied whether the operator would carry the plan out (false under managementPolicy Observe)
 * @param notes lines said about the resource besides its operations
 */
public record PlannedResource(String kind, String namespace, String name, Plan<?> plan, boolean applied, List<String> notes) {
  public PlannedResource {
    notes = List.copyOf(notes);
  }

  public String header() {
    return kind + " " + namespace + "/" + name + ":";
  }

  public boolean stopped() {
    return plan != null && plan.stopped();
  }

  /** The operations that would change the platform: none when paused, stopped or only observed. */
  public List<Op> changes() {
    return plan == null || !applied || plan.stopped() ? List.of() : plan.changes();
  }
}
