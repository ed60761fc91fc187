package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A by-hand throughput check, not a test: N client threads (default 8) make signed calls through the real
 * client for S seconds (default 10) against an in-process simulator, and the rate is printed. Run after
 * {@code mvn -o test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     io.ccapi.operator.simulator.SimulatorThroughput [threads] [seconds]
 * </pre>
 */
public final class SimulatorThroughput {
  private SimulatorThroughput() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (SimHarness sim = SimHarness.start(Duration.ofSeconds(10), Clock.systemUTC())) {
      CcapiClient client = sim.client;
      String appId = sim.newApp().appId();
      client.createAgents(appId, List.of(new Agents.Agent("1", "w1", null, null, null, null, null, true, null)));
      client.createQueue(appId, new Queues.Request("9001", "Q", null, null, null));

      LongAdder calls = new LongAdder();
      LongAdder failures = new LongAdder();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        pool.execute(() -> {
          for (long i = 0; System.nanoTime() < deadline; i++) {
            try {
              switch ((int) ((i + thread) % 4)) {
                case 0 -> client.getApp(appId);
                case 1 -> client.getAgent(appId, "1");
                case 2 -> client.listQueues(appId);
                default -> client.updateQueue(appId, new Queues.Request("9001", "Q" + (i % 7), null, null, null));
              }
              calls.increment();
            } catch (RuntimeException e) {
              failures.increment();
            }
          }
        });
      }
      pool.shutdown();
      pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d threads, %.1f s: %d calls ok, %d failed, %.0f requests/s (simulator counted %s)%n",
          threads, elapsed, calls.sum(), failures.sum(), calls.sum() / elapsed,
          sim.ops("GET", "stats", null).json().get("total"));
    }
  }
}
