package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.MicrometerCallRecorder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /metrics, /healthz and /readyz of a running operator, scraped over HTTP. */
class OpsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void probesAndMetricsReflectTheRunningOperator() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (var sim = io.ccapi.operator.simulator.CcapiSimulator.start(io.ccapi.operator.simulator.SimulatorConfig.ephemeral());
        EmbeddedCluster cluster = EmbeddedCluster.startMock()) {
      Crds.install(cluster.client());
      Samples.apply(cluster.client(), "default", sim.baseUrl());
      OperatorSettings settings = OperatorSettings.defaults().withServerSideApply(false).withPollInterval(Duration.ofSeconds(2));
      try (CcapiOperator operator = CcapiOperator.start(cluster.client(), settings, new MicrometerCallRecorder(registry), registry);
          OpsServer ops = new OpsServer(0, registry, operator)) {
        String base = "http://127.0.0.1:" + ops.port();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(base + "/readyz").statusCode() == 200);
        assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(base + "/readyz").body()).contains("informers synced");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
          String metrics = get(base + "/metrics").body();
          assertThat(metrics)
              .contains("ccapi_client_requests_seconds_count{endpoint=\"POST apps\",outcome=\"ok\"} 1")
              .contains("ccapi_client_requests_seconds_bucket{endpoint=\"POST agents\",outcome=\"ok\"")
              .contains("operator_sdk_");
        });
      }
    }
  }

  @Test
  void aStandbyIsAliveAndReadyButSaysSo() {
    CcapiOperator.Health standby = new CcapiOperator.Health(false, true, true, false);
    assertThat(standby.alive()).isTrue();
    assertThat(standby.ready()).isTrue();
    assertThat(standby.describe()).contains("standby");
    CcapiOperator.Health brokenLeader = new CcapiOperator.Health(true, true, true, false);
    assertThat(brokenLeader.alive()).isFalse();
    assertThat(brokenLeader.ready()).isFalse();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
