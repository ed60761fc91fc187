package io.ccapi.operator.cli;

import io.ccapi.operator.ccapi.MicrometerCallRecorder;
import io.ccapi.operator.runtime.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ccapi.operator.runtime.OperatorKubeClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The operator against the current kubeconfig or the in-cluster service account. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the operator against the current kubeconfig or in-cluster config.")
final class RunCommand implements Callable<Integer> {
  /** How long SIGTERM waits for the operator to stop and release its lease (a pod's grace period is 30 s). */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  @Option(names = {"-n", "--namespace"}, split = ",", description = "Namespaces to watch (repeat or comma-separate; default: all).")
  List<String> namespaces = List.of();

  @Option(names = "--unbound-extension-check", defaultValue = "PT10M",
      description = "Check that an extension bound to no seat still exists this often; the API offers only a create for that (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration unboundExtensionCheck;

  @Option(names = "--poll-interval", defaultValue = "PT60S", description = "Re-observe the platform this often (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--ccapi-connect-timeout", defaultValue = "PT5S", description = "ccapi connect timeout (default ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  @Option(names = "--ccapi-read-timeout", defaultValue = "PT15S", description = "ccapi read timeout (default ${DEFAULT-VALUE}).")
  Duration readTimeout;

  @Option(names = "--ccapi-rate-limit", defaultValue = "20", description = "At most this many ccapi calls per second to one platform endpoint, turns fair across apps; 0 = unlimited (default ${DEFAULT-VALUE}).")
  int rateLimit;

  @Option(names = "--metrics-port", defaultValue = "8080", description = "Port of /metrics, /healthz and /readyz (default ${DEFAULT-VALUE}).")
  int metricsPort;

  /** On by default: two operators writing to one tenant at once duplicate tenants and mismatch passwords. */
  @Option(names = "--leader-election", arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "Run only while holding the Lease 'ccapi-operator' (default ${DEFAULT-VALUE}); --leader-election=false only for development, with one operator per cluster.")
  boolean leaderElection;

  @Option(names = "--lease-namespace",
      description = "Namespace of the leader-election Lease (default: $POD_NAMESPACE, else the kubeconfig's namespace).")
  String leaseNamespace;

  @Override
  public Integer call() throws Exception {
    OperatorSettings settings =
        OperatorSettings.defaults()
            .withNamespaces(new HashSet<>(namespaces))
            .withPollInterval(pollInterval)
            .withUnboundExtensionCheck(unboundExtensionCheck)
            .withTimeouts(connectTimeout, readTimeout)
            .withRateLimit(rateLimit);
    KubernetesClient client = OperatorKubeClient.builder().build();
    if (leaderElection) {
      String ns = leaseNamespace(client);
      if (ns == null) {
        client.close();
        System.err.println("leader election needs --lease-namespace, $POD_NAMESPACE or a namespace in the kubeconfig (--leader-election=false turns it off)");
        return 2;
      }
      settings = settings.withLeaderElection(ns);
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (CcapiOperator operator = CcapiOperator.start(client, settings, new MicrometerCallRecorder(registry), registry);
        OpsServer ops = new OpsServer(metricsPort, registry, operator)) {
      // the JVM halts once its shutdown hooks return: this one waits for the close below (lease released)
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.countDown();
        awaitQuietly(stopped, SHUTDOWN_GRACE);
      }));
      System.out.println("metrics and probes on :" + ops.port() + " (/metrics, /healthz, /readyz)");
      System.out.println("ccapi-operator running against " + client.getConfiguration().getMasterUrl()
          + (namespaces.isEmpty() ? " (all namespaces)" : " (namespaces " + String.join(",", namespaces) + ")")
          + (settings.leaseNamespace() == null ? ", leader election off" : ", leader election on (Lease " + settings.leaseNamespace() + "/" + OperatorSettings.LEASE_NAME + ")"));
      stop.await();
    } finally {
      client.close();
      stopped.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch, Duration atMost) {
    try {
      latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** --lease-namespace, else $POD_NAMESPACE (in a pod), else the kubeconfig's or service account's namespace. */
  private String leaseNamespace(KubernetesClient client) {
    for (String ns : new String[] {leaseNamespace, System.getenv("POD_NAMESPACE"), client.getNamespace()}) {
      if (ns != null && !ns.isBlank()) {
        return ns;
      }
    }
    return null;
  }
}
