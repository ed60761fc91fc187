package io.ccapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plan} against the simulator over HTTP, with the samples as manifests and no cluster
 * ({@code --kubeconfig none}): what it prints, its exit code, and that it sent no write (the simulator's
 * own request counters).
 */
class PlanCommandTest {
  private static final String SAMPLES_ENDPOINT = "http://127.0.0.1:18043";
  private static final String NO_CLUSTER_NOTE =
      "note: no Kubernetes cluster (--kubeconfig none): ownership was not checked; existing platform objects are assumed adoptable, as under managementPolicy Observe";

  private static final String CLOSING = "We are closed. Our opening hours are 9 to 18, Monday to Friday.";

  @TempDir Path dir;
  private CcapiSimulator simulator;
  private CcapiClientFactory clients;

  @BeforeEach
  void start() throws IOException {
    simulator = CcapiSimulator.start(SimulatorConfig.ephemeral());
    clients = new CcapiClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
    try (Stream<Path> samples = Files.list(Path.of("samples"))) {
      for (Path sample : samples.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String text = Files.readString(sample).replace(SAMPLES_ENDPOINT, simulator.baseUrl());
        Files.writeString(dir.resolve(sample.getFileName()), text);
      }
    }
  }

  @AfterEach
  void stop() {
    clients.close();
    simulator.close();
  }

  @Test
  void freshTenantPlansEveryResourceAsACreate() throws Exception {
    Run run = plan();

    assertThat(run.exit).as(run.text()).isEqualTo(2);
    assertThat(run.lines()).containsExactly(
        NO_CLUSTER_NOTE,
        "CcApp default/demo-tenant:",
        "  + create application \"Demo call center\"",
        "  note: no AppId yet (spec.appId unset): its children cannot be observed and are planned as creates",
        "  note: spec.defaultSpNumber and spec.webhookEvents are applied right after the create, once the AppId is known",
        "CcQueue default/sales:",
        "  + create queue 9001 (\"Sales\", longest_idle)",
        "CcQueue default/support:",
        "  + create queue 9002 (\"Support\", round_robin)",
        "CcExtension default/ext-8101:",
        "  + create extension 8101",
        "CcExtension default/ext-8102:",
        "  + create extension 8102",
        "CcAgent default/alice:",
        "  + create agent 1001 (workId A1001, role leader, with an extension)",
        "  + bind agent 1001 to queues [9001]",
        "CcAgent default/bob:",
        "  + create agent 1002 (workId B1002, role agent)",
        "  + bind agent 1002 to queues [9001, 9002]",
        "  + bind agent 1002 to extensions [8101]",
        "  ~ update agent 1002: defaultSpNumber: (none) -> \"057126200670\"",
        "CcAgent default/carol:",
        "  + create agent 1003 (workId C1003, role agent)",
        "  + bind agent 1003 to queues [9002]",
        "CcSubscription default/call-events:",
        "  + create subscription \"crm-call-events\" (https://hooks.example.com/ccapi/events, events [user_ringing, user_answer, user_hangup, acd_agent_state])",
        "CcIvr default/demo-ivr:",
        "  + create voice file welcome.wav (\"Greeting of the demo call center\")",
        "  + create voice file hold-music.wav (\"Music while on hold\")",
        "  ~ update default voices: Welcome: (none) -> \"wav:welcome.wav\", ClosingTime: (none) -> \"tts:" + CLOSING + "\", Hold: (none) -> \"wav:hold-music.wav\", Evaluate: (none) -> \"default\"",
        "  ~ update fast router: key 1: (none) -> \"queue 9001 (Sales)\", key 2: (none) -> \"queue 9002 (Support)\"",
        "plan: 10 resources, 11 creates, 3 updates, 4 binds, 0 unbinds, 0 deletes, 0 writes sent");
    assertNoWrites();
    assertThat(run.text()).doesNotContain(SimulatorConfig.DEFAULT_AUTH_TOKEN);
  }

  @Test
  void convergedTenantPlansNoChanges() throws Exception {
    converge();

    Run run = plan();

    assertThat(run.exit).as(run.text()).isZero();
    assertThat(run.lines()).containsExactly(
        NO_CLUSTER_NOTE,
        "CcApp default/demo-tenant:",
        "  = no changes",
        "  note: spec.webhookEvents: ccapi cannot show webhook events and without a cluster the operator's record of what it sent was not read; assumed as the manifest says",
        "CcQueue default/sales:",
        "  = no changes",
        "CcQueue default/support:",
        "  = no changes",
        "CcExtension default/ext-8101:",
        "  = no changes",
        "CcExtension default/ext-8102:",
        "  ? extension 8102 is bound to no seat: its existence is checked by a create (100015 = exists)",
        "  = no changes",
        "  note: if it is missing, the operator's check creates it; not counted as a change",
        "CcAgent default/alice:",
        "  = no changes",
        "CcAgent default/bob:",
        "  = no changes",
        "CcAgent default/carol:",
        "  = no changes",
        "CcSubscription default/call-events:",
        "  = no changes",
        "CcIvr default/demo-ivr:",
        "  = no changes",
        "plan: 10 resources, 0 creates, 0 updates, 0 binds, 0 unbinds, 0 deletes, 0 writes sent");
    assertNoWrites();
  }

  @Test
  void editedManifestsPlanExactlyTheEdits() throws Exception {
    converge();
    edit("02-queues.yaml", "queueName: Sales", "queueName: Sales EMEA");
    edit("04-agents.yaml", "displayName: Bob", "displayName: Robert");
    edit("04-agents.yaml", "queueRefs: [sales, support]", "queueRefs: [sales]");

    Run run = plan();

    assertThat(run.exit).as(run.text()).isEqualTo(2);
    assertThat(run.lines()).containsSubsequence(
        "CcQueue default/sales:",
        "  ~ update queue 9001: queueName: \"Sales\" -> \"Sales EMEA\"",
        "CcQueue default/support:",
        "  = no changes");
    assertThat(run.lines()).containsSubsequence(
        "CcAgent default/bob:",
        "  ~ update agent 1002: displayName: \"Bob\" -> \"Robert\"",
        "  - unbind agent 1002 from queues [9002]",
        "CcAgent default/carol:",
        "  = no changes");
    assertThat(run.lines().stream().filter(l -> l.startsWith("  ~ ") || l.startsWith("  + ") || l.startsWith("  - ")))
        .hasSize(3);
    assertThat(run.lines()).last().isEqualTo("plan: 10 resources, 0 creates, 2 updates, 0 binds, 1 unbinds, 0 deletes, 0 writes sent");
    assertNoWrites();
  }

  @Test
  void malformedManifestFailsNamingTheFileAndField() throws Exception {
    edit("02-queues.yaml", "strategy: round_robin", "strategy: fastest");

    Run run = plan();

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.out.toString()).isEmpty();
    assertThat(run.err.toString()).contains("02-queues.yaml (document 2): CcQueue support: spec.strategy: ");

    Files.writeString(dir.resolve("02-queues.yaml"), "apiVersion: ccapi.io/v1alpha1\nkind: CcQueue\nmetadata: [unclosed\n");
    Run broken = plan();
    assertThat(broken.exit).isEqualTo(1);
    assertThat(broken.err.toString()).contains("02-queues.yaml: not valid YAML");
    assertThat(broken.text()).doesNotContain(SimulatorConfig.DEFAULT_AUTH_TOKEN);
    assertNoWrites();
  }

  @Test
  void missingCredentialsFailClearlyWithoutPrintingSecrets() throws Exception {
    Files.delete(dir.resolve("00-credentials.yaml"));

    Run run = plan();

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.lines()).contains(
        "CcApp default/demo-tenant:",
        "  ! CredentialsMissing: no credentials: Secret default/ccapi-credentials (spec.credentialsSecretRef) is not among the manifests"
            + " and no cluster was read, and CCAPI_SID/CCAPI_AUTH_TOKEN are not both set",
        "CcAgent default/bob:",
        "  ! WaitingForApp: CcApp demo-tenant cannot be planned (CredentialsMissing)");

    // the same from the environment: the plan goes ahead, and the token appears nowhere
    Run fromEnv = plan(Map.of("CCAPI_SID", SimulatorConfig.DEFAULT_SID, "CCAPI_AUTH_TOKEN", SimulatorConfig.DEFAULT_AUTH_TOKEN));
    assertThat(fromEnv.exit).as(fromEnv.text()).isEqualTo(2);
    assertThat(fromEnv.text()).doesNotContain(SimulatorConfig.DEFAULT_AUTH_TOKEN);
    assertNoWrites();
  }

  @Test
  void wrongCredentialsStopTheAppWithoutEchoingThem() throws Exception {
    edit("00-credentials.yaml", "authToken: sim-token", "authToken: not-the-token-4711");
    converge();

    Run run = plan();

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.lines()).anyMatch(l -> l.startsWith("  ! Unauthorized: "));
    assertThat(run.text()).doesNotContain("not-the-token-4711").doesNotContain(SimulatorConfig.DEFAULT_AUTH_TOKEN);
  }

  @Test
  void unreachablePlatformIsAnError() throws Exception {
    converge();
    simulator.close();

    Run run = plan();

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.lines()).anyMatch(l -> l.startsWith("  ! BackendUnavailable: GET apps"));
    assertThat(run.lines()).contains("plan: 10 resources, 0 creates, 0 updates, 0 binds, 0 unbinds, 0 deletes, 0 writes sent");
  }

  @Test
  void relayNumberAndIvrDifferencesArePlanned() throws Exception {
    converge();
    edit("01-app.yaml", "defaultSpNumber: \"057126200670\"", "defaultSpNumber: \"057126200671\"");
    edit("06-ivr.yaml", "dtmf: \"2\"", "dtmf: \"3\"");

    Run run = plan();

    assertThat(run.exit).as(run.text()).isEqualTo(2);
    assertThat(run.lines()).contains(
        "  ~ update application " + appId + ": defaultSpNumber: \"057126200670\" -> \"057126200671\"",
        "  ~ update fast router: key 2: \"queue 9002 (Support)\" -> (none), key 3: (none) -> \"queue 9002 (Support)\"");

    edit("06-ivr.yaml", "dtmf: \"3\"", "dtmf: \"1\"");
    Run collision = plan();
    assertThat(collision.exit).isEqualTo(1);
    assertThat(collision.lines()).contains("  ! InvalidSpec: spec.fastRouter[1].dtmf: key 1 is already routed by spec.fastRouter[0]; each key 0-9 appears once");

    edit("01-app.yaml", "defaultSpNumber: \"057126200671\"", "defaultSpNumber: \"099\"");
    Run invalid = plan();
    assertThat(invalid.exit).isEqualTo(1);
    assertThat(invalid.lines()).contains("  ! InvalidSpec: spec.defaultSpNumber: 099 is not a relay number of application " + appId
        + "; its relay numbers are [057126200670, 057126200671, 057126200672]");
    assertNoWrites();
  }

  // ---- the converged tenant, made by direct client calls

  private String appId;
  private Map<String, Long> writesBefore = Map.of();

  /** The samples' tenant in the simulator, and its AppId in the CcApp manifest (an adoption). */
  private void converge() throws IOException {
    CcapiClient client = clients.create(simulator.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
    appId = client.createApp(new Apps.CreateRequest(
        "Demo call center", Apps.TYPE_CALL_CENTER, "https://hooks.example.com/ccapi", true, "Managed by ccapi-operator")).appId();
    client.createQueue(appId, new Queues.Request("9001", "Sales", "longest_idle", 60, 128));
    client.createQueue(appId, new Queues.Request("9002", "Support", "round_robin", 120, 256));
    client.createExtension(appId, "8101");
    client.createExtension(appId, "8102");
    client.createAgents(appId, List.of(
        new Agents.Agent("1001", "A1001", "Alice", null, "alice@example.com", "leader", true, true, null),
        new Agents.Agent("1002", "B1002", "Bob", "13800000002", null, "agent", true, false, null, 15),
        new Agents.Agent("1003", "C1003", "Carol", null, null, "agent", false, false, null)));
    client.bindAgentExtensions(appId, "1002", List.of("8101"));
    client.setAgentDefaultSpNumber(appId, "1002", "057126200670");
    client.bindAgentQueues(appId, "1001", List.of("9001"));
    client.bindAgentQueues(appId, "1002", List.of("9001", "9002"));
    client.bindAgentQueues(appId, "1003", List.of("9002"));
    client.createSubscriptions(appId, List.of(new Subscriptions.Subscription(
        null, "https://hooks.example.com/ccapi/events", "crm-call-events", List.of("user_ringing", "user_answer", "user_hangup", "acd_agent_state"), true)));
    client.setDefaultSpNumber(appId, "057126200670");
    client.uploadVoiceFile(appId, new Ivrs.VoiceFile("welcome.wav", "wav", "Greeting of the demo call center"));
    client.uploadVoiceFile(appId, new Ivrs.VoiceFile("hold-music.wav", "wav", "Music while on hold"));
    client.setDefVoices(appId, Map.of(
        "Welcome", Map.of("Type", "wav", "Content", "welcome.wav"), "ClosingTime", Map.of("Type", "tts", "Content", CLOSING),
        "Hold", Map.of("Type", "wav", "Content", "hold-music.wav"), "Evaluate", "default"));
    client.setFastRouter(appId, List.of(new Ivrs.FastRoute("1", "Sales", "9001"), new Ivrs.FastRoute("2", "Support", "9002")));
    edit("01-app.yaml", "  memo:", "  appId: " + appId + "\n  memo:");
  }

  // ---- running the command

  private record Run(int exit, StringWriter out, StringWriter err) {
    String text() {
      return out + "\n" + err;
    }

    List<String> lines() {
      return out.toString().lines().toList();
    }
  }

  private Run plan() {
    return plan(Map.of());
  }

  private Run plan(Map<String, String> env) {
    try {
      writesBefore = writeCounts();
    } catch (Exception e) {
      writesBefore = null; // the simulator is stopped
    }
    CommandLine cli = new CommandLine(new Main());
    ((PlanCommand) cli.getSubcommands().get("plan").getCommand()).env = env;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("plan", "-f", dir.toString(), "--kubeconfig", "none");
    System.out.println(out);
    System.out.println(err);
    return new Run(exit, out, err);
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = dir.resolve(file);
    String text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  // ---- the simulator's request counters

  private JsonNode stats() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/stats")).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(answer.body());
  }

  /** The simulator's counts of POST, PUT and DELETE requests, by endpoint. */
  private Map<String, Long> writeCounts() throws Exception {
    JsonNode byEndpoint = stats().get("byEndpoint");
    Map<String, Long> writes = new TreeMap<>();
    for (Iterator<String> it = byEndpoint.fieldNames(); it.hasNext(); ) {
      String endpoint = it.next();
      if (!endpoint.startsWith("GET ")) {
        writes.put(endpoint, byEndpoint.get(endpoint).asLong());
      }
    }
    return writes;
  }

  /** Since the last {@link #plan}, the simulator received no POST, PUT or DELETE. */
  private void assertNoWrites() throws Exception {
    assertThat(writeCounts()).as("POST/PUT/DELETE requests counted by the simulator").isEqualTo(writesBefore);
  }
}
