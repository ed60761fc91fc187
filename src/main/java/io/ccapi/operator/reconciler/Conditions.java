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
import java.util.Optional;

/**
 * Writes the conditions of a status: the kstatus three — Ready, Reconciling, Stalled — and Synced, always
 * all four, each with a reason, the observed generation and a lastTransitionTime that moves only when its
 * status flips. As in Crossplane, Ready says whether the platform object is as the spec wants and Synced
 * whether the last reconcile worked: a transient error ({@link Reason#transientError()}) on a resource
 * that was Ready at this generation leaves Ready, Reconciling and Stalled as they were and shows in
 * Synced only, so restarts and platform hiccups flip nothing a GitOps tool reads.
 */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";
  /** Whether the last reconcile succeeded; its reason and message are the last error's. */
  public static final String SYNCED = "Synced";
  /** CcExtension only: whether the operator holds the extension's password (the platform never shows it again). */
  public static final String PASSWORD_KNOWN = "PasswordKnown";
  /** Status messages are capped so that a long platform text cannot bloat the object. */
  static final int MAX_MESSAGE = 512;

  private final Clock clock;

  public Conditions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Sets the kstatus three and Synced on {@code next} for {@code reason}, carrying transition times over from
   * {@code previous} (may be null). Conditions of other types already on {@code next} are kept.
   */
  public void apply(CcStatus previous, CcStatus next, long generation, Reason reason, String message) {
    String text = cap(message);
    List<Condition> old = previous == null ? List.of() : previous.conditions;
    Optional<Condition> held = reason.transientError() ? find(old, READY).filter(c -> "True".equals(c.getStatus()) && Objects.equals(c.getObservedGeneration(), generation)) : Optional.empty();
    Reason shown = held.isPresent() ? Reason.Ready : reason;
    String shownText = held.map(Condition::getMessage).orElse(text);
    List<Condition> conditions = new ArrayList<>(5);
    conditions.add(condition(old, READY, shown.kind() == Reason.Kind.READY, shown.name(), shownText, generation));
    conditions.add(condition(old, RECONCILING, shown.kind() == Reason.Kind.PROGRESSING, shown.name(), shownText, generation));
    conditions.add(condition(old, STALLED, shown.kind() == Reason.Kind.STALLED, shown.name(), shownText, generation));
    conditions.add(condition(old, SYNCED, reason.kind() == Reason.Kind.READY, reason.name(), text, generation));
    if (next.conditions != null) {
      next.conditions.stream().filter(c -> !List.of(READY, RECONCILING, STALLED, SYNCED).contains(c.getType())).forEach(conditions::add);
    }
    next.conditions = conditions;
    next.observedGeneration = generation;
  }

  /** Sets one condition beyond the kstatus three on {@code next}, its transition time carried from {@code previous}. */
  public void set(CcStatus previous, CcStatus next, String type, boolean on, String reason, String message, long generation) {
    List<Condition> old = previous == null ? List.of() : previous.conditions;
    List<Condition> conditions = new ArrayList<>(next.conditions == null ? List.of() : next.conditions);
    conditions.removeIf(c -> type.equals(c.getType()));
    conditions.add(condition(old, type, on, reason, cap(message), generation));
    next.conditions = conditions;
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
      List<Condition> old, String type, boolean on, String reason, String message, long generation) {
    String status = on ? "True" : "False";
    String since =
        find(old, type)
            .filter(c -> status.equals(c.getStatus()) && c.getLastTransitionTime() != null)
            .map(Condition::getLastTransitionTime)
            .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  private static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> Objects.equals(type, c.getType())).findFirst();
  }

  private static String cap(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
