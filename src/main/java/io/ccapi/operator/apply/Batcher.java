package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.CcapiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends writes that arrive close together for one key as one call (Strimzi's user-operator batching, in
 * small): a caller submits one item and waits for its own result. A lane per key collects items for a
 * short linger, then — and while a call is in flight — sends at most {@code max} per call. A batch the
 * platform refused is split, so that each item ends with its own answer; a batch not sent, or whose
 * outcome is unknown (timeout, 5xx), fails every item with that error, and each resource observes again
 * before it retries.
 */
final class Batcher<K, I, A> implements AutoCloseable {
  /** Sends one batch for {@code key} and returns the answer; throws when the platform refuses or does not answer. */
  interface Call<K, I, A> {
    A send(K key, List<I> items);
  }

  private record Pending<I, A>(I item, CompletableFuture<A> done) {}

  private final Call<K, I, A> call;
  private final int max;
  private final Duration linger;
  private final Map<K, Lane> lanes = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "ccapi-batcher");
    t.setDaemon(true);
    return t;
  });

  Batcher(Call<K, I, A> call, int max, Duration linger) {
    this.call = call;
    this.max = max;
    this.linger = linger;
  }

  /**
   * Submits {@code item} and waits until the batch carrying it was sent: returns that batch's answer (the
   * caller takes its own part of it), or rethrows its own error.
   */
  A submit(K key, I item) {
    return await(enqueue(key, item));
  }

  private CompletableFuture<A> enqueue(K key, I item) {
    CompletableFuture<A> done = new CompletableFuture<>();
    Lane lane = lanes.computeIfAbsent(key, Lane::new);
    if (lane.add(new Pending<>(item, done))) {
      workers.execute(lane::drain);
    }
    return done;
  }

  private static <A> A await(CompletableFuture<A> done) {
    try {
      return done.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void send(K key, List<Pending<I, A>> batch) {
    try {
      A answer = call.send(key, batch.stream().map(Pending::item).toList());
      batch.forEach(p -> p.done().complete(answer));
    } catch (CcapiException e) {
      if (batch.size() > 1 && refusedAsAWhole(e)) {
        batch.forEach(p -> send(key, List.of(p))); // find out which item it was
      } else {
        batch.forEach(p -> p.done().completeExceptionally(e));
      }
    } catch (RuntimeException e) {
      batch.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  /**
   * The platform answered that it will not apply the batch (an ErrCode, not a retryable one): one item
   * is to blame. A call never sent (no turn under the rate limit), a timeout or a 5xx says nothing about
   * the items: splitting it would only multiply the calls that are waiting already.
   */
  static boolean refusedAsAWhole(CcapiException e) {
    return e.errCode() != null && !e.errorClass().retryable() && !e.mayHaveBeenApplied();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** The items waiting for one key, and whether a worker is sending them. */
  private final class Lane {
    private final K key;
    private final Deque<Pending<I, A>> waiting = new ArrayDeque<>();
    private boolean draining;

    Lane(K key) {
      this.key = key;
    }

    /** Adds an item; true when no worker is draining this lane yet (the caller starts one). */
    synchronized boolean add(Pending<I, A> p) {
      waiting.add(p);
      if (draining) {
        return false;
      }
      draining = true;
      return true;
    }

    void drain() {
      try {
        Thread.sleep(linger.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (List<Pending<I, A>> batch = next(); !batch.isEmpty(); batch = next()) {
        send(key, batch);
      }
    }

    private synchronized List<Pending<I, A>> next() {
      List<Pending<I, A>> batch = new ArrayList<>();
      while (!waiting.isEmpty() && batch.size() < max) {
        batch.add(waiting.poll());
      }
      if (batch.isEmpty()) {
        draining = false;
      }
      return batch;
    }
  }
}
