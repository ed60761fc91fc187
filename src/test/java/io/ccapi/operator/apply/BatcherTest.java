package io.ccapi.operator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccapi.operator.ccapi.CcapiException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each submitter gets its batch's answer or its own error; a refused batch is split. */
class BatcherTest {
  private final List<List<String>> calls = new CopyOnWriteArrayList<>();

  @Test
  void itemsSubmittedTogetherShareOneCallAndEachGetsItsAnswer() throws Exception {
    try (Batcher<String, String, String> batcher = new Batcher<>((key, items) -> {
          calls.add(items);
          return key + ":" + String.join(",", items.stream().sorted().toList());
        }, 10, Duration.ofMillis(200))) {
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<Future<String>> answers = List.of(
          pool.submit(() -> batcher.submit("app", "a")), pool.submit(() -> batcher.submit("app", "b")), pool.submit(() -> batcher.submit("app", "c")));
      for (Future<String> a : answers) {
        assertThat(a.get()).startsWith("app:");
      }
      pool.shutdown();
      assertThat(calls.stream().mapToInt(List::size).sum()).isEqualTo(3);
    }
  }

  @Test
  void aRefusedBatchIsSplitSoOnlyTheCulpritFails() throws Exception {
    try (Batcher<String, String, String> batcher = new Batcher<>((key, items) -> {
          calls.add(items);
          if (items.contains("bad")) {
            throw CcapiException.of(200, "100015", "NumberIsExisted", "agents");
          }
          return "ok";
        }, 10, Duration.ofMillis(200))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      Future<String> good = pool.submit(() -> batcher.submit("app", "good"));
      Future<String> bad = pool.submit(() -> batcher.submit("app", "bad"));
      assertThat(good.get()).isEqualTo("ok");
      assertThatThrownBy(bad::get).hasCauseInstanceOf(CcapiException.class);
      pool.shutdown();
    }
  }

  @Test
  void onlyAPlatformRefusalSplitsABatch() {
    assertThat(Batcher.refusedAsAWhole(CcapiException.of(200, "100015", "NumberIsExisted", "agents"))).isTrue();
    assertThat(Batcher.refusedAsAWhole(CcapiException.notSent("ccapi rate limit: no turn within the read timeout", "agents"))).isFalse();
    assertThat(Batcher.refusedAsAWhole(CcapiException.of(200, "000003", "System internal error", "agents"))).isFalse();
    assertThat(Batcher.refusedAsAWhole(CcapiException.of(502, null, "Bad Gateway", "agents"))).isFalse();
  }
}
