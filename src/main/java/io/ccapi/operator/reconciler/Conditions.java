package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.crd.CcStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the kstatus conditions of a status: Ready, Reconciling, Stalled, always all three, each with a
 * reason, the observed generation and a lastTransitionTime that moves only when its status flips.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";
  /** Status messages are capped so that a long platform text cannot bloat the object. */
  static final int MAX_MESSAGE = 512;

  private final Clock clock;

  public Conditions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Sets the three conditions on {@code next} for {@code reason}, carrying transition times over from
   * {@code previous} (may be null).
   */
  public void apply(CcStatus previous, CcStatus next, long generation, Reason reason, String message) {
    String text = cap(message);
    boolean ready = reason.kind() == Reason.Kind.READY;
    boolean stalled = reason.kind() == Reason.Kind.STALLED;
    List<Condition> old = previous == null ? List.of() : previous.conditions;
    List<Condition> conditions = new ArrayList<>(3);
    conditions.add(condition(old, READY, ready, reason, text, generation));
    conditions.add(
        condition(old, RECONCILING, reason.kind() == Reason.Kind.PROGRESSING, reason, text, generation));
    conditions.add(condition(old, STALLED, stalled, reason, text, generation));
    next.conditions = conditions;
    next.observedGeneration = generation;
  }

  /** The Ready condition's reason in a status, or null. */
  public static String readyReason(CcStatus status) {
    return find(status == null ? List.of() : status.conditions, READY).map(Condition::getReason).orElse(null);
  }

  public static boolean isStalled(CcStatus status) {
    return status != null
        && find(status.conditions, STALLED).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static boolean isReady(CcStatus status) {
    return status != null
        && find(status.conditions, READY).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private Condition condition(
      List<Condition> old, String type, boolean on, Reason reason, String message, long generation) {
    String status = on ? "True" : "False";
    String since =
        find(old, type)
            .filter(c -> status.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason.name())
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  private static java.util.Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? java.util.Optional.empty()
        : conditions.stream().filter(c -> Objects.equals(type, c.getType())).findFirst();
  }

  private static String cap(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
