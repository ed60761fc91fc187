package io.ccapi.operator.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.runtime.BenchShape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 201-resource tenant converges through bad weather: 20 % of the platform's answers are errors (HTTP
 * 500 and HTTP 200 with 000003, alternating every two seconds), 10 % hang past the read timeout, every
 * answer has up to 40 ms of jitter, and every ten seconds latency spikes to 1.5 s for two seconds. No
 * duplicate, no Secret mismatch, and the calls it took stay within a bound of the reference's minimum.
 */
@Tag("hardening")
@Tag("apiserver")
class FaultsTest extends ProcessTier {
  static final String NS = "faults";
  /** Calls over the reference's minimum a converge may take under these faults (measured: see the README). */
  static final double MAX_CALL_RATIO = 6.0;

  @Test
  void aTenantConvergesThroughErrorsTimeoutsAndLatencySpikesWithBoundedExtraCalls() {
    Tenant tenant = new Tenant(kube, NS, 5, 65, 130);
    tenant.createApp(simulator.baseUrl());
    tenant.createChildren();
    sim.faults("{\"errorRate\":0.2,\"timeoutRate\":0.1,\"hangMs\":2500,\"latencyMs\":10,\"jitterMs\":40}");
    ScheduledExecutorService weather = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger tick = new AtomicInteger();
    weather.scheduleAtFixedRate(() -> {
      int t = tick.incrementAndGet();
      sim.faults("{\"errorMode\":\"" + (t % 2 == 0 ? "http500" : "errcode") + "\",\"latencyMs\":" + (t % 5 == 0 ? 1500 : 10) + "}");
    }, 2, 2, TimeUnit.SECONDS);
    long start = System.nanoTime();
    List<String> problems;
    long calls;
    try {
      operator("faults-op", NS, Map.of());
      problems = CrashTest.awaitSpec(tenant, sim, Duration.ofSeconds(240));
      calls = sim.total();
    } finally {
      weather.shutdownNow();
    }
    long min = new BenchShape(130, 65, 5, 0, 0, Duration.ZERO, 0, 100).minCalls();
    System.out.printf("faults: resources=%d converge_s=%.1f calls=%d writes=%d min_calls=%d extra_calls=%d call_ratio=%.2f problems=%d%n",
        tenant.resources(), (System.nanoTime() - start) / 1e9, calls, sim.writes(), min, calls - min, (double) calls / min, problems.size());
    assertThat(problems).isEmpty();
    assertThat((double) calls / min).as("calls / minimum calls").isLessThanOrEqualTo(MAX_CALL_RATIO);
  }
}
