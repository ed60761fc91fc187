package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failing resource backs off from 1 s (twice: JOSDK's first retry repeats the initial interval), doubling,
 * never longer than the poll interval, without end.
 */
class RetryBackoffTest {

  @Test
  void doublesFromOneSecondAndStopsGrowingAtThePollInterval() {
    assertThat(delays(Duration.ofSeconds(60), 10))
        .containsExactly(1000L, 1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L, 60000L);
  }

  @Test
  void aShortPollStillStartsAtOneSecond() {
    assertThat(delays(Duration.ofMillis(200), 3)).containsExactly(1000L, 1000L, 1000L);
  }

  @Test
  void neverGivesUp() {
    RetryExecution retry = CcapiOperator.retry(Duration.ofSeconds(5)).initExecution();
    for (int i = 0; i < 1000; i++) {
      assertThat(retry.nextDelay()).as("attempt %d", i).isPresent();
    }
  }

  private static List<Long> delays(Duration poll, int attempts) {
    RetryExecution retry = CcapiOperator.retry(poll).initExecution();
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      out.add(retry.nextDelay().orElseThrow());
    }
    return out;
  }
}
