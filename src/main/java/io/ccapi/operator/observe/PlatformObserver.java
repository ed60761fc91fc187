package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.util.List;
import java.util.Optional;

/**
 * Every read of platform state that the operator makes ({@link ListCacheObserver}: a shared per-app
 * list cache). Writers report their writes through {@link #written} and {@link #agentWritten} so that
 * no read is served older than them.
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
