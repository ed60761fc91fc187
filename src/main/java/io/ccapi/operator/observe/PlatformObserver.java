package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.util.List;
import java.util.Map;
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

  /** The app's relay numbers and its default (GET spnumbers). */
  SpNumbers.Numbers spNumbers(AppConnection app);

  List<Ivrs.VoiceFile> voiceFiles(AppConnection app);

  /** The default voices as last set: prompt to "default" or {Type, Content}; a prompt absent plays the platform's. */
  Map<String, Object> defaultVoices(AppConnection app);

  List<Ivrs.FastRoute> fastRouter(AppConnection app);

  /** Objects of this kind changed in a way the writer cannot describe: read them again. */
  void written(AppConnection app, Kind kind);

  /**
   * A write changed one object of the app: {@code change} gets the cached one (empty when absent) and
   * returns it as it is now (empty when deleted). Write-through: no read follows.
   */
  <T> void changed(AppConnection app, Kind kind, Predicate<T> which, UnaryOperator<Optional<T>> change);

  /** A write replaced every object of the kind with {@code items} (a whole table). Write-through. */
  void replaced(AppConnection app, Kind kind, List<?> items);

  /** Object kinds that observations are grouped by. */
  enum Kind {
    AGENTS,
    QUEUES,
    SUBSCRIPTIONS,
    /** One item: the app's relay numbers. */
    SPNUMBERS,
    VOICE_FILES,
    /** One item: the map of default voices. */
    DEFAULT_VOICES,
    FAST_ROUTER
  }
}
