package io.ccapi.operator.cli;

import io.ccapi.operator.runtime.Demo;
import io.ccapi.operator.simulator.FaultSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job on a fresh machine: everything embedded, until every sample is Ready. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run everything embedded until every sample is Ready.",
      "Starts the ccapi simulator and a Kubernetes API (a real kube-apiserver when installed, else the",
      "Fabric8 mock server), installs the CRDs, applies samples/ and runs the operator.",
      "Exit 0 when every sample is Ready, 1 on timeout."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--timeout", defaultValue = "PT120S", description = "How long to wait for Ready (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--poll-interval", defaultValue = "PT15S", description = "Operator re-observation interval (default ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--keep-running", description = "Keep everything running after convergence (Ctrl-C to stop).")
  boolean keepRunning;

  @Option(names = "--sim-latency-ms", defaultValue = "0", description = "Simulator latency per request.")
  long latencyMs;

  @Option(names = "--sim-error-rate", defaultValue = "0", description = "Share of requests the simulator answers with 000003.")
  double errorRate;

  @Option(names = "--sim-timeout-rate", defaultValue = "0", description = "Share of requests the simulator hangs past the client timeout.")
  double timeoutRate;

  @Override
  public Integer call() throws Exception {
    FaultSettings faults =
        new FaultSettings(latencyMs, 0, errorRate, FaultSettings.ErrorMode.ERRCODE, timeoutRate, 8_000, 0);
    try (Demo demo = Demo.start(faults, pollInterval, System.out)) {
      boolean ready = demo.awaitReady(timeout);
      System.out.println();
      demo.printTable(System.out);
      System.out.println();
      demo.printSecrets(System.out);
      System.out.println();
      if (!ready) {
        System.out.println("Not every sample became Ready within " + timeout.toSeconds() + " s.");
        return 1;
      }
      System.out.println("All samples are Ready.");
      if (keepRunning) {
        Path kubeconfig = Files.createTempFile("ccapi-demo-", ".kubeconfig");
        Files.writeString(kubeconfig, demo.cluster().kubeconfig());
        System.out.println("Kubernetes API: KUBECONFIG=" + kubeconfig + " kubectl get ccapi -A");
        System.out.println("ccapi simulator: " + demo.simulator().baseUrl() + "/__sim/state");
        System.out.println("Press Ctrl-C to stop.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
      }
      return 0;
    }
  }
}
