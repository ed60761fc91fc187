package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.CcSubscriptionSpec;
import io.ccapi.operator.crd.Patterns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Subscriptions of an exported tenant. A subscription named like a Kubernetes resource gives the
 * CcSubscription its name; another gets a derived resource name and keeps its platform name in
 * {@code spec.name}. One whose name another subscription has is reported: the operator finds subscriptions
 * by name.
 */
final class SubscriptionManifests {
  private static final String NAME = "^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$";

  private SubscriptionManifests() {}

  static List<CcSubscription> of(List<Subscriptions.Subscription> subscriptions, Resources resources, List<String> notExported) {
    List<CcSubscription> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    ResourceNames namer = new ResourceNames();
    subscriptions.stream().sorted(Comparator.comparing(s -> Objects.requireNonNullElse(s.id(), Long.MAX_VALUE))).forEach(s -> {
      String subject = "subscription " + (s.id() == null ? "" : s.id() + " ") + "\"" + s.name() + "\"";
      try {
        if (!names.add(String.valueOf(s.name()))) {
          throw new NotExportable("another subscription has this name, and the operator finds subscriptions by name");
        }
        out.add(subscription(s, resources, namer));
      } catch (NotExportable e) {
        notExported.add(subject + ": " + e.getMessage());
      }
    });
    return out;
  }

  private static CcSubscription subscription(Subscriptions.Subscription s, Resources resources, ResourceNames namer) {
    CcSubscriptionSpec spec = resources.child(new CcSubscriptionSpec());
    String platformName = NotExportable.length("name", s.name(), 1, 128);
    spec.callbackUrl = NotExportable.fit("callback", Objects.requireNonNullElse(s.callback(), ""), Patterns.URL);
    List<String> events = Objects.requireNonNullElse(s.events(), List.of());
    if (events.isEmpty()) {
      throw new NotExportable("it has no events; the CRD needs at least one");
    }
    spec.events = events.stream().map(e -> NotExportable.oneOf("event", e, Events.Name.class)).toList();
    spec.enabled = Boolean.TRUE.equals(s.enable());
    String name = platformName.matches(NAME) ? namer.unique(platformName) : namer.take(platformName, "subscription");
    spec.name = name.equals(platformName) ? null : platformName;
    CcSubscription resource = resources.named(new CcSubscription(), name);
    resource.setSpec(spec);
    return resource;
  }
}
