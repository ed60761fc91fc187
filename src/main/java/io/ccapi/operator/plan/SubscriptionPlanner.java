package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcSubscriptionSpec;
import io.ccapi.operator.crd.CcSubscriptionStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans a CcSubscription, a message subscription named {@code spec.name} (default: the resource's name).
 * Its id is assigned by the platform; a subscription whose claim was lost with a create's answer is found
 * again by name, and an existing one is adopted by name (with the adopt annotation).
 */
public final class SubscriptionPlanner {
  private SubscriptionPlanner() {}

  /**
   * @param desired the subscription as the spec wants it (no id)
   * @param recorded the subscription with the id this resource owns, if it still exists
   * @param sameName a subscription with the desired name (and an id), if any
   */
  public record Input(
      Subscriptions.Subscription desired, Optional<Subscriptions.Subscription> recorded,
      Optional<Subscriptions.Subscription> sameName, Records records) {}

  public static Plan<CcSubscriptionStatus> plan(Input in) {
    String subject = "subscription " + in.desired().name();
    CcSubscriptionStatus status = new CcSubscriptionStatus();
    Optional<Subscriptions.Subscription> found = in.recorded().or(in::sameName);
    status.subscriptionId = found.map(Subscriptions.Subscription::id).orElse(null);
    if (found.isEmpty()) {
      return Plan.go(subject, false, OwnershipRule.Decision.CREATE, null,
          List.of(new Op.CreateSubscription(in.desired())), status, subject + " is ready", List.of());
    }
    long id = found.get().id();
    OwnershipRule.Decision decision =
        in.recorded().isPresent() ? OwnershipRule.Decision.OURS : OwnershipRule.decide(true, in.records(), Long.toString(id));
    if (decision == OwnershipRule.Decision.CONFLICT) {
      status.subscriptionId = null; // not ours: its id is not this resource's
      return Plan.stop(subject, true, status, Reason.AlreadyExists, OwnershipRule.conflict("a subscription named " + in.desired().name()));
    }
    List<Change> changes = diff(in.desired(), found.get());
    List<Op> ops = changes.isEmpty() ? List.of() : List.of(new Op.UpdateSubscription(id, in.desired(), changes));
    return Plan.go(subject, true, decision, Long.toString(id), ops, status, "subscription " + id + " is ready", List.of());
  }

  /** The subscription's name in the platform: {@code spec.name}, else the resource's name. */
  public static String platformName(String resourceName, CcSubscriptionSpec spec) {
    return spec.name != null ? spec.name : resourceName;
  }

  /** The subscription a spec wants (no id: the platform assigns it). */
  public static Subscriptions.Subscription desired(String resourceName, CcSubscriptionSpec spec) {
    List<String> events = spec.events.stream().map(Events.Name::name).distinct().toList();
    return new Subscriptions.Subscription(null, spec.callbackUrl, platformName(resourceName, spec), events, spec.enabled);
  }

  /** The observed subscription named {@code name} that has an id ({@link Input#sameName}). */
  public static Optional<Subscriptions.Subscription> sameName(List<Subscriptions.Subscription> observed, String name) {
    return observed.stream().filter(s -> name.equals(s.name()) && s.id() != null).findFirst();
  }

  public static Plan<CcSubscriptionStatus> planDelete(String name, Optional<Long> ownedId) {
    List<Op> ops = ownedId.<List<Op>>map(id -> List.of(new Op.DeleteSubscription(id))).orElse(List.of());
    return Plan.deleting("subscription " + name, null, ops, new CcSubscriptionStatus());
  }

  private static List<Change> diff(Subscriptions.Subscription desired, Subscriptions.Subscription observed) {
    boolean sameEvents =
        new HashSet<>(desired.events()).equals(new HashSet<>(Objects.requireNonNullElse(observed.events(), List.of())));
    return new Change.Diff()
        .field("name", observed.name(), desired.name())
        .field("callbackUrl", observed.callback(), desired.callback())
        .field("events", sameEvents ? null : Objects.requireNonNullElse(observed.events(), List.of()).toString(), sameEvents ? null : desired.events().toString())
        .field("enabled", Boolean.TRUE.equals(observed.enable()), Boolean.TRUE.equals(desired.enable()))
        .changes();
  }
}
