package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Serves reads from one list call per app and kind, at most {@code maxAge} old. See DESIGN.md in this
 * package for why this is safe with the reconcilers' create-then-adopt rule.
 */
public final class ListCacheObserver implements PlatformObserver {
  private final Duration maxAge;
  private final Clock clock;
  private final ConcurrentMap<Key, Slot> slots = new ConcurrentHashMap<>();

  public ListCacheObserver(Duration maxAge, Clock clock) {
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public Optional<Agents.Details> agent(AppConnection app, String agentId) {
    return agents(app).stream().filter(a -> agentId.equals(a.agentId())).findFirst();
  }

  @Override
  public List<Agents.Details> agents(AppConnection app) {
    return load(app, Kind.AGENTS, () -> app.client().listAgents(app.appId()));
  }

  @Override
  public Optional<Queues.Info> queue(AppConnection app, String queueId) {
    return queues(app).stream().filter(q -> queueId.equals(q.queueId())).findFirst();
  }

  @Override
  public List<Queues.Info> queues(AppConnection app) {
    return load(app, Kind.QUEUES, () -> app.client().listQueues(app.appId()));
  }

  @Override
  public Optional<Subscriptions.Subscription> subscription(AppConnection app, long id) {
    List<Subscriptions.Subscription> all = subscriptions(app);
    if (all.stream().anyMatch(s -> s.id() == null)) {
      // a platform whose list has no ids (as in the reference's example): ask for the one
      return absentIfNotFound(() -> app.client().getSubscription(app.appId(), id));
    }
    return all.stream().filter(s -> Objects.equals(s.id(), id)).findFirst();
  }

  @Override
  public List<Subscriptions.Subscription> subscriptions(AppConnection app) {
    return load(app, Kind.SUBSCRIPTIONS, () -> app.client().listSubscriptions(app.appId()));
  }

  @Override
  public SpNumbers.Numbers spNumbers(AppConnection app) {
    return this.<SpNumbers.Numbers>load(app, Kind.SPNUMBERS, () -> List.of(app.client().listSpNumbers(app.appId()))).get(0);
  }

  @Override
  public List<Ivrs.VoiceFile> voiceFiles(AppConnection app) {
    return load(app, Kind.VOICE_FILES, () -> app.client().listVoiceFiles(app.appId()));
  }

  @Override
  public Map<String, Object> defaultVoices(AppConnection app) {
    return this.<Map<String, Object>>load(app, Kind.DEFAULT_VOICES, () -> List.of(Map.copyOf(app.client().getDefVoices(app.appId())))).get(0);
  }

  @Override
  public List<Ivrs.FastRoute> fastRouter(AppConnection app) {
    return load(app, Kind.FAST_ROUTER, () -> app.client().getFastRouter(app.appId()));
  }

  @Override
  public void written(AppConnection app, Kind kind) {
    slots.remove(new Key(app.appId(), kind));
  }

  /**
   * Puts what a write did into the cached list, if it is loaded; no read, and no call under the lock. A
   * change that fails drops the list, so the next read reloads it.
   */
  @Override
  @SuppressWarnings("unchecked")
  public <T> void changed(AppConnection app, Kind kind, Predicate<T> which, UnaryOperator<Optional<T>> change) {
    Slot slot = slots.get(new Key(app.appId(), kind));
    if (slot == null) {
      return;
    }
    synchronized (slot) {
      if (slot.items == null) {
        return;
      }
      try {
        List<T> items = new ArrayList<>((List<T>) slot.items);
        Optional<T> before = items.stream().filter(which).findFirst();
        items.removeIf(which);
        change.apply(before).ifPresent(items::add);
        slot.items = List.copyOf(items);
      } catch (RuntimeException e) {
        slot.items = null;
      }
    }
  }

  @Override
  public void replaced(AppConnection app, Kind kind, List<?> items) {
    Slot slot = slots.get(new Key(app.appId(), kind));
    if (slot != null) {
      synchronized (slot) {
        if (slot.items != null) {
          slot.items = List.copyOf(items);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> load(AppConnection app, Kind kind, Supplier<List<T>> list) {
    Slot slot = slots.computeIfAbsent(new Key(app.appId(), kind), k -> new Slot());
    synchronized (slot) {
      Instant now = clock.instant();
      if (slot.items == null || slot.loadedAt.plus(maxAge).isBefore(now)) {
        slot.items = List.copyOf(list.get());
        slot.loadedAt = now;
      }
      return (List<T>) slot.items;
    }
  }

  private static <T> Optional<T> absentIfNotFound(Supplier<T> read) {
    try {
      return Optional.ofNullable(read.get());
    } catch (CcapiException e) {
      if (e.errorClass() == ErrorClass.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private record Key(String appId, Kind kind) {}

  /** One list per app and kind; the lock makes concurrent readers share one list call. */
  private static final class Slot {
    private List<?> items;
    private Instant loadedAt;
  }
}
