package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.plan.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Defect 5: with metrics on (always in {@code run}) JOSDK's metrics wrapper wraps what a reconcile throws,
 * and a retryable platform error was reported as {@code ClusterApiError: Kubernetes API call failed:
 * OperatorException}. It must be BackendUnavailable with the platform's code and text.
 */
class MetricsWrappedErrorsTest {
  static OperatorHarness h;
  static SimpleMeterRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    registry = new SimpleMeterRegistry();
    h = OperatorHarness.start(registry);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @AfterEach
  void noFaults() {
    h.simFaults("{\"errorRate\":0,\"timeoutRate\":0,\"errorMode\":\"http500\"}");
  }

  @Test
  void http500IsBackendUnavailableWithThePlatformsCode() {
    String ns = readyAppAndQueue();
    h.simFaults("{\"errorRate\":1,\"errorMode\":\"http500\"}");

    for (CcResource<?, ?> r : awaitBackendUnavailable(ns)) {
      assertThat(syncedMessage(r)).contains("000003", "System internal error", "HTTP 500").doesNotContain("Kubernetes API call failed");
    }
    assertRecovers(ns);
  }

  @Test
  void errCode000003IsBackendUnavailableWithThePlatformsCode() {
    String ns = readyAppAndQueue();
    h.simFaults("{\"errorRate\":1,\"errorMode\":\"errcode\"}");

    for (CcResource<?, ?> r : awaitBackendUnavailable(ns)) {
      assertThat(syncedMessage(r)).contains("000003", "System internal error").doesNotContain("Kubernetes API call failed");
    }
    assertRecovers(ns);
  }

  @Test
  void aTimeoutIsBackendUnavailable() {
    String ns = readyAppAndQueue();
    // the harness's read timeout is 2 s: every call hangs past it
    h.simFaults("{\"timeoutRate\":1,\"hangMs\":4000}");

    for (CcResource<?, ?> r : awaitBackendUnavailable(ns)) {
      assertThat(syncedMessage(r)).doesNotContain("Kubernetes API call failed", "OperatorException");
    }
    assertRecovers(ns);
  }

  /** The metrics are really on: JOSDK recorded reconciliations in the registry. */
  @Test
  void theOperatorRunsWithJosdkMetrics() {
    readyAppAndQueue();
    assertThat(registry.getMeters()).anySatisfy(m -> assertThat(m.getId().getName()).startsWith("operator.sdk"));
  }

  private static String readyAppAndQueue() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    h.awaitReady(CcApp.class, ns, "tenant");
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");
    return ns;
  }

  /**
   * Right after the fault is switched on, the queue's spec is edited so that it calls the platform at once
   * (before its app's next poll makes it WaitingForApp); the app fails at its next poll (2 s). Returns the
   * first BackendUnavailable status seen of each; on the way no Ready reason and no Event is ever
   * ClusterApiError.
   */
  private static List<CcResource<?, ?>> awaitBackendUnavailable(String ns) {
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueName = "Renamed");
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Map<String, CcResource<?, ?>> failed = new ConcurrentHashMap<>();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
      for (CcResource<?, ?> r : List.<CcResource<?, ?>>of(h.get(CcApp.class, ns, "tenant"), h.get(CcQueue.class, ns, "q"))) {
        // the last reconcile's error: in Synced (Ready holds for the app, whose spec is unchanged)
        String reason = r.getStatus() == null ? null : condition(r.getStatus(), Conditions.SYNCED).getReason();
        seen.add(r.getKind() + ":" + reason);
        if (Reason.BackendUnavailable.name().equals(reason)) {
          failed.putIfAbsent(r.getKind(), r);
        }
      }
      return failed.size() == 2;
    });
    assertThat(seen).noneMatch(s -> s.endsWith(":" + Reason.ClusterApiError.name()));
    assertThat(h.events(ns)).noneSatisfy(e -> assertThat(e.getReason()).isEqualTo(Reason.ClusterApiError.name()));
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo(Reason.BackendUnavailable.name()));
    return List.copyOf(failed.values());
  }

  private static String syncedMessage(CcResource<?, ?> r) {
    return condition(r.getStatus(), Conditions.SYNCED).getMessage();
  }

  private static void assertRecovers(String ns) {
    h.simFaults("{\"errorRate\":0,\"timeoutRate\":0}");
    h.awaitReady(CcApp.class, ns, "tenant");
    h.awaitReady(CcQueue.class, ns, "q");
    await().atMost(Duration.ofSeconds(20)).until(() -> "True".equals(condition(h.get(CcApp.class, ns, "tenant").getStatus(), Conditions.SYNCED).getStatus()));
  }
}
