package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.ccapi.model.Webhooks;
import io.ccapi.operator.simulator.SimulatorTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every client call's success path against the simulator over real HTTP; each test on a fresh app. */
class CcapiClientSimulatorTest extends SimulatorTestBase {
  private static CcapiClient client;

  @BeforeAll
  static void useTheRealClient() {
    client = sim.client;
  }

  private static Agents.Agent agent(String id) {
    return new Agents.Agent(id, "w" + id, "Agent " + id, "13800000000", id + "@example.com", null, null, null, null);
  }

  @Test
  void appsCreateGetUpdate() {
    Apps.App created =
        client.createApp(new Apps.CreateRequest("tenant", Apps.TYPE_TELEMARKETING, "https://cb.example/x", true, "m"));
    assertThat(created.appId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(created.secret()).matches("[0-9a-f]{32}");
    assertThat(created.extensionPrefix()).matches("9\\d{9}");
    assertThat(created.type()).isEqualTo("0");
    assertThat(created.isHideUserNum()).isTrue();

    client.updateApp(created.appId(), new Apps.UpdateRequest("renamed", "", null, null));
    Apps.App read = client.getApp(created.appId());
    assertThat(read.name()).isEqualTo("renamed");
    assertThat(read.callbackUrl()).isEmpty();
    assertThat(read.memo()).isEqualTo("m"); // absent on PUT: unchanged
    assertThat(read.isHideUserNum()).isTrue();
    assertThat(read.secret()).isEqualTo(created.secret());
    assertThat(read.type()).isEqualTo("0");
  }

  @Test
  void relayNumbersDefaultForAppAndAgent() {
    SpNumbers.Numbers numbers = client.listSpNumbers(appId);
    assertThat(numbers.spNumbers()).hasSize(3);
    assertThat(numbers.defSpNumber()).isEmpty();

    String second = numbers.spNumbers().get(1);
    client.setDefaultSpNumber(appId, second);
    assertThat(client.listSpNumbers(appId).defSpNumber()).isEqualTo(second);
    client.deleteDefaultSpNumber(appId);
    assertThat(client.listSpNumbers(appId).defSpNumber()).isEmpty();

    client.createAgents(appId, List.of(agent("10")));
    client.setAgentDefaultSpNumber(appId, "10", second);
    assertThat(client.getAgent(appId, "10").defSpNumber()).containsExactly(second);
    client.deleteAgentDefaultSpNumber(appId, "10");
    assertThat(client.getAgent(appId, "10").defSpNumber()).isNullOrEmpty();
  }

  @Test
  void agentsCreateReadUpdateDelete() {
    List<Extensions.Credentials> none = client.createAgents(appId, List.of(agent("100"), agent("101")));
    assertThat(none).isEmpty();

    Agents.Details details = client.getAgent(appId, "100");
    assertThat(details.agentId()).isEqualTo("100"); // the client strips the simulator's "@AppId"
    assertThat(details.appId()).isEqualTo(appId);
    assertThat(details.workId()).isEqualTo("w100");
    assertThat(details.email()).isEqualTo("100@example.com");
    assertThat(details.role()).isEqualTo(Agents.ROLE_AGENT);
    assertThat(details.enable()).isTrue();
    assertThat(details.queues()).isNull();
    assertThat(details.extensions()).isNull();
    assertThat(details.state()).isEqualTo(4);
    assertThat(details.extState()).isEqualTo(3);

    client.updateAgent(
        appId, new Agents.Agent("100", "w100b", "New", "", "", Agents.ROLE_LEADER, false, null, null));
    Agents.Details updated = client.getAgent(appId, "100");
    assertThat(updated.workId()).isEqualTo("w100b");
    assertThat(updated.name()).isEqualTo("New");
    assertThat(updated.role()).isEqualTo(Agents.ROLE_LEADER);
    assertThat(updated.enable()).isFalse();

    client.deleteAgent(appId, "101", false);
    assertThat(client.listAgents(appId)).extracting(Agents.Details::agentId).containsExactly("100");
  }

  @Test
  void createAgentsWithExtensionsReturnsTheirPasswords() {
    Apps.App app = client.getApp(appId);
    List<Extensions.Credentials> created =
        client.createAgents(
            appId,
            List.of(
                new Agents.Agent("1", "w1", null, null, null, null, null, true, null),
                new Agents.Agent("2", "w2", null, null, null, null, null, true, "2457"),
                new Agents.Agent("3", "w3", null, null, null, null, null, true, null)));

    assertThat(created).extracting(Extensions.Credentials::extension).containsExactly("8001", "2457", "8002");
    assertThat(created).allSatisfy(c -> {
      assertThat(c.password()).matches("[0-9a-f]{16}");
      assertThat(c.number()).isEqualTo(app.extensionPrefix() + c.extension());
    });
    Agents.Details two = client.getAgent(appId, "2");
    assertThat(two.extensions()).extracting(ExtensionRef::extension).containsExactly("2457");
    assertThat(two.extState()).isEqualTo(2);
  }

  @Test
  void agentsPageByPage() {
    List<Agents.Agent> agents = IntStream.rangeClosed(1, 5).mapToObj(i -> agent(Integer.toString(i))).toList();
    client.createAgents(appId, agents);

    List<String> seen = new ArrayList<>();
    for (int pageNum = 1; pageNum <= 3; pageNum++) {
      Agents.Page page = client.listAgentsPage(appId, pageNum, 2);
      assertThat(page.currPage()).isEqualTo(pageNum);
      assertThat(page.pageSize()).isEqualTo(2);
      assertThat(page.total()).isEqualTo(5);
      assertThat(page.totalPage()).isEqualTo(3);
      page.agentList().forEach(a -> seen.add(a.agentId()));
    }
    assertThat(seen).containsExactly("1", "2", "3", "4", "5");
    assertThat(client.listAgentsPage(appId, 4, 2).agentList()).isEmpty();

    List<String> progress = new ArrayList<>();
    List<Agents.Details> all = client.listAgents(appId, 2, (page, read) -> progress.add(read + "/" + page.total()));
    assertThat(all).extracting(Agents.Details::agentId).containsExactly("1", "2", "3", "4", "5");
    assertThat(progress).containsExactly("2/5", "4/5", "5/5");
    assertThat(client.listAgents(appId)).hasSize(5);
  }

  @Test
  void listAgentsFollowsSeveralPagesOfTheClientsPageSize() {
    // The client asks for 500 per page: 1203 seats take three pages.
    List<Agents.Agent> agents =
        IntStream.rangeClosed(1, 1203).mapToObj(i -> agent(Integer.toString(10_000 + i))).toList();
    client.createAgents(appId, agents);

    List<Agents.Details> all = client.listAgents(appId);
    assertThat(all).hasSize(1203);
    assertThat(all.get(0).agentId()).isEqualTo("10001");
    assertThat(all.get(1202).agentId()).isEqualTo("11203");
    assertThat(all).extracting(Agents.Details::agentId).doesNotHaveDuplicates();
  }

  @Test
  void agentExtensionBindAndUnbind() {
    client.createAgents(appId, List.of(agent("7")));
    client.createExtension(appId, "8101");
    client.createExtension(appId, "8102");

    client.bindAgentExtensions(appId, "7", List.of("8101", "8102"));
    client.bindAgentExtensions(appId, "7", List.of("8101")); // again: no-op
    assertThat(client.getAgent(appId, "7").extensions())
        .extracting(ExtensionRef::extension)
        .containsExactly("8101", "8102");

    client.unbindAgentExtensions(appId, "7", List.of("8101", "9999"));
    assertThat(client.getAgent(appId, "7").extensions()).extracting(ExtensionRef::extension).containsExactly("8102");
    client.deleteExtension(appId, "8101"); // unbound now, so deletable
  }

  @Test
  void agentQueueBindAndUnbind() {
    client.createAgents(appId, List.of(agent("8")));
    client.createQueue(appId, new Queues.Request("9001", "Sales", null, null, null));
    client.createQueue(appId, new Queues.Request("9002", "Support", null, null, null));

    client.bindAgentQueues(appId, "8", List.of("9001", "9002"));
    Agents.Details details = client.getAgent(appId, "8");
    assertThat(details.queues()).containsExactly("9001", "9002");
    assertThat(details.queuesNames()).isEqualTo("Sales,Support");

    client.unbindAgentQueues(appId, "8", List.of("9001"));
    assertThat(client.getAgent(appId, "8").queues()).containsExactly("9002");
    client.deleteQueue(appId, "9001");
  }

  @Test
  void queuesCreateListUpdateDelete() {
    Instant before = Instant.now();
    client.createQueue(appId, new Queues.Request("9009", "Test", null, null, null));
    client.createQueue(appId, new Queues.Request("9010", "Other", "round_robin", 30, 512));

    List<Queues.Info> queues = client.listQueues(appId);
    assertThat(queues).extracting(Queues.Info::queueId).containsExactly("9009", "9010");
    Queues.Info first = queues.get(0);
    assertThat(first.appId()).isEqualTo(appId);
    assertThat(first.name()).isEqualTo("Test");
    assertThat(first.strategy()).isEqualTo(Queues.DEFAULT_STRATEGY);
    assertThat(first.timeout()).isEqualTo(Queues.DEFAULT_TIMEOUT);
    assertThat(first.maxLength()).isEqualTo(Queues.DEFAULT_MAX_LENGTH);
    assertThat(first.waitMusic()).isEmpty();
    assertThat(first.id()).isLessThan(queues.get(1).id());
    assertThat(Instant.parse(first.createdAt())).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(queues.get(1).strategy()).isEqualTo("round_robin");
    assertThat(queues.get(1).maxLength()).isEqualTo(512);

    client.updateQueue(appId, new Queues.Request("9009", "Renamed", "random", 120, 10));
    Queues.Info updated = client.listQueues(appId).get(0);
    assertThat(updated.name()).isEqualTo("Renamed");
    assertThat(updated.timeout()).isEqualTo(120);
    assertThat(updated.maxLength()).isEqualTo(10);
    assertThat(Instant.parse(updated.updatedAt())).isAfterOrEqualTo(Instant.parse(updated.createdAt()));

    client.deleteQueue(appId, "9010");
    assertThat(client.listQueues(appId)).extracting(Queues.Info::queueId).containsExactly("9009");
  }

  @Test
  void queueAgentsAddsBindingsOnly() {
    client.createAgents(appId, List.of(agent("1"), agent("2")));
    client.createQueue(appId, new Queues.Request("9100", "Q", null, null, null));
    client.bindQueueAgents(appId, "9100", List.of("1"));
    client.bindQueueAgents(appId, "9100", List.of("2"));

    assertThat(client.getAgent(appId, "1").queues()).containsExactly("9100");
    assertThat(client.getAgent(appId, "2").queues()).containsExactly("9100");
  }

  @Test
  void extensionsCreateAndDelete() {
    Apps.App app = client.getApp(appId);
    Extensions.Credentials ext = client.createExtension(appId, "4567");
    assertThat(ext.extension()).isEqualTo("4567");
    assertThat(ext.password()).matches("[0-9a-f]{16}");
    assertThat(ext.number()).isEqualTo(app.extensionPrefix() + "4567");

    client.deleteExtension(appId, "4567");
    client.createExtension(appId, "4567"); // the number is free again
  }

  @Test
  void subscriptionsLifecycle() {
    Subscriptions.CreateResult result =
        client.createSubscriptions(
            appId,
            List.of(
                new Subscriptions.Subscription(null, "http://cb.example:12345", "sub1", List.of("begin", "end"), null),
                new Subscriptions.Subscription(null, "https://cb.example", "sub2", List.of("agent_ringing"), null),
                new Subscriptions.Subscription(null, "http://cb.example", "sub1", List.of("end"), null),
                new Subscriptions.Subscription(null, "not a url", "sub3", List.of("end"), null),
                new Subscriptions.Subscription(null, "http://cb.example", "sub4", List.of("no_such_event"), null),
                new Subscriptions.Subscription(null, "http://cb.example", "sub5", List.of(), null)));
    assertThat(result.subSucc()).extracting(Subscriptions.Created::name).containsExactly("sub1", "sub2");
    assertThat(result.subFail()).containsExactly("sub1", "sub3", "sub4", "sub5");
    long id1 = result.subSucc().get(0).id();
    long id2 = result.subSucc().get(1).id();
    assertThat(id2).isGreaterThan(id1);

    List<Subscriptions.Subscription> listed = client.listSubscriptions(appId);
    assertThat(listed).extracting(Subscriptions.Subscription::id).containsExactly(id1, id2);
    assertThat(listed).allSatisfy(s -> assertThat(s.enable()).isTrue());

    Subscriptions.Subscription one = client.getSubscription(appId, id1);
    assertThat(one.callback()).isEqualTo("http://cb.example:12345");
    assertThat(one.events()).containsExactly("begin", "end");

    Map<String, Long> renamed =
        client.updateSubscription(
            appId, id1, new Subscriptions.Subscription(null, "http://cb.example:1", "sub1b", List.of("user_hangup"), false));
    assertThat(renamed).containsExactly(Map.entry("sub1b", id1));
    Subscriptions.Subscription after = client.getSubscription(appId, id1);
    assertThat(after.name()).isEqualTo("sub1b");
    assertThat(after.enable()).isFalse();
    assertThat(after.events()).containsExactly("user_hangup");

    client.deleteSubscription(appId, id1);
    assertThat(client.listSubscriptions(appId)).extracting(Subscriptions.Subscription::id).containsExactly(id2);
  }

  @Test
  void webhookEventsAppendReplaceDelete() {
    client.addWebhookEvents(appId, List.of(new Webhooks.Category("call", List.of("begin"))));
    client.addWebhookEvents(
        appId,
        List.of(
            new Webhooks.Category("call", List.of("end")),
            new Webhooks.Category("ext_state", List.of("ext_state"))));
    assertThat(webhookEvents()).isEqualTo(Map.of("call", List.of("begin", "end"), "ext_state", List.of("ext_state")));

    client.replaceWebhookEvents(appId, List.of(new Webhooks.Category("agent_state", List.of("acd_agent_state"))));
    assertThat(webhookEvents()).isEqualTo(Map.of("agent_state", List.of("acd_agent_state")));

    client.deleteWebhookEvents(appId);
    assertThat(webhookEvents()).isEmpty();
  }

  /** There is no GET webhooks/events in the API: read the simulator's state dump. */
  private Map<String, List<String>> webhookEvents() {
    JsonNode apps = sim.ops("GET", "state", null).json().get("apps");
    for (JsonNode app : apps) {
      if (app.get("appId").asText().equals(appId)) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        app.get("webhookEvents").properties().forEach(e -> {
          List<String> types = new ArrayList<>();
          e.getValue().forEach(t -> types.add(t.asText()));
          out.put(e.getKey(), types);
        });
        return out;
      }
    }
    throw new AssertionError("app not in the state dump");
  }

  @Test
  void voiceFilesUploadListDelete() {
    client.uploadVoiceFile(appId, new Ivrs.VoiceFile("welcome.wav", "wav", "hello"));
    client.uploadVoiceFile(appId, new Ivrs.VoiceFile("bye.wav", null, null));
    assertThat(client.listVoiceFiles(appId))
        .containsExactly(new Ivrs.VoiceFile("welcome.wav", "wav", "hello"), new Ivrs.VoiceFile("bye.wav", "wav", ""));

    client.deleteVoiceFile(appId, "bye.wav");
    assertThat(client.listVoiceFiles(appId)).extracting(Ivrs.VoiceFile::fileName).containsExactly("welcome.wav");
  }

  @Test
  void defaultVoicesSetAndGet() {
    assertThat(client.getDefVoices(appId)).isEmpty();
    client.uploadVoiceFile(appId, new Ivrs.VoiceFile("w.wav", "wav", null));
    Map<String, Object> voices = new LinkedHashMap<>();
    voices.put("Welcome", Map.of("Type", "wav", "Content", "w.wav"));
    voices.put("Hold", Map.of("Type", "tts", "Content", "Please hold"));
    voices.put("Evaluate", "default");
    client.setDefVoices(appId, voices);

    assertThat(client.getDefVoices(appId)).isEqualTo(voices);

    client.setDefVoices(appId, Map.of("Waiting", "default")); // replaces the whole set
    assertThat(client.getDefVoices(appId)).isEqualTo(Map.of("Waiting", "default"));
  }

  @Test
  void fastRouterSetAndGet() {
    assertThat(client.getFastRouter(appId)).isEmpty();
    client.createQueue(appId, new Queues.Request("9001", "Sales", null, null, null));
    client.createQueue(appId, new Queues.Request("9002", "Support", null, null, null));
    List<Ivrs.FastRoute> routes =
        List.of(new Ivrs.FastRoute("1", "Sales", "9001"), new Ivrs.FastRoute("2", "Support", "9002"));
    client.setFastRouter(appId, routes);
    assertThat(client.getFastRouter(appId)).isEqualTo(routes);
  }
}
