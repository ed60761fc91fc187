package io.ccapi.operator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.simulator.SimulatorTestBase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue joins over the simulator: many seats of a queue in one call, errors kept for each seat, cancelled joins. */
class QueueJoinsTest extends SimulatorTestBase {
  private final List<String> joined = new CopyOnWriteArrayList<>();
  private final List<String> failed = new CopyOnWriteArrayList<>();
  private QueueJoins joins;
  private AppConnection app;

  @BeforeEach
  void queueAndSeats() {
    sim.client.createQueue(appId, new Queues.Request("9001", "Q", null, null, null));
    sim.client.createAgents(appId, IntStream.rangeClosed(1, 5).mapToObj(i -> seat(Integer.toString(i))).toList());
    app = new AppConnection("ns", "app", appId, null, sim.client);
    joins = new QueueJoins(new QueueJoins.Outcome() {
      @Override
      public void joined(AppConnection a, String queueId, List<QueueJoins.Member> members) {
        members.forEach(m -> joined.add(m.agentId() + "@" + queueId));
      }

      @Override
      public void failed(AppConnection a, String queueId, List<QueueJoins.Member> members, CcapiException e) {
        members.forEach(m -> failed.add(m.agentId() + "@" + queueId));
      }
    }, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    joins.close();
  }

  private static Agents.Agent seat(String id) {
    return new Agents.Agent(id, "w" + id, null, null, null, null, null, null, null);
  }

  private static QueueJoins.Member member(String agentId) {
    return new QueueJoins.Member("uid-" + agentId, "CcAgent", "ns", "seat-" + agentId, agentId);
  }

  private long joinCalls() {
    return sim.ops("GET", "stats", null).json().path("byEndpoint").path("POST queues/agents").asLong();
  }

  @Test
  void theSeatsOfAQueueJoinInOneCallOnceTheAppsJoinsSettle() {
    long before = joinCalls();
    for (int i = 1; i <= 5; i++) {
      assertThat(joins.offer(app, "9001", member(Integer.toString(i)))).isEqualTo(QueueJoins.State.WAITING);
    }
    assertThat(joins.offer(app, "9001", member("1"))).isEqualTo(QueueJoins.State.WAITING); // offered twice: once

    await().atMost(Duration.ofSeconds(10)).until(() -> joined.size() == 5);
    assertThat(joinCalls() - before).isEqualTo(1);
    assertThat(sim.client.listAgents(appId)).allSatisfy(a -> assertThat(a.queues()).containsExactly("9001"));
  }

  @Test
  void aRefusedBatchIsSplitAndOnlyTheSeatToBlameGetsTheErrorOnce() {
    joins.offer(app, "9001", member("1"));
    joins.offer(app, "9001", member("404"));

    await().atMost(Duration.ofSeconds(10)).until(() -> joined.size() + failed.size() == 2);
    assertThat(joined).containsExactly("1@9001");
    assertThat(failed).containsExactly("404@9001");
    assertThatThrownBy(() -> joins.offer(app, "9001", member("404"))).isInstanceOf(CcapiException.class);
    assertThat(joins.offer(app, "9001", member("404"))).isEqualTo(QueueJoins.State.WAITING); // a retry sends again
  }

  @Test
  void aSeatThatNoLongerWantsTheQueueIsDroppedBeforeItIsSent() {
    joins.offer(app, "9001", member("1"));
    joins.offer(app, "9001", member("2"));
    joins.retain("uid-2", Set.of());

    await().atMost(Duration.ofSeconds(10)).until(() -> !joined.isEmpty());
    assertThat(joined).containsExactly("1@9001");
    assertThat(sim.client.listAgents(appId).stream().filter(a -> a.queues() != null && a.queues().contains("9001")).map(Agents.Details::agentId)).containsExactly("1");
  }

  @Test
  void aLaneIsDueWhenFullWhenItWaitedLongOrWhenTheAppsJoinsSettled() {
    Duration busy = QueueJoins.SETTLE.minusMillis(1);
    assertThat(QueueJoins.due(QueueJoins.MAX, Duration.ZERO, Duration.ZERO)).isTrue();
    assertThat(QueueJoins.due(1, QueueJoins.MAX_WAIT, Duration.ZERO)).isTrue();
    assertThat(QueueJoins.due(1, Duration.ZERO, QueueJoins.SETTLE)).isTrue();
    assertThat(QueueJoins.due(1, QueueJoins.MAX_WAIT.minusMillis(1), busy)).as("seats still coming: keep gathering").isFalse();
    assertThat(QueueJoins.due(0, QueueJoins.MAX_WAIT, QueueJoins.SETTLE)).isFalse();
  }
}
