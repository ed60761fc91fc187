package io.ccapi.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.runtime.CcapiOperator;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorSettings;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimCounts;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Management policies with production settings (server-side apply on) against a real kube-apiserver,
 * driven with the real kubectl: a hand-made tenant observed without a write and its drift shown in
 * status, the switch to Manage making exactly the planned operations (and the Observe fields leaving
 * status under SSA), then the paused annotation: no calls, condition Paused, resuming, and deleting.
 * The methods build on each other (one API server per class).
 */
@Tag("apiserver")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagementPolicyOnApiServerTest {
  static final String NS = "policy";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration POLL = Duration.ofSeconds(3);

  static EmbeddedCluster cluster;
  static CcapiSimulator simulator;
  static CcapiOperator operator;
  static Kubectl kubectl;
  static CcapiClientFactory factory;
  static CcapiClient platform;
  static String appId;
  static List<String> planned = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = RealApiServer.startOrSkip();
    simulator = CcapiSimulator.start(SimulatorConfig.ephemeral());
    Crds.install(cluster.client());
    Crds.awaitEstablished(cluster.client());
    operator =
        CcapiOperator.start(
            cluster.client(),
            OperatorSettings.defaults().withPollInterval(POLL).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)),
            CcapiClient.CallRecorder.NONE);
    kubectl = new Kubectl(cluster);
    factory = new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
    platform = factory.create(simulator.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
    ok(kubectl.run("create", "namespace", NS));
    ok(kubectl.run("create", "secret", "generic", "ccapi-credentials", "-n", NS,
        "--from-literal=sid=" + SimulatorConfig.DEFAULT_SID, "--from-literal=authToken=" + SimulatorConfig.DEFAULT_AUTH_TOKEN));
  }

  @AfterAll
  static void stop() throws Exception {
    RealApiServer.closeAll(operator, factory, simulator, cluster);
  }

  @Test
  @Order(1)
  void observingAHandMadeTenantWritesNothingAndShowsTheDrift() throws Exception {
    appId = platform.createApp(new Apps.CreateRequest("Legacy tenant", Apps.TYPE_CALL_CENTER, "", false, null)).appId();
    platform.createQueue(appId, new Queues.Request("9001", "Queue 9001", "longest_idle", 60, 128));
    platform.createQueue(appId, new Queues.Request("9002", "Queue 9002", "longest_idle", 60, 128));
    platform.createAgents(appId, List.of(new Agents.Agent("1001", "W1001", "Old Name", null, null, "agent", true, false, null)));
    platform.bindAgentQueues(appId, "1001", List.of("9001", "9002"));
    SimCounts before = counts();

    apply("""
        apiVersion: ccapi.io/v1alpha1
        kind: CcApp
        metadata:
          name: tenant
        spec:
          endpoint: %s
          insecure: true
          credentialsSecretRef: ccapi-credentials
          displayName: Legacy tenant
          appId: %s
          managementPolicy: Observe
        ---
        apiVersion: ccapi.io/v1alpha1
        kind: CcQueue
        metadata:
          name: sales
        spec:
          appRef: tenant
          queueId: "9001"
          queueName: Sales
          managementPolicy: Observe
        ---
        apiVersion: ccapi.io/v1alpha1
        kind: CcAgent
        metadata:
          name: alice
        spec:
          appRef: tenant
          agentId: "1001"
          workId: W1001
          displayName: Alice
          queueRefs: [sales]
          managementPolicy: Observe
        """.formatted(simulator.baseUrl(), appId));
    ok(kubectl.run("wait", "-n", NS, "--for=condition=Ready", "ccapp/tenant", "ccqueue/sales", "ccagent/alice", "--timeout=90s"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !get("ccagent", "alice").path("status").path("plannedOperations").isEmpty());
    awaitPolls(2);

    assertThat(counts().writesSince(before)).as("platform writes while observing").isEmpty();
    JsonNode app = get("ccapp", "tenant").path("status");
    JsonNode queue = get("ccqueue", "sales").path("status");
    JsonNode agent = get("ccagent", "alice").path("status");
    assertThat(app.path("inSync").asBoolean(false)).isTrue();
    assertThat(app.has("plannedOperations")).isFalse();
    assertThat(queue.path("inSync").isBoolean()).isTrue();
    assertThat(queue.path("inSync").asBoolean()).isFalse();
    assertThat(lines(queue)).containsExactly("~ update queue 9001: queueName: \"Queue 9001\" -> \"Sales\"");
    assertThat(agent.path("inSync").asBoolean(true)).isFalse();
    assertThat(lines(agent)).containsExactly("~ update agent 1001: displayName: \"Old Name\" -> \"Alice\"", "- unbind agent 1001 from queues [9002]");
    assertThat(readyMessage(queue)).contains("observing queue 9001", "ccapi.io/adopt=true");
    assertThat(annotations("ccqueue", "sales").has("ccapi.io/claim")).as("Observe records no claim").isFalse();
    planned.addAll(lines(queue));
    planned.addAll(lines(agent));
  }

  @Test
  @Order(2)
  void switchingToManageMakesExactlyThePlannedOperations() throws Exception {
    SimCounts before = counts();
    ok(kubectl.run("annotate", "-n", NS, "ccqueue/sales", "ccagent/alice", "ccapi.io/adopt=true"));
    for (String resource : List.of("ccapp/tenant", "ccqueue/sales", "ccagent/alice")) {
      ok(kubectl.run("patch", "-n", NS, resource, "--type", "merge", "-p", "{\"spec\":{\"managementPolicy\":\"Manage\"}}"));
    }
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      for (String[] r : List.of(new String[] {"ccapp", "tenant"}, new String[] {"ccqueue", "sales"}, new String[] {"ccagent", "alice"})) {
        JsonNode o = get(r[0], r[1]);
        assertThat(o.path("status").path("observedGeneration").asLong()).as(r[1]).isEqualTo(o.path("metadata").path("generation").asLong());
        assertThat(readyReason(o.path("status"))).as(r[1]).isEqualTo("Ready");
      }
      assertThat(queue("9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Sales"));
      Agents.Details seat = platform.getAgent(appId, "1001");
      assertThat(seat.name()).isEqualTo("Alice");
      assertThat(seat.queues()).containsExactly("9001");
    });
    awaitPolls(2);

    assertThat(counts().writesSince(before)).as("writes for planned operations " + planned).isEqualTo(SimCounts.endpointsOf(planned));
    // with server-side apply, the Observe-only fields leave status once the policy is Manage
    for (String[] r : List.of(new String[] {"ccapp", "tenant"}, new String[] {"ccqueue", "sales"}, new String[] {"ccagent", "alice"})) {
      JsonNode status = get(r[0], r[1]).path("status");
      assertThat(status.has("inSync")).as(r[1] + " status.inSync").isFalse();
      assertThat(status.has("plannedOperations")).as(r[1] + " status.plannedOperations").isFalse();
    }
    assertThat(annotations("ccqueue", "sales").path("ccapi.io/claim").asText()).contains("ADOPTED", "9001");
  }

  @Test
  @Order(3)
  void pausedQueueMakesNoCallsResumesAndStillDeletes() throws Exception {
    ok(kubectl.run("annotate", "-n", NS, "ccqueue/sales", "ccapi.io/paused=true"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "Paused".equals(readyReason(get("ccqueue", "sales").path("status"))));
    awaitPolls(1);
    SimCounts before = counts();
    ok(kubectl.run("patch", "-n", NS, "ccqueue/sales", "--type", "merge", "-p", "{\"spec\":{\"queueName\":\"Sales EU\"}}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      JsonNode q = get("ccqueue", "sales");
      return q.path("status").path("observedGeneration").asLong() == q.path("metadata").path("generation").asLong()
          && "Paused".equals(readyReason(q.path("status")));
    });
    awaitPolls(2);

    JsonNode status = get("ccqueue", "sales").path("status");
    for (JsonNode c : status.path("conditions")) {
      assertThat(c.path("status").asText()).as(c.path("type").asText()).isEqualTo("False");
      assertThat(c.path("reason").asText()).as(c.path("type").asText()).isEqualTo("Paused");
    }
    assertThat(status.path("conditions")).hasSize(4);
    assertThat(counts().writesSince(before)).as("writes while the queue is paused").isEmpty();
    assertThat(counts().since(before, appId)).as("the paused queue lists no queues").doesNotContainKey("GET queues");
    assertThat(queue("9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Sales"));
    Kubectl.Result printed = kubectl.run("get", "-n", NS, "ccqueue", "sales");
    assertThat(printed.output()).containsPattern("sales\\s+False\\s+Paused");

    // un-paused with kubectl annotate key-: the edit made meanwhile is applied
    ok(kubectl.run("annotate", "-n", NS, "ccqueue/sales", "ccapi.io/paused-"));
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(queue("9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Sales EU")));
    await().atMost(Duration.ofSeconds(20)).until(() -> "Ready".equals(readyReason(get("ccqueue", "sales").path("status"))));

    // paused again and deleted: the resource goes, the queue stays, an Orphaned event says why
    ok(kubectl.run("annotate", "-n", NS, "ccqueue/sales", "ccapi.io/paused=true"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "Paused".equals(readyReason(get("ccqueue", "sales").path("status"))));
    SimCounts beforeDelete = counts();
    ok(kubectl.run("delete", "-n", NS, "ccqueue/sales", "--wait=true", "--timeout=60s"));
    assertThat(kubectl.run("get", "-n", NS, "ccqueue/sales").exit()).isNotZero();
    assertThat(counts().writesSince(beforeDelete)).isEmpty();
    assertThat(queue("9001")).isPresent();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Kubectl.Result events = kubectl.run("get", "events", "-n", NS, "--field-selector", "involvedObject.name=sales,reason=Orphaned", "-o", "json");
      ok(events);
      JsonNode items = JSON.readTree(events.output()).path("items");
      assertThat(items).isNotEmpty();
      assertThat(items.get(0).path("message").asText()).contains("ccapi.io/paused");
    });
  }

  // ---- helpers

  static SimCounts counts() {
    return SimCounts.of(simulator.baseUrl());
  }

  /** Waits for {@code polls} more reads of the app (its CcApp reads it once per poll). */
  static void awaitPolls(int polls) {
    long start = counts().count(appId, "GET apps");
    await().atMost(Duration.ofSeconds(10L * polls + 10)).pollInterval(Duration.ofMillis(250))
        .until(() -> counts().count(appId, "GET apps") >= start + polls);
  }

  static Optional<Queues.Info> queue(String queueId) {
    return platform.listQueues(appId).stream().filter(q -> queueId.equals(q.queueId())).findFirst();
  }

  static void apply(String manifest) throws Exception {
    Path file = Files.createTempFile("ccapi-policy-", ".yaml");
    Files.writeString(file, manifest);
    ok(kubectl.run("apply", "-n", NS, "-f", file.toString()));
  }

  static JsonNode get(String kind, String name) throws Exception {
    Kubectl.Result r = kubectl.run("get", "-n", NS, kind, name, "-o", "json");
    ok(r);
    return JSON.readTree(r.output());
  }

  static JsonNode annotations(String kind, String name) throws Exception {
    return get(kind, name).path("metadata").path("annotations");
  }

  static List<String> lines(JsonNode status) {
    List<String> out = new ArrayList<>();
    status.path("plannedOperations").forEach(l -> out.add(l.asText()));
    return out;
  }

  static String readyReason(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return c.path("reason").asText();
      }
    }
    return null;
  }

  static String readyMessage(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        return c.path("message").asText();
      }
    }
    return null;
  }

  static void ok(Kubectl.Result r) {
    assertThat(r.exit()).as(r.output()).isZero();
  }
}
