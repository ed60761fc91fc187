package io.ccapi.operator.ccapi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * ccapi client metrics: {@code ccapi_client_requests_seconds} (a histogram) by endpoint template and
 * outcome ("ok" or the error class), so calls by endpoint and outcome and their latency come from one
 * meter.
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
}
