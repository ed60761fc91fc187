package io.ccapi.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.Signer;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire as the reference shows it, with raw requests the typed client would not send. */
class SimulatorHttpTest extends SimulatorTestBase {

  private static String errCode(SimHarness.RawAnswer answer) {
    return answer.json().get("ErrCode").asText();
  }

  @Test
  void postWithoutOrWithBadBodyIsUnexpectedEndOfJson() {
    for (String body : new String[] {null, "", "{", "[1]", "\"text\""}) {
      SimHarness.RawAnswer answer = sim.send("POST", sim.signedUrl("queues", appId), body);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(errCode(answer)).as("body %s", body).isEqualTo(ErrorCodes.DUPLICATE_OR_BAD_REQUEST);
      assertThat(answer.json().get("ErrDesc").asText()).isEqualTo(ErrorCodes.MSG_BAD_JSON);
      assertThat(answer.json().get("Result").isNull()).isTrue();
    }
    assertThat(ErrorClass.classify(200, ErrorCodes.DUPLICATE_OR_BAD_REQUEST, ErrorCodes.MSG_BAD_JSON))
        .isEqualTo(ErrorClass.MALFORMED);
    SimHarness.RawAnswer delete = sim.send("DELETE", sim.signedUrl("extensions", appId), null);
    assertThat(delete.json().get("ErrDesc").asText()).isEqualTo(ErrorCodes.MSG_BAD_JSON);
  }

  @Test
  void callsWithAllParametersInThePathNeedNoBody() {
    long id = sim.client.createSubscriptions(appId, List.of(new Subscriptions.Subscription(null, "https://cb.example/x", "s", List.of("user_answer"), true)))
        .subSucc().get(0).id();
    for (String path : new String[] {"subscriptions/" + id, "spnumbers/default", "spnumbers/default/7763", "webhooks/events"}) {
      SimHarness.RawAnswer answer = sim.send("DELETE", sim.signedUrl(path, appId), null);
      assertThat(errCode(answer)).as("DELETE %s without body", path).isEqualTo(ErrorCodes.OK);
    }
    assertThat(sim.client.listSubscriptions(appId)).isEmpty();
  }

  @Test
  void getIgnoresABodyLikeTheReferenceExampleSends() throws Exception {
    sim.client.createAgents(appId, List.of(new Agents.Agent("7765", "7765", null, null, null, null, null, null, null)));
    // OkHttp cannot send a GET body; the JDK client can.
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(sim.signedUrl("agents/7765", appId)))
            .method("GET", HttpRequest.BodyPublishers.ofString("{\"AgentId\":\"7765\"}"))
            .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"ErrCode\":\"000000\"");
  }

  @Test
  void agentDetailsAndListLookLikeTheReferenceExamples() {
    sim.client.createAgents(appId, List.of(new Agents.Agent("7765", "7765", null, null, null, null, null, null, null)));
    JsonNode details = sim.send("GET", sim.signedUrl("agents/7765", appId), null).json().get("Result");
    assertThat(details.get("AgentId").asText()).isEqualTo("7765@" + appId);
    assertThat(details.get("Queues").isNull()).isTrue();
    assertThat(details.get("Extensions").isNull()).isTrue();
    assertThat(details.get("DefSpNumber").isTextual()).isTrue();
    assertThat(details.get("State").asInt()).isEqualTo(4);
    assertThat(details.get("ExtState").asInt()).isEqualTo(3);
    assertThat(details.get("WrapUpTime").asInt()).isZero();
    assertThat(details.get("Enable").asBoolean()).isTrue();

    // Without paging parameters everything is on one page, PageSize == Total.
    JsonNode page = sim.send("GET", sim.signedUrl("agents", appId), null).json().get("Result");
    assertThat(page.get("CurrPage").asInt()).isEqualTo(1);
    assertThat(page.get("PageSize").asInt()).isEqualTo(1);
    assertThat(page.get("Total").asInt()).isEqualTo(1);
    assertThat(page.get("TotalPage").asInt()).isEqualTo(1);
    assertThat(page.get("AgentList").get(0).get("AgentId").asText()).isEqualTo("7765");

    SimHarness.RawAnswer badPage = sim.send("GET", sim.signedUrl("agents?PageNum=0", appId), null);
    assertThat(errCode(badPage)).isEqualTo(ErrorCodes.PARAMETER_ERROR);
  }

  @Test
  void refusedSignaturesAnswer401WithCodeAndMessage() {
    long now = System.currentTimeMillis();
    long seconds = now / 1000;
    String sid = SimHarness.CREDENTIALS.sid();
    String token = SimHarness.CREDENTIALS.authToken();
    String base = sim.simulator.baseUrl() + "/ccapi/v2/apps?AppId=" + appId + "&Sid=" + sid;
    List<String> refused =
        List.of(
            base + "&Timestamp=" + seconds + "&Sign=" + Signer.sign(sid, token, seconds), // seconds, not ms
            base + "&Sign=" + Signer.sign(sid, token, now), // no Timestamp
            base + "&Timestamp=" + now + "&Sign=" + Signer.sign(sid, "wrong", now),
            base + "&Timestamp=" + now + "&Sign=" + Signer.sign(sid, token, now).toUpperCase(),
            base + "&Timestamp=" + now);
    for (String url : refused) {
      SimHarness.RawAnswer answer = sim.send("GET", url, null);
      assertThat(answer.status()).as(url).isEqualTo(401);
      assertThat(answer.json().get("code").asText()).isEqualTo("401");
      assertThat(answer.json().get("message").asText()).isNotBlank().doesNotContain(Signer.sign(sid, token, now));
    }
    SimHarness.RawAnswer ok =
        sim.send("GET", base + "&Timestamp=" + now + "&Sign=" + Signer.sign(sid, token, now), null);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(errCode(ok)).isEqualTo(ErrorCodes.OK);
  }

  @Test
  void appIdAliasAndUnknownPathsAndMethods() {
    String url = sim.signedUrl("queues", null) + "&app_id=" + appId;
    assertThat(errCode(sim.send("GET", url, null))).isEqualTo(ErrorCodes.OK);

    SimHarness.RawAnswer unknown = sim.send("GET", sim.signedUrl("no/such/thing", appId), null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("code").asText()).isEqualTo("404");
    assertThat(sim.send("GET", sim.simulator.baseUrl() + "/elsewhere", null).status()).isEqualTo(404);

    SimHarness.RawAnswer wrongMethod = sim.send("PATCH", sim.signedUrl("queues", appId), "{}");
    assertThat(wrongMethod.status()).isEqualTo(405);
  }

  @Test
  void defaultRelayNumberAcceptsTheReferencesExtraSegment() {
    SimHarness.RawAnswer put =
        sim.send("PUT", sim.signedUrl("spnumbers/default/7763", appId), "{\"DefSpNumber\":\"057126200671\"}");
    assertThat(errCode(put)).isEqualTo(ErrorCodes.OK);
    assertThat(sim.client.listSpNumbers(appId).defSpNumber()).isEqualTo("057126200671");
    SimHarness.RawAnswer delete = sim.send("DELETE", sim.signedUrl("spnumbers/default/7763", appId), "{}");
    assertThat(errCode(delete)).isEqualTo(ErrorCodes.OK);
    assertThat(sim.client.listSpNumbers(appId).defSpNumber()).isEmpty();
  }

  @Test
  void subscriptionStateZeroMeansEnabled() {
    long id =
        sim.client.createSubscriptions(
                appId, List.of(new Subscriptions.Subscription(null, "http://cb", "s", List.of("end"), null)))
            .subSucc().get(0).id();
    String body = "{\"callback\":\"http://cb\",\"name\":\"s\",\"events\":[\"end\"],\"state\":%d}";
    sim.send("PUT", sim.signedUrl("subscriptions/" + id, appId), body.formatted(1));
    assertThat(sim.client.getSubscription(appId, id).enable()).isFalse();
    SimHarness.RawAnswer put = sim.send("PUT", sim.signedUrl("subscriptions/" + id, appId), body.formatted(0));
    assertThat(put.json().get("Result").get("s").asLong()).isEqualTo(id);
    assertThat(sim.client.getSubscription(appId, id).enable()).isTrue();
  }

  @Test
  void appTypeMustBeTheInteger() {
    SimHarness.RawAnswer asString = sim.send("POST", sim.signedUrl("apps", null), "{\"Name\":\"a\",\"Type\":\"1\"}");
    assertThat(errCode(asString)).isEqualTo(ErrorCodes.PARAMETER_ERROR);
    SimHarness.RawAnswer noName = sim.send("POST", sim.signedUrl("apps", null), "{\"Type\":1}");
    assertThat(errCode(noName)).isEqualTo(ErrorCodes.PARAMETER_ERROR);
    SimHarness.RawAnswer ok = sim.send("POST", sim.signedUrl("apps", null), "{\"Name\":\"a\",\"Type\":1}");
    assertThat(ok.json().get("Result").get("Type").asText()).isEqualTo("1");
  }

  @Test
  void postAppsHonoursTheCallersAppIdAndAssignsOneWhenNoneIsGiven() {
    String mine = java.util.UUID.randomUUID().toString();
    Apps.CreateRequest request = new Apps.CreateRequest("crm", Apps.TYPE_CALL_CENTER, "", null, null);

    Apps.App created = sim.client.createApp(mine, request);
    CcapiException again = org.assertj.core.api.Assertions.catchThrowableOfType(CcapiException.class, () -> sim.client.createApp(mine, request));
    Apps.App assigned = sim.client.createApp(request);

    assertThat(created.appId()).isEqualTo(mine);
    assertThat(sim.client.getApp(mine).secret()).isEqualTo(created.secret()).isNotBlank();
    assertThat(again.errCode()).isEqualTo(ErrorCodes.DUPLICATE_OR_BAD_REQUEST);
    assertThat(again.errorClass()).isEqualTo(ErrorClass.CONFLICT);
    assertThat(assigned.appId()).isNotEqualTo(mine).matches("[0-9a-f-]{36}");
  }

  @Test
  void updateAgentIsNamedByThePathAndQueuePutKeepsCreateDefaults() {
    sim.client.createAgents(appId, List.of(new Agents.Agent("1", "w1", null, null, null, null, null, null, null)));
    SimHarness.RawAnswer mismatch =
        sim.send("PUT", sim.signedUrl("agents/1", appId), "{\"AgentId\":\"2\",\"WorkId\":\"w\"}");
    assertThat(errCode(mismatch)).as("like the reference's example (10030 sent to agents/7763)").isEqualTo(ErrorCodes.OK);
    assertThat(sim.client.getAgent(appId, "1").workId()).isEqualTo("w");

    sim.client.createQueue(appId, new Queues.Request("9001", "Q", "random", 5, 10));
    sim.send("PUT", sim.signedUrl("queues", appId), "{\"QueueId\":\"9001\",\"QueueName\":\"Q2\"}");
    Queues.Info q = sim.client.listQueues(appId).get(0);
    assertThat(q.strategy()).isEqualTo(Queues.DEFAULT_STRATEGY);
    assertThat(q.timeout()).isEqualTo(Queues.DEFAULT_TIMEOUT);
    assertThat(q.maxLength()).isEqualTo(Queues.DEFAULT_MAX_LENGTH);
  }

  @Test
  void defVoicesAcceptTheDocumentedListShape() {
    SimHarness.RawAnswer list = sim.send(
        "PUT", sim.signedUrl("ivrs/defvoices", appId), "{\"DefVoices\":[{\"Welcome\":{\"Type\":\"tts\",\"Content\":\"Hi\"}}]}");
    assertThat(errCode(list)).isEqualTo(ErrorCodes.OK);
    JsonNode voices = sim.send("GET", sim.signedUrl("ivrs/defvoices", appId), null).json().get("Result").get("Voices");
    assertThat(voices.get("Welcome").get("Content").asText()).isEqualTo("Hi");
    SimHarness.RawAnswer two = sim.send(
        "PUT", sim.signedUrl("ivrs/defvoices", appId), "{\"DefVoices\":[{\"Hold\":\"default\"},{\"Hold\":\"default\"}]}");
    assertThat(errCode(two)).isEqualTo(ErrorCodes.PARAMETER_ERROR);
  }
}
