package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Every read of platform state that the operator makes ({@link ListCacheObserver}: a shared per-app
 * list cache). Writers report their writes through {@link #changed} and {@link #written} so that
 * no read is served older than them.
 */
public interface PlatformObserver {
  Optional<Agents.Details> agent(AppConnection app, String agentId);

  /** All seats of the app: the only source of queue and extension bindings. */
  List<Agents.Details> agents(AppConnection app);

  Optional<Queues.Info> queue(AppConnection app, String queueId);

  /** All queues of the app. */
  List<Queues.Info> queues(AppConnection app);

  Optional<Subscriptions.Subscription> subscription(AppConnection app, long id);

  List<Subscriptions.Subscription> subscriptions(AppConnection app);

  /** Objects of this kind changed in a way the writer cannot describe: read them again. */
  void written(AppConnection app, Kind kind);

  /**
   * A write changed one object of the app: {@code change} gets the cached one (empty when absent) and
   * returns it as it is now (empty when deleted). Write-through: no read follows.
   */
  <T> void changed(AppConnection app, Kind kind, Predicate<T> which, UnaryOperator<Optional<T>> change);

  /** Object kinds that observations are grouped by. */
  enum Kind {
    AGENTS,
    QUEUES,
    SUBSCRIPTIONS
  }
}
