package io.ccapi.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kubectl explain shows a description for every field of every kind: the OpenAPI v3 document the API
 * server publishes for ccapi.io (what kubectl explain reads) has one on every property, and kubectl prints it.
 */
@Tag("apiserver")
class ExplainTest {
  static final List<String> KINDS = List.of("CcApp", "CcAgent", "CcQueue", "CcExtension", "CcSubscription", "CcIvr");
  static EmbeddedCluster cluster;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws Exception {
    cluster = RealApiServer.startOrSkip();
    Crds.install(cluster.client());
    Crds.awaitEstablished(cluster.client());
    kubectl = new Kubectl(cluster);
    // the OpenAPI document follows the CRDs a moment after they are Established
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> Crds.PLURALS.size() == KINDS.stream().filter(k -> !publishedSchemas().path("io.ccapi.v1alpha1." + k).isMissingNode()).count());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyPublishedFieldHasADescription() throws Exception {
    JsonNode schemas = publishedSchemas();
    List<String> undescribed = new ArrayList<>();
    int fields = 0;
    for (String kind : KINDS) {
      JsonNode schema = schemas.path("io.ccapi.v1alpha1." + kind);
      assertThat(schema.isMissingNode()).as("published schema of " + kind).isFalse();
      fields += walk(schema, kind, undescribed);
    }
    assertThat(fields).as("fields found").isGreaterThan(100);
    assertThat(undescribed).as("fields without a description").isEmpty();
  }

  @Test
  void kubectlExplainPrintsTheDescriptions() throws Exception {
    for (String plural : Crds.PLURALS) {
      Kubectl.Result recursive = kubectl.run("explain", plural, "--recursive");
      assertThat(recursive.exit()).as(recursive.output()).isZero();
      assertThat(recursive.output()).contains("spec", "status", "conditions");
      Kubectl.Result spec = kubectl.run("explain", plural + ".spec");
      assertThat(spec.output()).contains("The wanted state of the platform object", "managementPolicy", "Manage: create and update");
    }
    Kubectl.Result condition = kubectl.run("explain", "ccagents.status.conditions.reason");
    assertThat(condition.output()).contains("why the condition has this status");
  }

  private static JsonNode publishedSchemas() {
    String json = cluster.client().raw("/openapi/v3/apis/ccapi.io/v1alpha1");
    try {
      return new ObjectMapper().readTree(json == null ? "{}" : json).path("components").path("schemas");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Counts the properties under {@code schema}, adding the path of each one without a description. */
  private static int walk(JsonNode schema, String path, List<String> undescribed) {
    int count = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String at = path + "." + property.getKey();
      if (property.getValue().path("description").asText().isBlank()) {
        undescribed.add(at);
      }
      count += 1 + walk(property.getValue(), at, undescribed) + walk(property.getValue().path("items"), at + "[]", undescribed);
    }
    return count;
  }
}
