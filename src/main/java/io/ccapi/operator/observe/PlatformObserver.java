package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.reconciler.AppConnection;
import java.util.List;
import java.util.Optional;

/**
 * Every read of platform state that the reconcilers make. Implementations decide how: one call per read
 * ({@link DirectObserver}) or a shared per-app list cache ({@link ListCacheObserver}). Reconcilers report
 * their own writes through {@link #written} so that no implementation serves a read older than them.
 */
public interface PlatformObserver {
  Optional<Agents.Details> agent(AppConnection app, String agentId);

  /** All seats of the app: the only source of queue and extension bindings. */
  List<Agents.Details> agents(AppConnection app);

  Optional<Queues.Info> queue(AppConnection app, String queueId);

  Optional<Subscriptions.Subscription> subscription(AppConnection app, long id);

  List<Subscriptions.Subscription> subscriptions(AppConnection app);

  /** The reconciler changed objects of this kind in the app. */
  void written(AppConnection app, Kind kind);

  /** The reconciler changed (created, bound, unbound, deleted) one seat. */
  void agentWritten(AppConnection app, String agentId);

  /** Object kinds that observations are grouped by. */
  enum Kind {
    AGENTS,
    QUEUES,
    SUBSCRIPTIONS
  }
}
