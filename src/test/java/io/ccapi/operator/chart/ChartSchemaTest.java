package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** values.schema.json: wrong types, out-of-range numbers and unknown keys stop `helm template`. */
class ChartSchemaTest {
  static final String SCHEMA_ERROR = "values don't meet the specifications of the schema";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "replicas: three",
        "replicas: 0",
        "replicas: 1.5",
        "logLevel: LOUD",
        "logLevel: info",
        "unknownKey: 1",
        "replicaCount: 2",
        "pollInterval: 60s",
        "pollInterval: PT",
        "pollInterval: P1M",
        "pollInterval: 60",
        "ccapi: {connectTimeout: 5s}",
        "ccapi: {readTimeout: PT15}",
        "ccapi: {rateLimit: -1}",
        "ccapi: {rateLimit: '20'}",
        "ccapi: {rateLimit: 2.5}",
        "ccapi: {burst: 5}",
        "watchNamespaces: team-a",
        "watchNamespaces: [Team_A]",
        "watchNamespaces: [team-a, team-a]",
        "image: {pullPolicy: Sometimes}",
        "image: {registry: docker.io}",
        "image: {tag: 1}",
        "metrics: {port: 80}",
        "metrics: {port: '8080'}",
        "metrics: {serviceMonitor: {enabled: 'yes'}}",
        "metrics: {serviceMonitor: {interval: 30}}",
        "nodeSelector: {disk: 1}",
        "tolerations: {key: x}",
        "resources: []",
      })
  void refusesBadValues(String values) {
    assertThatThrownBy(() -> HelmChart.inRepo().template(values + "\n"))
        .as("values %s", values)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SCHEMA_ERROR);
  }

  @Test
  void refusesBadValuesGivenWithSet() {
    assertThatThrownBy(() -> HelmChart.inRepo().template("", HelmChart.NAMESPACE, t -> t.set("replicas", "three")))
        .hasMessageContaining(SCHEMA_ERROR)
        .hasMessageContaining("/replicas");
    assertThatThrownBy(() -> HelmChart.inRepo().template("", HelmChart.NAMESPACE, t -> t.set("logLevel", "LOUD")))
        .hasMessageContaining(SCHEMA_ERROR)
        .hasMessageContaining("/logLevel");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "replicas: 2",
        "logLevel: TRACE",
        "pollInterval: PT1M30S",
        "pollInterval: PT1H",
        "pollInterval: PT0.5S",
        "ccapi: {rateLimit: 0}",
        "ccapi: {rateLimit: 1000}",
        "watchNamespaces: [a, team-b2]",
        "image: {tag: '1.0'}",
        "metrics: {port: 9443, serviceMonitor: {enabled: true, interval: 1m30s}}",
      })
  void acceptsGoodValues(String values) {
    assertThatCode(() -> HelmChart.inRepo().template(values + "\n")).as("values %s", values).doesNotThrowAnyException();
  }

  /** Every key in values.yaml is declared in the schema, down to the objects the schema closes. */
  @Test
  void schemaDeclaresEveryDefaultValue() throws IOException {
    JsonNode values = new YAMLMapper().readTree(HelmChart.IN_REPO.resolve("values.yaml").toFile());
    JsonNode schema = new ObjectMapper().readTree(HelmChart.IN_REPO.resolve("values.schema.json").toFile());
    assertThat(schema.path("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");

    List<String> undeclared = new ArrayList<>();
    collectUndeclared("", values, schema, schema, undeclared);
    assertThat(undeclared).as("values.yaml keys missing from values.schema.json").isEmpty();

    List<String> untyped = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      if (!property.getValue().has("type") && !property.getValue().has("$ref")) {
        untyped.add(property.getKey());
      }
    }
    assertThat(untyped).as("top-level values without a type").isEmpty();
    assertThat(schema.path("additionalProperties").asBoolean(true)).as("unknown top-level keys refused").isFalse();
  }

  private static void collectUndeclared(String path, JsonNode value, JsonNode schema, JsonNode root, List<String> out) {
    JsonNode resolved = resolve(schema, root);
    if (!value.isObject() || !resolved.has("properties")) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode declared = resolved.path("properties").path(field.getKey());
      if (declared.isMissingNode()) {
        out.add(path + "." + field.getKey());
      } else {
        collectUndeclared(path + "." + field.getKey(), field.getValue(), declared, root, out);
      }
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#/") ? root.at(ref.substring(1)) : schema;
  }
}
