package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.ccapi.model.Webhooks;
import io.ccapi.operator.simulator.SimHarness;
import io.ccapi.operator.simulator.SimulatorTestBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal the simulator enforces, as the real client classifies it. */
class CcapiClientErrorsTest extends SimulatorTestBase {
  private static CcapiClient client;

  @BeforeAll
  static void useTheRealClient() {
    client = sim.client;
  }

  /** The call fails with this class and code, and the message names the endpoint. */
  static CcapiException fails(ThrowingCallable call, ErrorClass errorClass, String errCode, String endpoint) {
    CcapiException e = catchThrowableOfType(CcapiException.class, call);
    assertThat(e).as("expected a CcapiException").isNotNull();
    assertThat(e.errorClass()).as(e.getMessage()).isEqualTo(errorClass);
    assertThat(e.errCode()).as(e.getMessage()).isEqualTo(errCode);
    assertThat(e.endpoint()).isEqualTo(endpoint);
    assertThat(e.getMessage()).startsWith(endpoint + ": ");
    return e;
  }

  private static Agents.Agent agent(String id, String workId, String role) {
    return new Agents.Agent(id, workId, null, null, null, role, null, null, null);
  }

  private static Queues.Request queue(String id) {
    return new Queues.Request(id, "Q" + id, null, null, null);
  }

  // ---- INVALID_INPUT (000001)

  @Test
  void extensionNumberFormat() {
    CcapiException e =
        fails(() -> client.createExtension(appId, "0123"), ErrorClass.INVALID_INPUT, "000001", "POST extensions");
    assertThat(e.errDesc()).startsWith(ErrorCodes.MSG_PARAMS_INVALID);
  }

  @Test
  void queueIdFormatAndMaxLength() {
    fails(() -> client.createQueue(appId, queue("1234")), ErrorClass.INVALID_INPUT, "000001", "POST queues");
    fails(
        () -> client.createQueue(appId, new Queues.Request("9001", "Q", null, null, 600)),
        ErrorClass.INVALID_INPUT, "000001", "POST queues");
    fails(
        () -> client.createQueue(appId, new Queues.Request("9001", "Q", "fastest", null, null)),
        ErrorClass.INVALID_INPUT, "000001", "POST queues");
    assertThat(client.listQueues(appId)).isEmpty();
  }

  @Test
  void agentFieldFormats() {
    fails(() -> client.createAgents(appId, List.of(agent("abc", "w", null))),
        ErrorClass.INVALID_INPUT, "000001", "POST agents");
    fails(() -> client.createAgents(appId, List.of(agent("1", "w".repeat(33), null))),
        ErrorClass.INVALID_INPUT, "000001", "POST agents");
    fails(() -> client.createAgents(appId, List.of(agent("1", "w", "boss"))),
        ErrorClass.INVALID_INPUT, "000001", "POST agents");
    CcapiException blank = fails(() -> client.createAgents(appId, List.of(agent("1", null, null))),
        ErrorClass.INVALID_INPUT, "000001", "POST agents");
    assertThat(blank.errDesc()).isEqualTo(ErrorCodes.MSG_IDS_BLANK);
    fails(() -> client.updateAgent(appId, agent("1", "w-1", null)),
        ErrorClass.INVALID_INPUT, "000001", "PUT agents/{AgentId}");
  }

  @Test
  void aBatchWithOneBadSeatCreatesNone() {
    fails(
        () -> client.createAgents(appId, List.of(agent("1", "w1", null), agent("2", "w2", "boss"))),
        ErrorClass.INVALID_INPUT, "000001", "POST agents");
    fails(
        () -> client.createAgents(appId, List.of(agent("3", "w3", null), agent("3", "w3", null))),
        ErrorClass.CONFLICT, "100004", "POST agents");
    assertThat(client.listAgents(appId)).isEmpty();
  }

  @Test
  void theHundredAndFirstQueue() {
    for (int i = 0; i < Queues.MAX_QUEUES_PER_APP; i++) {
      client.createQueue(appId, queue(Integer.toString(9000 + i)));
    }
    CcapiException e =
        fails(() -> client.createQueue(appId, queue("9100")), ErrorClass.INVALID_INPUT, "000001", "POST queues");
    assertThat(e.errDesc()).contains("100 queues");
    assertThat(client.listQueues(appId)).hasSize(100);
  }

  @Test
  void theThirdExtensionOfASeat() {
    client.createAgents(appId, List.of(agent("1", "w1", null)));
    List.of("8001", "8002", "8003").forEach(n -> client.createExtension(appId, n));
    client.bindAgentExtensions(appId, "1", List.of("8001", "8002"));
    fails(
        () -> client.bindAgentExtensions(appId, "1", List.of("8003")),
        ErrorClass.INVALID_INPUT, "000001", "POST agents/extensions");
  }

  @Test
  void badSubscriptionUpdateAndWebhookCategory() {
    long id =
        client.createSubscriptions(
                appId, List.of(new Subscriptions.Subscription(null, "http://cb", "s", List.of("end"), null)))
            .subSucc().get(0).id();
    fails(
        () -> client.updateSubscription(appId, id, new Subscriptions.Subscription(null, "ftp://x", "s", List.of("end"), true)),
        ErrorClass.INVALID_INPUT, "000001", "PUT subscriptions/{id}");
    fails(
        () -> client.addWebhookEvents(appId, List.of(new Webhooks.Category("call", List.of("ext_state")))),
        ErrorClass.INVALID_INPUT, "000001", "POST webhooks/events");
    fails(
        () -> client.addWebhookEvents(appId, List.of(new Webhooks.Category("calls", List.of("begin")))),
        ErrorClass.INVALID_INPUT, "000001", "POST webhooks/events");
  }

  @Test
  void badIvrInput() {
    CcapiException blank = fails(
        () -> client.uploadVoiceFile(appId, new Ivrs.VoiceFile("", null, null)),
        ErrorClass.INVALID_INPUT, "000001", "POST ivrs/vfiles");
    assertThat(blank.errDesc()).isEqualTo(ErrorCodes.MSG_FILE_NAME_BLANK);
    fails(
        () -> client.uploadVoiceFile(appId, new Ivrs.VoiceFile("a.mp3", "mp3", null)),
        ErrorClass.INVALID_INPUT, "000001", "POST ivrs/vfiles");
    fails(
        () -> client.setDefVoices(appId, Map.of("Greeting", "default")),
        ErrorClass.INVALID_INPUT, "000001", "POST ivrs/defvoices");
    fails(
        () -> client.setDefVoices(appId, Map.of("Welcome", Map.of("Type", "mp3", "Content", "x"))),
        ErrorClass.INVALID_INPUT, "000001", "POST ivrs/defvoices");
    fails(
        () -> client.setDefaultSpNumber(appId, "01000000000"),
        ErrorClass.INVALID_INPUT, "000001", "PUT spnumbers/default");
  }

  // ---- CONFLICT

  @Test
  void duplicateAgentQueueExtensionAndFile() {
    client.createAgents(appId, List.of(agent("5", "w5", null)));
    CcapiException agent = fails(
        () -> client.createAgents(appId, List.of(agent("5", "w5", null))), ErrorClass.CONFLICT, "100004", "POST agents");
    assertThat(agent.errDesc()).isEqualTo(ErrorCodes.duplicateEntry("5", "AgentId"));

    client.createQueue(appId, queue("9005"));
    CcapiException queue =
        fails(() -> client.createQueue(appId, queue("9005")), ErrorClass.CONFLICT, "100004", "POST queues");
    assertThat(queue.errDesc()).isEqualTo(ErrorCodes.duplicateEntry("9005", "QueueId"));

    client.createExtension(appId, "8005");
    CcapiException ext =
        fails(() -> client.createExtension(appId, "8005"), ErrorClass.CONFLICT, "100015", "POST extensions");
    assertThat(ext.errDesc()).isEqualTo(ErrorCodes.MSG_NUMBER_EXISTED);

    client.uploadVoiceFile(appId, new Ivrs.VoiceFile("a.wav", null, null));
    fails(
        () -> client.uploadVoiceFile(appId, new Ivrs.VoiceFile("a.wav", null, null)),
        ErrorClass.CONFLICT, "100004", "POST ivrs/vfiles");
  }

  @Test
  void anExtensionBelongsToOneSeat() {
    client.createAgents(appId, List.of(agent("1", "w1", null), agent("2", "w2", null)));
    client.createExtension(appId, "8001");
    client.bindAgentExtensions(appId, "1", List.of("8001"));
    CcapiException e = fails(
        () -> client.bindAgentExtensions(appId, "2", List.of("8001")),
        ErrorClass.CONFLICT, "100004", "POST agents/extensions");
    assertThat(e.errDesc()).isEqualTo(ErrorCodes.duplicateEntry("8001", "Extension"));
  }

  // ---- NOT_FOUND

  @Test
  void missingRecords() {
    CcapiException agent =
        fails(() -> client.getAgent(appId, "404"), ErrorClass.NOT_FOUND, "100018", "GET agents/{AgentId}");
    assertThat(agent.errDesc()).isEqualTo(ErrorCodes.MSG_RECORD_NOT_FOUND);
    fails(() -> client.deleteAgent(appId, "404", true), ErrorClass.NOT_FOUND, "100018", "DELETE agents/{AgentId}");
    fails(() -> client.updateAgent(appId, agent("404", "w", null)), ErrorClass.NOT_FOUND, "100018", "PUT agents/{AgentId}");
    fails(() -> client.setAgentDefaultSpNumber(appId, "404", "057126200670"),
        ErrorClass.NOT_FOUND, "100018", "PUT spnumbers/agent/default/{AgentId}");

    CcapiException ext =
        fails(() -> client.deleteExtension(appId, "8999"), ErrorClass.NOT_FOUND, "000004", "DELETE extensions");
    assertThat(ext.errDesc()).isEqualTo(ErrorCodes.MSG_DATA_NOT_EXIST);
    fails(() -> client.getSubscription(appId, 123456789L), ErrorClass.NOT_FOUND, "000004", "GET subscriptions/{id}");
    fails(() -> client.deleteSubscription(appId, 123456789L), ErrorClass.NOT_FOUND, "000004", "DELETE subscriptions/{id}");
    fails(() -> client.deleteVoiceFile(appId, "none.wav"), ErrorClass.NOT_FOUND, "100018", "DELETE ivrs/vfiles");
    fails(() -> client.setDefVoices(appId, Map.of("Welcome", Map.of("Type", "wav", "Content", "none.wav"))),
        ErrorClass.NOT_FOUND, "100018", "POST ivrs/defvoices");
  }

  @Test
  void missingQueuesAnswerQueueBlank() {
    client.createAgents(appId, List.of(agent("1", "w1", null)));
    CcapiException bind = fails(
        () -> client.bindAgentQueues(appId, "1", List.of("9404")), ErrorClass.NOT_FOUND, "100018", "POST agents/queues");
    assertThat(bind.errDesc()).isEqualTo(ErrorCodes.MSG_QUEUE_BLANK);
    fails(() -> client.deleteQueue(appId, "9404"), ErrorClass.NOT_FOUND, "100018", "DELETE queues");
    fails(() -> client.updateQueue(appId, queue("9404")), ErrorClass.NOT_FOUND, "100018", "PUT queues");
    fails(() -> client.bindQueueAgents(appId, "9404", List.of("1")), ErrorClass.NOT_FOUND, "100018", "POST queues/agents");
    fails(() -> client.setFastRouter(appId, List.of(new Ivrs.FastRoute("1", "x", "9404"))),
        ErrorClass.NOT_FOUND, "100018", "POST ivrs/fastrouters");

    client.createQueue(appId, queue("9001"));
    CcapiException agent = fails(
        () -> client.bindQueueAgents(appId, "9001", List.of("1", "404")),
        ErrorClass.NOT_FOUND, "100018", "POST queues/agents");
    assertThat(agent.errDesc()).isEqualTo(ErrorCodes.MSG_RECORD_NOT_FOUND);
    assertThat(client.getAgent(appId, "1").queues()).as("no half-applied binding").isNull();
  }

  @Test
  void bindingAMissingExtension() {
    client.createAgents(appId, List.of(agent("1", "w1", null)));
    fails(
        () -> client.bindAgentExtensions(appId, "1", List.of("8404")),
        ErrorClass.NOT_FOUND, "000004", "POST agents/extensions");
  }

  // ---- APP_NOT_FOUND

  @Test
  void unknownAppId() {
    CcapiException e = fails(
        () -> client.listQueues(UUID.randomUUID().toString()), ErrorClass.APP_NOT_FOUND, "100002", "GET queues");
    assertThat(e.errDesc()).isEqualTo(ErrorCodes.MSG_APP_NOT_FOUND);
  }

  @Test
  void missingAppIdOverRawHttp() {
    SimHarness.RawAnswer answer = sim.send("GET", sim.signedUrl("queues", null), null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("ErrCode").asText()).isEqualTo(ErrorCodes.APP_ID_BLANK);
    assertThat(answer.json().get("ErrDesc").asText()).isEqualTo(ErrorCodes.MSG_APP_ID_BLANK);
    assertThat(ErrorClass.classify(200, ErrorCodes.APP_ID_BLANK, ErrorCodes.MSG_APP_ID_BLANK))
        .isEqualTo(ErrorClass.APP_NOT_FOUND);
  }

  // ---- BLOCKED_BY_DEPENDENCY

  @Test
  void seatBoundToAQueueCannotBeDeleted() {
    client.createAgents(appId, List.of(agent("1", "w1", null)));
    client.createQueue(appId, queue("9001"));
    client.bindAgentQueues(appId, "1", List.of("9001"));
    CcapiException e = fails(
        () -> client.deleteAgent(appId, "1", true), ErrorClass.BLOCKED_BY_DEPENDENCY, "100004", "DELETE agents/{AgentId}");
    assertThat(e.errDesc()).isEqualTo(ErrorCodes.MSG_AGENT_HAS_BINDINGS);

    CcapiException queue = fails(
        () -> client.deleteQueue(appId, "9001"), ErrorClass.BLOCKED_BY_DEPENDENCY, "100004", "DELETE queues");
    assertThat(queue.errDesc()).isEqualTo(ErrorCodes.MSG_QUEUE_HAS_AGENTS);

    client.unbindAgentQueues(appId, "1", List.of("9001"));
    client.deleteQueue(appId, "9001");
    client.deleteAgent(appId, "1", false);
  }

  @Test
  void seatWithAnExtensionNeedsIsDelExtensions() {
    client.createAgents(appId, List.of(new Agents.Agent("1", "w1", null, null, null, null, null, true, "8001")));
    fails(
        () -> client.deleteAgent(appId, "1", false),
        ErrorClass.BLOCKED_BY_DEPENDENCY, "100004", "DELETE agents/{AgentId}");
    CcapiException ext = fails(
        () -> client.deleteExtension(appId, "8001"), ErrorClass.BLOCKED_BY_DEPENDENCY, "100016", "DELETE extensions");
    assertThat(ext.errDesc()).isEqualTo(ErrorCodes.MSG_VOIP_BIND_AGENT);

    client.deleteAgent(appId, "1", true);
    fails(() -> client.deleteExtension(appId, "8001"), ErrorClass.NOT_FOUND, "000004", "DELETE extensions");
  }

  // ---- UNAUTHORIZED

  @Test
  void wrongAuthToken() {
    CcapiClient wrong = sim.client(new CcapiCredentials(SimHarness.CREDENTIALS.sid(), "not-the-token"));
    CcapiException e = fails(() -> wrong.getApp(appId), ErrorClass.UNAUTHORIZED, "401", "GET apps");
    assertThat(e.httpStatus()).isEqualTo(401);
  }

  @Test
  void wrongSid() {
    CcapiClient wrong = sim.client(new CcapiCredentials("other-sid", SimHarness.CREDENTIALS.authToken()));
    fails(() -> wrong.listQueues(appId), ErrorClass.UNAUTHORIZED, "401", "GET queues");
  }

  @Test
  void staleAndFutureTimestamps() {
    for (Duration offset : List.of(Duration.ofMinutes(-11), Duration.ofMinutes(11))) {
      CcapiClientFactory skewed =
          new CcapiClientFactory(
              Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE,
              Clock.offset(Clock.systemUTC(), offset));
      try {
        CcapiClient client = skewed.create(sim.simulator.baseUrl(), SimHarness.CREDENTIALS);
        fails(() -> client.getApp(appId), ErrorClass.UNAUTHORIZED, "401", "GET apps");
      } finally {
        skewed.close();
      }
    }
    // Nine minutes off is still inside the window.
    CcapiClientFactory nineMinutes =
        new CcapiClientFactory(
            Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE,
            Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-9)));
    try {
      assertThat(nineMinutes.create(sim.simulator.baseUrl(), SimHarness.CREDENTIALS).getApp(appId).appId())
          .isEqualTo(appId);
    } finally {
      nineMinutes.close();
    }
  }
}
