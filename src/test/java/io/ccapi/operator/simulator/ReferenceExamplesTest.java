package io.ccapi.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's own request examples (src/test/resources/reference/examples.tsv), sent as they are —
 * method, path, query and body, only re-signed — are all accepted by the simulator.
 */
class ReferenceExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The JDK client, unlike OkHttp, sends a GET body as the reference's GET example does. */
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static SimHarness sim;

  record Example(String line, String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path + " (reference line " + line + ")";
    }
  }

  @BeforeAll
  static void start() {
    sim = SimHarness.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static List<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    try (InputStream in = ReferenceExamplesTest.class.getResourceAsStream("/reference/examples.tsv")) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!row.isBlank() && !row.startsWith("#")) {
          String[] c = row.split("\t", -1);
          out.add(new Example(c[0], c[1], c[2], c[3].equals("-") ? null : c[3]));
        }
      }
    }
    return out;
  }

  @Test
  void everyExampleOfAServedEndpointIsAccepted() throws Exception {
    String appId = fixture();
    List<Example> examples = examples();
    assertThat(examples).hasSize(24);
    for (Example e : examples) {
      // POST apps: the example's {{appid}} is one the CRM generated
      String url = sim.signedUrl(e.path(), e.path().equals("apps") ? UUID.randomUUID().toString() : appId);
      HttpRequest.BodyPublisher body = e.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(e.body());
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(e.method(), body).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(answer.body());
      assertThat(answer.statusCode()).as("%s: %s", e, answer.body()).isEqualTo(200);
      assertThat(json.path("ErrCode").asText()).as("%s: %s", e, answer.body()).isEqualTo(ErrorCodes.OK);
    }
    assertThat(sim.client.getAgent(appId, "7763").workId()).isEqualTo("22024");
    assertThat(sim.client.getAgent(appId, "200").wrapUpTime()).isEqualTo(1);
    assertThat(sim.client.listSubscriptions(appId)).extracting(Subscriptions.Subscription::id).doesNotContain(8L).contains(7L);
  }

  /** The objects the examples name, in a fresh app: seats, extensions 2345 (bound to 6655) and 9527, queue 9008, subscriptions 1 to 6. */
  private static String fixture() {
    String appId = sim.newApp().appId();
    List<Agents.Agent> seats = List.of("7763", "7765", "7777", "6655", "10031", "10032").stream()
        .map(id -> new Agents.Agent(id, id, null, null, null, null, null, null, null)).toList();
    sim.client.createAgents(appId, seats);
    sim.client.createExtension(appId, "2345");
    sim.client.createExtension(appId, "9527");
    sim.client.bindAgentExtensions(appId, "6655", List.of("2345"));
    sim.client.createQueue(appId, new Queues.Request("9008", "Q", null, null, null));
    // subscription ids are the simulator's counter: the example's four then get 7 to 10, as its PUT and DELETE expect
    sim.client.createSubscriptions(appId, IntStream.rangeClosed(1, 6)
        .mapToObj(i -> new Subscriptions.Subscription(null, "https://cb.example/" + i, "setup-" + i, List.of("user_answer"), true)).toList());
    return appId;
  }
}
