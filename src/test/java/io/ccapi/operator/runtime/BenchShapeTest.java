package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.Patterns;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's tenant is valid for the reference at every size, and min_calls is its minimum. */
class BenchShapeTest {
  private static BenchShape shape(int agents, int extensions, int queues) {
    return new BenchShape(agents, extensions, queues, 20, 20, Duration.ofSeconds(10), 3, 100);
  }

  @Test
  void oneAppWhileExtensionNumbersAndQueuesFit() {
    assertThat(shape(100, 50, 5).apps()).isEqualTo(1);
    assertThat(shape(1000, 500, 50).apps()).isEqualTo(1);
  }

  @Test
  void moreAppsWhenOneAppHasTooFewExtensionNumbersOrQueueIds() {
    // 5,000 CcExtensions and 5,000 seats with their own extension: 10,000 numbers, 9,000 per app
    assertThat(shape(10_000, 5_000, 100).apps()).isEqualTo(2);
    assertThat(shape(10, 1, 250).apps()).isEqualTo(3);
  }

  @Test
  void partsAddUpToTheWhole() {
    BenchShape whole = shape(10_001, 5_001, 101);
    int agents = 0;
    int extensions = 0;
    int queues = 0;
    for (int i = 0; i < whole.apps(); i++) {
      BenchShape p = whole.part(i);
      agents += p.agents();
      extensions += p.extensions();
      queues += p.queues();
      assertThat(p.apps()).isEqualTo(1);
    }
    assertThat(new int[] {agents, extensions, queues}).containsExactly(10_001, 5_001, 101);
  }

  @Test
  void minCallsCountsWhatTheReferenceNeedsPerApp() {
    // app + 50 queues + 500 extensions + 10 seat creates + 500 bindings + 50 queue joins + 2 lists
    assertThat(shape(1000, 500, 50).minCalls()).isEqualTo(1113);
    assertThat(shape(10_000, 5_000, 100).minCalls()).isEqualTo(2 * (1 + 50 + 2500 + 50 + 2500 + 50 + 2));
  }

  @Test
  void everyExtensionNumberInAnAppIsValidAndUnique() {
    BenchShape part = shape(10_000, 5_000, 100).part(0);
    Set<String> numbers = new HashSet<>();
    for (int e = 0; e < part.extensions(); e++) {
      numbers.add(Integer.toString(1000 + e));
    }
    for (int a = 0; a < part.agents(); a++) {
      CcAgentSpec spec = BenchTenant.agent("bench", "", a, part);
      if (spec.extension != null) {
        assertThat(spec.extension).matches(Patterns.EXTENSION);
        assertThat(numbers.add(spec.extension)).as("extension %s used twice", spec.extension).isTrue();
      }
    }
    assertThat(numbers).hasSize(part.extensions() + part.agents() / 2);
  }
}
