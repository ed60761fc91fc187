package io.ccapi.operator.cli;

import io.ccapi.operator.runtime.Bench;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints speed and memory figures; targets are read off these, not asserted in unit tests. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print throughput, convergence and memory figures (simulator and operator).")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--threads", defaultValue = "8", description = "Client threads for the simulator run (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seconds", defaultValue = "10", description = "Length of the simulator run (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--agents", defaultValue = "200", description = "Agents for the operator run (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--queues", defaultValue = "10", description = "Queues for the operator run (default ${DEFAULT-VALUE}).")
  int queues;

  @Option(names = "--poll-interval", defaultValue = "PT10S", description = "Operator poll interval (default ${DEFAULT-VALUE}).")
  Duration poll;

  @Override
  public Integer call() throws Exception {
    Bench.simulator(threads, Duration.ofSeconds(seconds), System.out);
    Bench.operator(agents, queues, poll, System.out);
    return 0;
  }
}
