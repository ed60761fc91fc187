package io.ccapi.operator.ccapi;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * ccapi client metrics: {@code ccapi_client_requests_seconds} (a histogram) by endpoint template and
 * outcome ("ok" or the error class), so calls by endpoint and outcome and their latency come from one
 * meter; {@code ccapi_client_rate_limit_calls_per_second} (the configured limit) and
 * {@code ccapi_client_rate_limit_wait_seconds} (time calls waited for a turn, by outcome "turn" or "timeout").
 */
public final class MicrometerCallRecorder implements CcapiClient.CallRecorder {
  private final MeterRegistry registry;

  public MicrometerCallRecorder(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void record(String endpoint, String outcome, long nanos) {
    Timer.builder("ccapi.client.requests")
        .description("ccapi calls by endpoint and outcome")
        .tag("endpoint", endpoint)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void rateLimit(int callsPerSecond) {
    Gauge.builder("ccapi.client.rate.limit.calls.per.second", () -> callsPerSecond)
        .description("the configured ccapi rate limit (calls per second, all accounts together)")
        .register(registry);
  }

  @Override
  public void rateLimitWait(boolean gotTurn, long nanos) {
    Timer.builder("ccapi.client.rate.limit.wait")
        .description("time ccapi calls waited for a turn under the rate limit")
        .tag("outcome", gotTurn ? "turn" : "timeout")
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
