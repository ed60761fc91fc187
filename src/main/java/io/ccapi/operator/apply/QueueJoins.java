package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.observe.AppConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Queue memberships of seats, written per queue ({@code POST queues/agents}, many seats in one call) without
 * holding a reconcile: a seat's reconcile offers its seat for its queues and goes on, reporting Reconciling;
 * when its join was sent, the seat is woken and sees it in the observer's view (or gets its error).
 *
 * <p>A lane per app and queue waits for company: it is sent when it holds {@link #MAX} seats, when its
 * oldest seat has waited {@link #MAX_WAIT}, or once no seat of the app has come to any of its queues for
 * {@link #SETTLE}. Seats reach their joins spread over the whole burst of the tenant's creates (each
 * waits for its references, created one per rate-limit turn) and over all of its queues, so waiting for
 * the app's joins to settle, not for one queue's, is what lets each queue take its seats in one call.
 */
final class QueueJoins implements AutoCloseable {
  static final int MAX = PlatformWrites.SEAT_BATCH;
  static final Duration SETTLE = Duration.ofSeconds(2);
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  static final Duration TICK = Duration.ofMillis(250);
  /** How long an error waits for its seat's next reconcile (a seat deleted meanwhile never asks). */
  static final Duration ERROR_KEPT = Duration.ofMinutes(10);

  /** A seat waiting to join a queue, by the resource that asked ({@code uid}) and the one to wake. */
  record Member(String uid, String kind, String namespace, String name, String agentId) {}

  /** What happens when a join was sent: the view learns it, the seats are woken. */
  interface Outcome {
    void joined(AppConnection app, String queueId, List<Member> members);

    void failed(AppConnection app, String queueId, List<Member> members, CcapiException e);
  }

  /** The state of one seat's join of one queue, as {@link #offer} answers it. */
  enum State {
    WAITING,
    SENDING
  }

  private record Key(String appId, String queueId) {}

  private record Failure(CcapiException error, Instant at) {}

  private record Waiting(Member member, Instant since) {}

  private final Outcome outcome;
  private final Clock clock;
  private final Map<Key, Lane> lanes = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  /** By AppId: when a seat last came to a queue of the app. */
  private final Map<String, Instant> lastCame = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ccapi-queue-joins"));
  private final ExecutorService senders = Executors.newCachedThreadPool(r -> daemon(r, "ccapi-queue-join-call"));

  QueueJoins(Outcome outcome, Clock clock) {
    this.outcome = outcome;
    this.clock = clock;
    ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Offers {@code member}'s join of {@code queueId}: rethrows (once) the error its last join got, else
   * queues it unless it waits or is being sent already, and says which.
   */
  State offer(AppConnection app, String queueId, Member member) {
    Failure failure = failures.remove(failureKey(member.uid(), queueId));
    if (failure != null) {
      throw failure.error();
    }
    Lane lane = lanes.computeIfAbsent(new Key(app.appId(), queueId), k -> new Lane(app, queueId));
    lane.app = app;
    return lane.offer(member, clock.instant());
  }

  /** Drops the waiting joins of the resource {@code uid} except those of {@code queues} (a changed or deleted seat). */
  void retain(String uid, Set<String> queues) {
    lanes.values().stream().filter(l -> !queues.contains(l.queueId)).forEach(l -> l.drop(uid));
  }

  /** Whether a lane is due: full, its oldest seat waited long enough, or its app's joins settled. */
  static boolean due(int waiting, Duration oldest, Duration sinceAppsLast) {
    return waiting > 0 && (waiting >= MAX || oldest.compareTo(MAX_WAIT) >= 0 || sinceAppsLast.compareTo(SETTLE) >= 0);
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      failures.values().removeIf(f -> f.at().plus(ERROR_KEPT).isBefore(now));
      for (Lane lane : lanes.values()) {
        Duration settled = Duration.between(lastCame.getOrDefault(lane.app.appId(), Instant.MIN), now);
        lane.takeIfDue(now, settled).ifPresent(batch -> senders.execute(() -> send(lane, batch)));
      }
    } catch (RuntimeException e) {
      // the ticker must survive anything: a lost tick is retried on the next one
    }
  }

  private void send(Lane lane, List<Member> batch) {
    try {
      sendOrSplit(lane, batch);
    } finally {
      lane.sent();
    }
  }

  private void sendOrSplit(Lane lane, List<Member> batch) {
    try {
      lane.app.client().bindQueueAgents(lane.app.appId(), lane.queueId, batch.stream().map(Member::agentId).toList());
      outcome.joined(lane.app, lane.queueId, batch);
    } catch (CcapiException e) {
      if (batch.size() > 1 && Batcher.refusedAsAWhole(e)) {
        batch.forEach(m -> sendOrSplit(lane, List.of(m))); // find out which seat it was
        return;
      }
      batch.forEach(m -> failures.put(failureKey(m.uid(), lane.queueId), new Failure(e, clock.instant())));
      outcome.failed(lane.app, lane.queueId, batch, e);
    }
  }

  private static String failureKey(String uid, String queueId) {
    return uid + "/" + queueId;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    senders.shutdownNow();
  }

  /** The seats waiting to join one queue, when the oldest came, and the ones being sent. */
  private final class Lane {
    /** The app's connection as its latest seat came with it (credentials may have been rotated since). */
    private volatile AppConnection app;
    private final String queueId;
    /** By uid, in the order they came, with when each came. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Set<String> sending = ConcurrentHashMap.newKeySet();

    Lane(AppConnection app, String queueId) {
      this.app = app;
      this.queueId = queueId;
    }

    synchronized State offer(Member member, Instant now) {
      if (sending.contains(member.uid())) {
        return State.SENDING;
      }
      if (waiting.putIfAbsent(member.uid(), new Waiting(member, now)) == null) {
        lastCame.put(app.appId(), now);
      }
      return State.WAITING;
    }

    synchronized void drop(String uid) {
      waiting.remove(uid);
    }

    /** The next batch when the lane is due and no call of it is in flight (one at a time per queue). */
    synchronized Optional<List<Member>> takeIfDue(Instant now, Duration sinceAppsLast) {
      if (!sending.isEmpty() || waiting.isEmpty()
          || !due(waiting.size(), Duration.between(waiting.values().iterator().next().since(), now), sinceAppsLast)) {
        return Optional.empty();
      }
      List<Member> batch = waiting.values().stream().limit(MAX).map(Waiting::member).toList();
      batch.forEach(m -> {
        waiting.remove(m.uid());
        sending.add(m.uid());
      });
      return Optional.of(batch);
    }

    synchronized void sent() {
      sending.clear();
    }
  }
}
