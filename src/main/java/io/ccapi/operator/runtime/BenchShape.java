package io.ccapi.operator.runtime;

import io.ccapi.operator.ccapi.model.Queues;
import java.time.Duration;

/**
 * The tenant the benchmark converges and the conditions it runs under: {@code queues} queues, {@code
 * extensions} CcExtensions and {@code agents} seats (even ones create their own extension, with its
 * number named, odd ones bound to a CcExtension; each in one queue, every third in two), spread over as
 * few apps as the reference allows ({@link #apps()}); the simulator's latency and the operator's ccapi
 * rate limit.
 */
public record BenchShape(
    int agents, int extensions, int queues, long latencyMs, int rateLimit, Duration poll, int idlePolls, int batch) {
  /** Extension numbers are a non-zero digit and three digits: 1000–9999 in one app. */
  static final int EXTENSION_NUMBERS = 9000;

  /** Seats bound to a CcExtension (odd ones, while there are extensions to bind). */
  public int boundAgents() {
    return extensions == 0 ? 0 : agents / 2;
  }

  /** The fewest apps whose extension numbers and queue ids fit the reference's limits. */
  public int apps() {
    int numbers = extensions + (agents - boundAgents());
    return Math.max(1, Math.max(ceil(numbers, EXTENSION_NUMBERS), ceil(queues, Queues.MAX_QUEUES_PER_APP)));
  }

  /** The part of this shape in app {@code i} of {@link #apps()}: resources dealt out in turn. */
  public BenchShape part(int i) {
    int n = apps();
    return new BenchShape(share(agents, n, i), share(extensions, n, i), share(queues, n, i), latencyMs, rateLimit, poll, idlePolls, batch);
  }

  /**
   * The fewest ccapi calls the reference allows for this tenant, per app: the app, each queue and
   * extension created once (an extension created with its seat costs nothing more), seats created
   * {@code batch} per POST agents, one binding call per seat with extensionRefs, one queues/agents call
   * per queue (the reference caps neither), and one list each of seats (the reference's GET agents has
   * no paging) and queues; the app needs no read, POST apps answers its AppId.
   */
  public long minCalls() {
    long total = 0;
    for (int i = 0; i < apps(); i++) {
      BenchShape p = part(i);
      total += 1 + p.queues + p.extensions + ceil(p.agents, batch) + p.boundAgents() + p.queues + 2;
    }
    return total;
  }

  public int resources() {
    return apps() + queues + extensions + agents;
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  private static int share(int total, int parts, int i) {
    return total / parts + (i < total % parts ? 1 : 0);
  }
}
