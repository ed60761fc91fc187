package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.MicrometerCallRecorder;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorSettings;
import io.ccapi.operator.runtime.OpsServer;
import io.ccapi.operator.runtime.Samples;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's Grafana dashboard and PrometheusRule (rendered with their flags on) name only metrics a
 * running operator exports: every name in their PromQL is in the /metrics of an operator that has made
 * ccapi calls under a rate limit, failed a reconcile and has a Stalled resource.
 */
class MonitoringMetricsTest {
  static final String FLAGS = "metrics:\n  grafanaDashboard:\n    enabled: true\n  prometheusRule:\n    enabled: true\n";
  /** Series Prometheus makes itself when it scrapes, not the operator. */
  static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");
  private static final Pattern METRIC = Pattern.compile("\\b(?:ccapi|operator_sdk|jvm|process|up)(?:_[a-z0-9]+)*\\b");

  static Manifests rendered;

  @BeforeAll
  static void render() {
    rendered = HelmChart.inRepo().render(FLAGS);
  }

  @Test
  void theDashboardIsAConfigMapForGrafanasSidecar() throws Exception {
    ConfigMap dashboard = dashboardConfigMap();
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    JsonNode json = new ObjectMapper().readTree(dashboard.getData().values().iterator().next());
    assertThat(json.path("title").asText()).isEqualTo("ccapi-operator");
    assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theAlertsCoverWhatTheIssueAsksFor() {
    assertThat(alerts().keySet())
        .containsExactlyInAnyOrder(
            "CcapiOperatorDown", "CcapiOperatorReconcileErrors", "CcapiPlatformErrors", "CcapiRateLimitSaturated", "CcapiResourcesStalled");
  }

  @Test
  void everyMetricTheyNameIsExportedByARunningOperator() throws Exception {
    List<String> expressions = new ArrayList<>(alerts().values());
    expressions.addAll(dashboardExpressions());
    Set<String> named = new TreeSet<>();
    expressions.forEach(e -> named.addAll(metricNames(e)));
    named.removeAll(MADE_BY_PROMETHEUS);
    assertThat(named).contains("ccapi_resources_stalled", "ccapi_client_rate_limit_wait_seconds_sum");

    String metrics = scrapeABusyOperator(named);
    Set<String> exported = metrics.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("[{ ]")[0]).collect(Collectors.toSet());
    assertThat(exported).containsAll(named);
    assertThat(metrics).containsPattern("ccapi_resources_stalled\\{kind=\"CcApp\"} [1-9]");
  }

  static Set<String> metricNames(String promql) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(promql.replaceAll("\"[^\"]*\"", "\"\""));
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  private static ConfigMap dashboardConfigMap() {
    return rendered.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().endsWith("-dashboard")).findFirst().orElseThrow();
  }

  private static List<String> dashboardExpressions() throws Exception {
    JsonNode json = new ObjectMapper().readTree(dashboardConfigMap().getData().values().iterator().next());
    List<String> exprs = new ArrayList<>();
    json.findValues("expr").forEach(e -> exprs.add(e.asText()));
    assertThat(exprs).isNotEmpty();
    return exprs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> alerts() {
    GenericKubernetesResource rule = (GenericKubernetesResource) rendered.ofKind("PrometheusRule").get(0);
    Map<String, String> byName = new java.util.TreeMap<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) ((Map<String, Object>) rule.getAdditionalProperties().get("spec")).get("groups")) {
      for (Map<String, Object> r : (List<Map<String, Object>>) group.get("rules")) {
        byName.put((String) r.get("alert"), (String) r.get("expr"));
      }
    }
    return byName;
  }

  /** /metrics of an operator that converged the samples, failed to reach one app and stalled on another. */
  private static String scrapeABusyOperator(Set<String> wanted) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (CcapiSimulator sim = CcapiSimulator.start(SimulatorConfig.ephemeral());
        EmbeddedCluster cluster = EmbeddedCluster.startMock()) {
      KubernetesClient kube = cluster.client();
      Crds.install(kube);
      Samples.apply(kube, "default", sim.baseUrl());
      brokenApps(kube);
      OperatorSettings settings =
          OperatorSettings.defaults().withServerSideApply(false).withPollInterval(Duration.ofSeconds(2)).withRateLimit(5)
              .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2));
      try (CcapiOperator operator = CcapiOperator.start(kube, settings, new MicrometerCallRecorder(registry), registry);
          OpsServer ops = new OpsServer(0, registry, operator)) {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/metrics")).build();
        String[] last = {""};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
          last[0] = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
          return wanted.stream().allMatch(name -> last[0].contains("\n" + name + "{") || last[0].contains("\n" + name + " "))
              && last[0].matches("(?s).*ccapi_resources_stalled\\{kind=\"CcApp\"} [1-9].*");
        });
        return last[0];
      }
    }
  }

  /** One app whose Secret lacks authToken (Stalled: CredentialsMissing), one whose endpoint refuses connections (reconcile errors). */
  private static void brokenApps(KubernetesClient kube) {
    kube.secrets().inNamespace("default").resource(
        new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("no-token").build()).withStringData(Map.of("sid", "s")).build()).create();
    kube.resource(app("stalled", "https://127.0.0.1:1", "no-token")).inNamespace("default").create();
    kube.resource(app("unreachable", "http://127.0.0.1:1", "ccapi-credentials")).inNamespace("default").create();
  }

  private static CcApp app(String name, String endpoint, String secret) {
    CcApp app = new CcApp();
    app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = endpoint;
    spec.insecure = endpoint.startsWith("http://");
    spec.credentialsSecretRef = secret;
    spec.displayName = name;
    app.setSpec(spec);
    return app;
  }
}
