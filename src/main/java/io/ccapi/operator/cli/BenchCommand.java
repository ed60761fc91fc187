package io.ccapi.operator.cli;

import io.ccapi.operator.runtime.Bench;
import io.ccapi.operator.runtime.BenchShape;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints speed and memory figures; targets are read off these, not asserted in unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print throughput, convergence and memory figures (simulator and operator).")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--threads", defaultValue = "8", description = "Client threads for the simulator run (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of the simulator run, 0 to skip it (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--agents", defaultValue = "100", description = "Seats of the tenant (default ${DEFAULT-VALUE}); even ones get their own extension, odd ones a CcExtension.")
  int agents;

  @Option(names = "--extensions", defaultValue = "50", description = "CcExtensions of the tenant (default ${DEFAULT-VALUE}).")
  int extensions;

  @Option(names = "--queues", defaultValue = "5", description = "Queues of the tenant (default ${DEFAULT-VALUE}); a seat is in one, every third in two.")
  int queues;

  @Option(names = "--latency-ms", defaultValue = "20", description = "Simulator latency per request (default ${DEFAULT-VALUE}).")
  long latencyMs;

  @Option(names = "--rate-limit", defaultValue = "20", description = "Operator ccapi calls per second, 0 = unlimited (default ${DEFAULT-VALUE}, as the chart).")
  int rateLimit;

  @Option(names = "--poll-interval", defaultValue = "PT10S", description = "Operator poll interval (default ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(names = "--idle-polls", defaultValue = "3", description = "Polls measured after convergence (default ${DEFAULT-VALUE}).")
  int idlePolls;

  @Option(names = "--batch", defaultValue = "100", description = "Seats per POST agents assumed by min_calls (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--max-seconds", defaultValue = "3600", description = "Stop waiting for convergence after this long and report how far it got (default ${DEFAULT-VALUE}).")
  long maxSeconds;

  @Override
  public Integer call() throws Exception {
    if (seconds > 0) {
      Bench.simulator(threads, Duration.ofSeconds(seconds), System.out);
    }
    Bench.operator(new BenchShape(agents, extensions, queues, latencyMs, rateLimit, poll, idlePolls, batch), Duration.ofSeconds(maxSeconds), System.out);
    return 0;
  }
}
