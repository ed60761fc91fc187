package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcSubscription;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every request the operator sends during a demo-like run — the samples converge, are edited and are
 * deleted — has the method, path, query parameters and body fields that the reference describes
 * (src/test/resources/reference/requests.tsv), as the simulator recorded them ({@code requestShapes}).
 */
class OperatorRequestsTest {
  private static final Set<String> AUTHENTICATION = Set.of("Timestamp", "AppId", "Sid", "Sign");

  record Described(Set<String> query, Set<String> body) {}

  @Test
  void everyRequestTheOperatorSendsIsOneTheReferenceDescribes() throws Exception {
    JsonNode shapes;
    try (Demo demo = Demo.start(io.ccapi.operator.simulator.FaultSettings.none(), Duration.ofSeconds(2), new PrintStream(OutputStream.nullOutputStream()))) {
      assertThat(demo.awaitReady(Duration.ofSeconds(120))).as("samples Ready").isTrue();
      edit(demo.cluster().client());
      Thread.sleep(3000); // two polls: the edits reach the platform
      deleteAll(demo.cluster().client());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!demo.resources().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      assertThat(demo.resources()).as("all deleted").isEmpty();
      shapes = stats(demo.simulator().baseUrl()).get("requestShapes");
    }
    Map<String, Described> reference = reference();
    Set<String> sent = new TreeSet<>();
    shapes.fieldNames().forEachRemaining(sent::add);
    assertThat(sent).as("the run exercised creates, updates and deletes")
        .contains("POST apps", "PUT apps", "POST agents", "PUT agents/{AgentId}", "DELETE agents/{AgentId}", "PUT queues", "DELETE queues",
            "DELETE extensions", "PUT subscriptions/{id}", "DELETE subscriptions/{id}", "PUT spnumbers/agent/default/{AgentId}");
    assertThat(sent).as("endpoints the reference describes (GET agents/{AgentId} is not used)").isSubsetOf(reference.keySet());
    for (String endpoint : sent) {
      Set<String> query = new TreeSet<>();
      shapes.get(endpoint).get("query").forEach(q -> query.add(q.asText()));
      query.removeAll(AUTHENTICATION);
      Set<String> body = new TreeSet<>();
      shapes.get(endpoint).get("body").forEach(b -> body.add(b.asText()));
      assertThat(query).as("query parameters of %s", endpoint).isSubsetOf(reference.get(endpoint).query());
      assertThat(body).as("body fields of %s", endpoint).isSubsetOf(reference.get(endpoint).body());
    }
  }

  /** Merge patches of the spec: no resourceVersion, so they never conflict with the operator's own writes. */
  private static void edit(KubernetesClient kube) {
    patch(kube, CcApp.class, "demo-tenant", "{\"memo\":\"edited\"}");
    patch(kube, CcQueue.class, "sales", "{\"queueName\":\"Sales EMEA\"}");
    patch(kube, CcAgent.class, "bob", "{\"wrapUpTime\":30,\"defaultSpNumber\":null}");
    patch(kube, CcSubscription.class, "call-events", "{\"events\":[\"user_answer\"]}");
  }

  private static void patch(KubernetesClient kube, Class<? extends io.ccapi.operator.crd.CcResource<?, ?>> kind, String name, String spec) {
    kube.resources(kind).inNamespace(Demo.NAMESPACE).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":" + spec + "}");
  }

  private static void deleteAll(KubernetesClient kube) {
    for (Class<? extends io.ccapi.operator.crd.CcResource<?, ?>> kind : List.<Class<? extends io.ccapi.operator.crd.CcResource<?, ?>>>of(
        CcIvr.class, CcAgent.class, CcExtension.class, CcQueue.class, CcSubscription.class, CcApp.class)) {
      kube.resources(kind).inNamespace(Demo.NAMESPACE).delete();
    }
  }

  private static JsonNode stats(String baseUrl) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/__sim/stats")).GET().build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(answer.body());
  }

  /** "METHOD template" to what the reference describes for it. */
  static Map<String, Described> reference() throws Exception {
    Map<String, Described> out = new HashMap<>();
    try (InputStream in = OperatorRequestsTest.class.getResourceAsStream("/reference/requests.tsv")) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!row.isBlank() && !row.startsWith("#")) {
          String[] c = row.split("\t", -1);
          out.put(c[0] + " " + c[1], new Described(words(c[2]), words(c[3])));
        }
      }
    }
    return out;
  }

  private static Set<String> words(String column) {
    return column.equals("-") ? Set.of() : Set.of(column.split(" "));
  }
}
