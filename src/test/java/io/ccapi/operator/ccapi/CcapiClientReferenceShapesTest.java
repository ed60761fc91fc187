package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers in the shapes the reference documents, where they differ from the simulator's (which answers as
 * the reference's examples do): the client reads both.
 */
class CcapiClientReferenceShapesTest {
  private OneAnswerServer server;

  @BeforeEach
  void start() {
    server = new OneAnswerServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void putSubscriptionsAnswersIdsByNameAsTableOrAsExample() {
    server.ok("[{\"SubId\":7,\"name\":\"sub1\"}]");
    Map<String, Long> table = server.client.updateSubscription("a", 7, new Subscriptions.Subscription(null, "http://cb", "sub1", List.of("user_answer"), true));
    server.ok("{\"sub1\":7}");
    Map<String, Long> example = server.client.updateSubscription("a", 7, new Subscriptions.Subscription(null, "http://cb", "sub1", List.of("user_answer"), true));

    assertThat(table).containsExactly(Map.entry("sub1", 7L));
    assertThat(example).isEqualTo(table);
  }

  @Test
  void defVoicesAsTheDocumentedListOrAsOneObject() {
    server.ok("{\"Voices\":[{\"Welcome\":{\"Type\":\"tts\",\"Content\":\"hi\"}},{\"Waiting\":\"default\"}]}");
    Map<String, Object> list = server.client.getDefVoices("a");
    server.ok("{\"Voices\":{\"Welcome\":{\"Type\":\"tts\",\"Content\":\"hi\"},\"Waiting\":\"default\"}}");
    Map<String, Object> object = server.client.getDefVoices("a");

    assertThat(list).containsOnlyKeys("Welcome", "Waiting").containsEntry("Waiting", "default");
    assertThat(list.get("Welcome")).isEqualTo(Map.of("Type", "tts", "Content", "hi"));
    assertThat(object).isEqualTo(list);
  }

  @Test
  void queuesAsTheDocumentedObjectOrAsAList() {
    String queue = "{\"ID\":3,\"AppID\":\"a\",\"QueueID\":\"9008\",\"Timeout\":60,\"Strategy\":\"random\",\"Name\":\"Sales\",\"MaxLength\":128}";
    server.ok(queue);
    List<Queues.Info> object = server.client.listQueues("a");
    server.ok("[" + queue + "," + queue.replace("9008", "9009") + "]");
    List<Queues.Info> list = server.client.listQueues("a");
    server.ok("{}");
    List<Queues.Info> none = server.client.listQueues("a");

    assertThat(object).singleElement().satisfies(q -> {
      assertThat(q.queueId()).isEqualTo("9008");
      assertThat(q.name()).isEqualTo("Sales");
      assertThat(q.maxLength()).isEqualTo(128);
    });
    assertThat(list).extracting(Queues.Info::queueId).containsExactly("9008", "9009");
    assertThat(none).isEmpty();
  }
}
