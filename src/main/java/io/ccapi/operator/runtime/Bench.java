package io.ccapi.operator.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.FaultSettings;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Figures, not assertions: throughput of client + simulator, and the operator at scale. */
public final class Bench {
  private Bench() {}

  /** Signed calls from {@code threads} threads for {@code duration}: rate and latency percentiles. */
  public static void simulator(int threads, Duration duration, PrintStream out) throws Exception {
    try (CcapiSimulator sim = CcapiSimulator.start(SimulatorConfig.ephemeral())) {
      CcapiClientFactory factory = new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
      CcapiClient client = factory.create(sim.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
      String appId = client.createApp(new Apps.CreateRequest("bench", Apps.TYPE_CALL_CENTER, "", null, null)).appId();
      long end = System.nanoTime() + duration.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          List<Long> latencies = new ArrayList<>();
          while (System.nanoTime() < end) {
            long start = System.nanoTime();
            client.listQueues(appId);
            latencies.add(System.nanoTime() - start);
          }
          return latencies;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : results) {
        all.addAll(f.get());
      }
      pool.shutdown();
      factory.close();
      Collections.sort(all);
      out.printf("simulator: %d threads, %d s: %d calls, %.0f calls/s, p50 %.2f ms, p99 %.2f ms%n",
          threads, duration.toSeconds(), all.size(), all.size() / (double) duration.toSeconds(),
          percentile(all, 0.50), percentile(all, 0.99));
    }
  }

  /**
   * The operator converging a {@link BenchShape} tenant on the real API server when it is installed (else
   * the mock), then idling for a few polls: the figures, and one summary line to compare runs by.
   */
  public static void operator(BenchShape shape, Duration limit, PrintStream out) throws Exception {
    FaultSettings faults = FaultSettings.none().withLatency(shape.latencyMs());
    try (CcapiSimulator sim = CcapiSimulator.start(SimulatorConfig.ephemeral().withFaults(faults));
        EmbeddedCluster cluster = EmbeddedCluster.start()) {
      Crds.install(cluster.client());
      if (cluster.real()) {
        Crds.awaitEstablished(cluster.client());
      }
      CountingKubeClient counted = new CountingKubeClient(cluster.kubeconfig());
      OperatorSettings settings =
          OperatorSettings.defaults().withPollInterval(shape.poll()).withServerSideApply(cluster.real()).withRateLimit(shape.rateLimit());
      try (CcapiOperator operator = CcapiOperator.start(counted.client(), settings, CcapiClient.CallRecorder.NONE)) {
        out.println("operator: " + cluster.description() + ", " + shape.resources() + " resources in " + shape.apps() + " app(s)");
        long start = System.nanoTime();
        BenchTenant.create(cluster.client(), sim.baseUrl(), shape);
        long deadline = start + limit.toNanos();
        long ready;
        while ((ready = BenchTenant.ready(cluster.client())) < shape.resources() && System.nanoTime() < deadline) {
          Thread.sleep(Math.max(500, shape.resources() / 5)); // each look lists every resource
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ready < shape.resources()) {
          out.printf(java.util.Locale.ROOT, "NOT CONVERGED: %d of %d resources Ready after %.0f s (--max-seconds); figures below are for that moment%n",
              ready, shape.resources(), seconds);
        }
        out.println("ccapi calls to converge, by endpoint: " + byEndpoint(sim));
        out.println("Kubernetes requests to converge, by kind: " + counted.since(Map.of()));
        report(shape, out, seconds, totalCalls(sim), counted, sim);
      } finally {
        counted.client().close();
      }
    }
  }

  private static void report(BenchShape shape, PrintStream out, double seconds, long calls, CountingKubeClient counted, CcapiSimulator sim)
      throws Exception {
    long kubeRequests = counted.requests();
    Map<String, Long> converged = counted.byKind();
    Thread.sleep(shape.poll().toMillis() * shape.idlePolls());
    out.println("Kubernetes requests in the idle polls, by kind: " + counted.since(converged));
    double steady = (totalCalls(sim) - calls) / (double) shape.idlePolls();
    out.printf(java.util.Locale.ROOT, "Kubernetes requests per idle poll: %.1f (%.3f per resource)%n",
        (counted.requests() - kubeRequests) / (double) shape.idlePolls(),
        (counted.requests() - kubeRequests) / (double) shape.idlePolls() / shape.resources());
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    out.printf(java.util.Locale.ROOT,
        "bench: agents=%d extensions=%d queues=%d latency_ms=%d rate_limit=%d converge_s=%.1f ccapi_calls=%d min_calls=%d call_ratio=%.2f "
            + "k8s_requests_per_resource=%.2f steady_calls_per_poll=%.1f heap_mib=%d%n",
        shape.agents(), shape.extensions(), shape.queues(), shape.latencyMs(), shape.rateLimit(), seconds, calls, shape.minCalls(),
        calls / (double) shape.minCalls(), kubeRequests / (double) shape.resources(), steady, heap);
  }

  private static String byEndpoint(CcapiSimulator sim) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__sim/stats")).build(), HttpResponse.BodyHandlers.ofString());
    StringBuilder text = new StringBuilder();
    new ObjectMapper().readTree(r.body()).path("byEndpoint").fields()
        .forEachRemaining(e -> text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asLong()));
    return text.toString();
  }

  private static long totalCalls(CcapiSimulator sim) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/__sim/stats")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body()).path("total").asLong();
  }

  private static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    return sortedNanos.get((int) Math.min(sortedNanos.size() - 1, Math.round(p * (sortedNanos.size() - 1)))) / 1e6;
  }

}
