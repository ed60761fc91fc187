package io.ccapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcQueueStatus;
import io.ccapi.operator.plan.Reason;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which updates of a referenced CcQueue (or CcExtension) wake the seats that name it. */
class ReferenceWakeTest {
  private static CcQueue queue(long generation, boolean ready, List<String> agents, boolean deleting) {
    CcQueue q = new CcQueue();
    q.setMetadata(new ObjectMetaBuilder().withName("q0").withNamespace("ns").withGeneration(generation)
        .withDeletionTimestamp(deleting ? "2026-01-01T00:00:00Z" : null).build());
    q.setSpec(new CcQueueSpec());
    CcQueueStatus status = new CcQueueStatus();
    new Conditions(Clock.systemUTC()).apply(null, status, generation, ready ? Reason.Ready : Reason.Reconciling, "m");
    status.agents = agents;
    q.setStatus(status);
    return q;
  }

  @Test
  void aQueueListingOneMoreSeatWakesNoSeat() {
    assertThat(CcAgentReconciler.changesPlan(queue(1, true, List.of("1", "2")), queue(1, true, List.of("1")))).isFalse();
  }

  @Test
  void aSpecChangeReadinessOrDeletionWakesTheSeats() {
    CcQueue before = queue(1, true, List.of());
    assertThat(CcAgentReconciler.changesPlan(queue(2, true, List.of()), before)).isTrue();
    assertThat(CcAgentReconciler.changesPlan(queue(1, false, List.of()), before)).isTrue();
    assertThat(CcAgentReconciler.changesPlan(queue(1, true, List.of(), true), before)).isTrue();
  }

  private static CcQueue queue(long generation, boolean ready, List<String> agents) {
    return queue(generation, ready, agents, false);
  }
}
