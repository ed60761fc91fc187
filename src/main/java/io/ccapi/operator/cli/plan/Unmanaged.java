package io.ccapi.operator.cli.plan;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Refs;
import io.ccapi.operator.plan.SubscriptionPlanner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Platform objects of an observed tenant that no manifest names: reported by {@code plan}, never
 * planned, never deleted. Pure. Extensions are not listed on their own: those of a seat in the manifests are
 * planned by its CcAgent, those of another seat go with it, and those of no seat cannot be listed.
 */
public final class Unmanaged {
  private static final int SHOWN = 10;

  private Unmanaged() {}

  /** One line per kind with objects the manifests of {@code app} do not name; empty when there are none. */
  public static List<String> lines(
      AppConnection app, ManifestSet manifests, List<Agents.Details> seats, List<Queues.Info> queues, List<Subscriptions.Subscription> subscriptions) {
    List<String> out = new ArrayList<>();
    add(out, "agents", seats.stream().map(Agents.Details::agentId).toList(), named(manifests, app, CcAgent.class, r -> r.getSpec().agentId));
    add(out, "queues", queues.stream().map(Queues.Info::queueId).toList(), named(manifests, app, CcQueue.class, r -> r.getSpec().queueId));
    add(out, "subscriptions", subscriptions.stream().map(s -> "\"" + s.name() + "\"").toList(),
        named(manifests, app, CcSubscription.class, r -> "\"" + SubscriptionPlanner.platformName(r.getMetadata().getName(), r.getSpec()) + "\""));
    return out;
  }

  private static <R extends CcResource<?, ?>> Set<String> named(ManifestSet manifests, AppConnection app, Class<R> kind, Function<R, String> id) {
    return manifests.all(kind).stream()
        .filter(r -> app.namespace().equals(r.getMetadata().getNamespace()) && app.appName().equals(Refs.nameOf(r.appName())))
        .map(id)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet());
  }

  private static void add(List<String> out, String what, Collection<String> observed, Set<String> named) {
    Set<String> missing = observed.stream().filter(id -> !named.contains(id)).collect(Collectors.toCollection(TreeSet::new));
    if (missing.isEmpty()) {
      return;
    }
    String shown = missing.stream().limit(SHOWN).collect(Collectors.joining(", "));
    out.add(missing.size() + " " + what + " [" + shown + (missing.size() > SHOWN ? ", ..." : "") + "]");
  }
}
