package io.ccapi.operator.ccapi;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calls to one platform endpoint: at most {@code callsPerSecond} (0: no rate limit) and {@code
 * maxInFlight} at a time, turns handed out fairly across apps ({@link FairTurns}).
 */
final class EndpointLimiter {
  private static final long POLL_MILLIS = 5;
  private final RateLimiter rate;
  private final Semaphore inFlight;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition turnTaken = lock.newCondition();
  private final FairTurns<Object> turns = new FairTurns<>();

  EndpointLimiter(String endpoint, int callsPerSecond, int maxInFlight) {
    this.rate = callsPerSecond <= 0 ? null
        : RateLimiter.of(endpoint, RateLimiterConfig.custom()
            .limitForPeriod(callsPerSecond).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
    this.inFlight = new Semaphore(maxInFlight, true);
  }

  /** Waits (at most {@code maxWait}) for a turn of {@code app}; false when none came. Then {@link #release()}. */
  boolean acquire(String app, Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    Object me = new Object();
    lock.lock();
    try {
      turns.add(app, me);
      while (turns.peek() != me) {
        if (!turnTaken.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          turns.remove(app, me);
          return false;
        }
      }
    } finally {
      lock.unlock();
    }
    // first in line (the others wait behind): a permit of each limit, then the line moves on
    boolean granted = false;
    try {
      granted = waitForPermits(deadline);
    } finally {
      lock.lock();
      try {
        turns.poll();
        turnTaken.signalAll();
      } finally {
        lock.unlock();
      }
    }
    return granted;
  }

  void release() {
    inFlight.release();
  }

  private boolean waitForPermits(long deadline) throws InterruptedException {
    if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
      return false;
    }
    while (rate != null && !rate.acquirePermission()) {
      if (System.nanoTime() >= deadline) {
        inFlight.release();
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
    return true;
  }
}
