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
  private static final String NAMESPACE = "default";

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
   * One app with {@code queues} queues and {@code agents} agents (each in one queue) on the mock API
   * server: time until all are Ready, ccapi calls to get there, ccapi calls per idle poll, heap after GC.
   */
  public static void operator(int agents, int queues, Duration poll, PrintStream out) throws Exception {
    try (CcapiSimulator sim = CcapiSimulator.start(SimulatorConfig.ephemeral());
        EmbeddedCluster cluster = EmbeddedCluster.startMock()) {
      KubernetesClient kube = cluster.client();
      Crds.install(kube);
      OperatorSettings settings = OperatorSettings.defaults().withPollInterval(poll).withServerSideApply(false);
      long start = System.nanoTime();
      try (CcapiOperator operator = CcapiOperator.start(kube, settings, CcapiClient.CallRecorder.NONE)) {
        create(kube, sim.baseUrl(), agents, queues);
        while (!allReady(kube, 1 + queues + agents)) {
          Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long converged = totalCalls(sim);
        Thread.sleep(poll.toMillis() * 2);
        long idle = (totalCalls(sim) - converged) / 2;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf("operator: 1 app, %d queues, %d agents: Ready in %.1f s, %d ccapi calls to converge, %d ccapi calls per idle poll (%d s), heap after GC %d MiB%n",
            queues, agents, seconds, converged, idle, poll.toSeconds(), heap / (1024 * 1024));
      }
    }
  }

  private static void create(KubernetesClient kube, String endpoint, int agents, int queues) {
    String ns = NAMESPACE;
    kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .withData(Map.of("sid", b64(SimulatorConfig.DEFAULT_SID), "authToken", b64(SimulatorConfig.DEFAULT_AUTH_TOKEN))).build()).create();
    CcApp app = new CcApp();
    app.setMetadata(new ObjectMetaBuilder().withName("bench").withNamespace(ns).build());
    app.setSpec(new CcAppSpec());
    app.getSpec().endpoint = endpoint;
    app.getSpec().credentialsSecretRef = "creds";
    app.getSpec().displayName = "bench";
    kube.resource(app).create();
    for (int q = 0; q < queues; q++) {
      CcQueue queue = new CcQueue();
      queue.setMetadata(new ObjectMetaBuilder().withName("q" + q).withNamespace(ns).build());
      queue.setSpec(new CcQueueSpec());
      queue.getSpec().appRef = "bench";
      queue.getSpec().queueId = Integer.toString(9000 + q);
      queue.getSpec().queueName = "q" + q;
      kube.resource(queue).create();
    }
    for (int a = 0; a < agents; a++) {
      CcAgent agent = new CcAgent();
      agent.setMetadata(new ObjectMetaBuilder().withName("a" + a).withNamespace(ns).build());
      agent.setSpec(new CcAgentSpec());
      agent.getSpec().appRef = "bench";
      agent.getSpec().agentId = Integer.toString(10000 + a);
      agent.getSpec().workId = "w" + a;
      agent.getSpec().queueRefs = List.of("q" + (a % Math.max(1, queues)));
      kube.resource(agent).create();
    }
  }

  private static boolean allReady(KubernetesClient kube, int expected) {
    long ready =
        Stream.of(CcApp.class, CcQueue.class, CcAgent.class)
            .flatMap(kind -> kube.resources(kind).inNamespace(NAMESPACE).list().getItems().stream())
            .filter(r -> Conditions.isReady(r.getStatus()))
            .count();
    return ready == expected;
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

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
