package io.ccapi.operator.runtime;

import java.time.Duration;

/**
 * The tenant the benchmark converges and the conditions it runs under: one app with {@code queues}
 * queues, {@code extensions} CcExtensions and {@code agents} seats (even ones with createExtension, odd
 * ones bound to a CcExtension; each in one queue, every third in two), the simulator's latency and the
 * operator's ccapi rate limit.
 */
public record BenchShape(
    int agents, int extensions, int queues, long latencyMs, int rateLimit, Duration poll, int idlePolls, int batch) {

  /** Seats bound to a CcExtension (odd ones, while there are extensions to bind). */
  public int boundAgents() {
    return extensions == 0 ? 0 : agents / 2;
  }

  /**
   * The fewest ccapi calls the reference allows for this tenant: the app, each queue and extension
   * created once, seats created {@code batch} per POST agents, one binding call per seat with
   * extensionRefs, one queues/agents call per queue, and one read of app, seats (pages of 500) and queues.
   */
  public long minCalls() {
    long seatCreates = (agents + batch - 1) / batch;
    long lists = 1 + Math.max(1, (agents + 499) / 500) + 1;
    return 1 + queues + extensions + seatCreates + boundAgents() + queues + lists;
  }

  public int resources() {
    return 1 + queues + extensions + agents;
  }
}
