package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Webhooks;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcAppStatus;
import io.ccapi.operator.crd.WebhookEventCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The application's own configuration, planned with it by {@link AppPlanner}: its default relay number
 * (read with GET spnumbers) and its webhook event categories (no read exists: they are sent when the spec's
 * list differs from the one this resource last sent, {@code status.webhookEvents}).
 */
public final class AppConfigPlanner {
  private AppConfigPlanner() {}

  /**
   * @param spNumbers the app's relay numbers and default, as observed
   * @param sentWebhookEvents what this resource last sent to webhooks/events (null: nothing)
   */
  public record Observed(Optional<SpNumbers.Numbers> spNumbers, List<WebhookEventCategory> sentWebhookEvents) {
    public static final Observed NONE = new Observed(Optional.empty(), null);
  }

  /** Checks the spec and returns the operations, filling the relay numbers into {@code status}. */
  static List<Op> plan(CcAppSpec spec, String appId, Observed observed, CcAppStatus status) {
    List<Op> ops = new ArrayList<>();
    observed.spNumbers().ifPresent(numbers -> relay(spec, appId, numbers, status, ops));
    List<Webhooks.Category> wanted = webhookEvents(spec.webhookEvents);
    List<Webhooks.Category> sent = observed.sentWebhookEvents() == null ? null : normalized(observed.sentWebhookEvents());
    status.webhookEvents = observed.sentWebhookEvents();
    if (wanted != null && !wanted.equals(sent)) {
      ops.add(new Op.ReplaceWebhookEvents(appId, wanted));
    } else if (wanted == null && sent != null) {
      ops.add(new Op.DeleteWebhookEvents(appId));
    }
    return ops;
  }

  private static void relay(CcAppSpec spec, String appId, SpNumbers.Numbers numbers, CcAppStatus status, List<Op> ops) {
    List<String> valid = Objects.requireNonNullElse(numbers.spNumbers(), List.of());
    String current = numbers.defSpNumber() == null || numbers.defSpNumber().isEmpty() ? null : numbers.defSpNumber();
    status.spNumbers = valid.isEmpty() ? null : valid;
    status.defaultSpNumber = current;
    String wanted = spec.defaultSpNumber;
    if (wanted != null && !valid.contains(wanted)) {
      throw new ReconcileException(Reason.InvalidSpec,
          "spec.defaultSpNumber: " + wanted + " is not a relay number of application " + appId + "; its relay numbers are " + valid);
    }
    if (wanted != null && !wanted.equals(current)) {
      ops.add(new Op.SetDefaultSpNumber(appId, current, wanted));
      status.defaultSpNumber = wanted;
    } else if (wanted == null && current != null) {
      ops.add(new Op.DeleteDefaultSpNumber(appId, current));
      status.defaultSpNumber = null;
    }
  }

  /**
   * The spec's categories as sent (category order of the reference, events sorted, duplicates dropped),
   * or null when the spec has none. Refuses a repeated category and an event of another category.
   */
  static List<Webhooks.Category> webhookEvents(List<WebhookEventCategory> declared) {
    if (declared == null) {
      return null;
    }
    Set<Events.Category> seen = EnumSet.noneOf(Events.Category.class);
    for (int i = 0; i < declared.size(); i++) {
      WebhookEventCategory c = declared.get(i);
      String field = "spec.webhookEvents[" + i + "]";
      if (c.category == null || c.events == null || c.events.isEmpty()) {
        throw new ReconcileException(Reason.InvalidSpec, field + ": category and at least one event are required");
      }
      if (!seen.add(c.category)) {
        throw new ReconcileException(Reason.InvalidSpec, field + ".category: " + c.category + " appears twice; list each category once");
      }
      for (int j = 0; j < c.events.size(); j++) {
        Events.Name event = c.events.get(j);
        if (event == null || !event.category().equals(c.category.name())) {
          throw new ReconcileException(Reason.InvalidSpec, field + ".events[" + j + "]: " + event + " is not an event of category "
              + c.category + "; its events are " + Events.BY_CATEGORY.get(c.category.name()));
        }
      }
    }
    return normalized(declared);
  }

  private static List<Webhooks.Category> normalized(List<WebhookEventCategory> categories) {
    return categories.stream()
        .filter(c -> c.category != null && c.events != null)
        .sorted(Comparator.comparing(c -> c.category))
        .map(c -> new Webhooks.Category(c.category.name(), c.events.stream().filter(Objects::nonNull).map(Enum::name).distinct().sorted().toList()))
        .toList();
  }

  /** The list recorded in status after {@code categories} were sent. */
  public static List<WebhookEventCategory> asStatus(List<Webhooks.Category> categories) {
    return categories.stream()
        .map(c -> new WebhookEventCategory(Events.Category.valueOf(c.category()), c.allType().stream().map(Events.Name::valueOf).toList()))
        .toList();
  }
}
