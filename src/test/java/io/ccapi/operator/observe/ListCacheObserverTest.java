package io.ccapi.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.simulator.SimulatorTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One list call per app and kind per max age, counted by the simulator; own writes never read stale. */
class ListCacheObserverTest extends SimulatorTestBase {
  private final MutableClock clock = new MutableClock();

  @Test
  void manyReadsCostOneListUntilTheListIsOlderThanMaxAge() {
    AppConnection app = app();
    for (int i = 1; i <= 3; i++) {
      sim.client.createAgents(appId, List.of(agent(Integer.toString(i))));
    }
    sim.client.createQueue(appId, new Queues.Request("9001", "Q", null, null, null));
    ListCacheObserver observer = new ListCacheObserver(Duration.ofSeconds(10), clock);
    long lists = calls("GET agents");
    long queueLists = calls("GET queues");

    for (int i = 1; i <= 3; i++) {
      assertThat(observer.agent(app, Integer.toString(i))).isPresent();
    }
    assertThat(observer.agents(app)).hasSize(3);
    assertThat(observer.queue(app, "9001")).isPresent();
    assertThat(observer.queue(app, "9002")).isEmpty();
    assertThat(calls("GET agents") - lists).isEqualTo(1);
    assertThat(calls("GET queues") - queueLists).isEqualTo(1);

    clock.advance(Duration.ofSeconds(11));
    assertThat(observer.agent(app, "1")).isPresent();
    assertThat(calls("GET agents") - lists).isEqualTo(2);
  }

  @Test
  void aReportedChangeGoesIntoTheCachedListWithoutAnyRead() {
    AppConnection app = app();
    sim.client.createAgents(appId, List.of(agent("1"), agent("2")));
    ListCacheObserver observer = new ListCacheObserver(Duration.ofSeconds(10), clock);
    assertThat(observer.agents(app)).hasSize(2);
    long total = sim.ops("GET", "stats", null).json().path("total").asLong();

    observer.<Agents.Details>changed(app, PlatformObserver.Kind.AGENTS, d -> "1".equals(d.agentId()),
        before -> before.map(d -> new Agents.Details(d.appId(), d.agentId(), d.workId(), "renamed", d.mobile(), d.email(), d.role(),
            List.of("9001"), null, d.extensions(), d.defSpNumber(), d.state(), d.extState(), d.wrapUpTime(), d.enable())));
    assertThat(observer.agent(app, "1").orElseThrow().queues()).containsExactly("9001");
    assertThat(observer.agent(app, "1").orElseThrow().name()).isEqualTo("renamed");

    observer.<Agents.Details>changed(app, PlatformObserver.Kind.AGENTS, d -> "2".equals(d.agentId()), before -> java.util.Optional.empty());
    assertThat(observer.agents(app)).extracting(Agents.Details::agentId).containsExactly("1");
    assertThat(sim.ops("GET", "stats", null).json().path("total").asLong()).as("no ccapi call at all").isEqualTo(total);
  }

  @Test
  void aChangeThatFailsDropsTheListSoItIsReadAgain() {
    AppConnection app = app();
    sim.client.createAgents(appId, List.of(agent("1")));
    ListCacheObserver observer = new ListCacheObserver(Duration.ofSeconds(10), clock);
    assertThat(observer.agents(app)).hasSize(1);
    long lists = calls("GET agents");
    observer.<Agents.Details>changed(app, PlatformObserver.Kind.AGENTS, d -> true, before -> {
      throw new IllegalStateException("cannot tell");
    });
    assertThat(observer.agents(app)).hasSize(1);
    assertThat(calls("GET agents") - lists).isEqualTo(1);
  }

  @Test
  void aWrittenQueueListIsReadAgain() {
    AppConnection app = app();
    ListCacheObserver observer = new ListCacheObserver(Duration.ofSeconds(10), clock);
    assertThat(observer.queue(app, "9001")).isEmpty();
    sim.client.createQueue(appId, new Queues.Request("9001", "Q", null, null, null));
    assertThat(observer.queue(app, "9001")).as("still the cached list").isEmpty();
    observer.written(app, PlatformObserver.Kind.QUEUES);
    assertThat(observer.queue(app, "9001")).isPresent();
  }

  @Test
  void relayNumbersAndTheIvrAreOneReadEachPerMaxAgeAndTakeTheirWritesWithoutReading() {
    AppConnection app = app();
    ListCacheObserver observer = new ListCacheObserver(Duration.ofSeconds(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(observer.spNumbers(app).spNumbers()).isNotEmpty();
      assertThat(observer.voiceFiles(app)).isEmpty();
      assertThat(observer.defaultVoices(app)).isEmpty();
      assertThat(observer.fastRouter(app)).isEmpty();
    }
    assertThat(List.of(calls("GET spnumbers"), calls("GET ivrs/vfiles"), calls("GET ivrs/defvoices"), calls("GET ivrs/fastrouters")))
        .containsOnly(1L);
    long total = sim.ops("GET", "stats", null).json().path("total").asLong();

    observer.<SpNumbers.Numbers>changed(app, PlatformObserver.Kind.SPNUMBERS, n -> true,
        before -> before.map(n -> new SpNumbers.Numbers(n.spNumbers(), "057126200670")));
    observer.<Ivrs.VoiceFile>changed(app, PlatformObserver.Kind.VOICE_FILES, f -> false, before -> Optional.of(new Ivrs.VoiceFile("a.wav", "wav", "")));
    observer.replaced(app, PlatformObserver.Kind.FAST_ROUTER, List.of(new Ivrs.FastRoute("1", "", "9001")));

    assertThat(observer.spNumbers(app).defSpNumber()).isEqualTo("057126200670");
    assertThat(observer.voiceFiles(app)).extracting(Ivrs.VoiceFile::fileName).containsExactly("a.wav");
    assertThat(observer.fastRouter(app)).extracting(Ivrs.FastRoute::queueId).containsExactly("9001");
    assertThat(sim.ops("GET", "stats", null).json().path("total").asLong()).as("no ccapi call at all").isEqualTo(total);
  }

  private AppConnection app() {
    return new AppConnection("ns", "tenant", appId, null, sim.client);
  }

  private long calls(String endpoint) {
    return sim.ops("GET", "stats", null).json().path("byEndpoint").path(endpoint).asLong();
  }

  private static Agents.Agent agent(String id) {
    return new Agents.Agent(id, "w" + id, null, null, null, null, null, null, null);
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
