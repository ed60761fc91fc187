package io.ccapi.operator.apply;

import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Reason;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeats of one event merge into one object with a count; different ones stay apart. */
class KubeEventsTest {
  @Test
  void repeatsBumpTheCountOfOneEvent() {
    try (EmbeddedCluster cluster = EmbeddedCluster.startMock()) {
      CcQueue about = new CcQueue();
      about.setMetadata(new ObjectMetaBuilder().withName("q").withNamespace("ns").withUid("uid-1").build());
      KubeEvents events = new KubeEvents(cluster.client(), Clock.systemUTC());

      events.warning(about, Reason.BackendUnavailable, "POST queues: 000003 System internal error (HTTP 200)");
      events.warning(about, Reason.BackendUnavailable, "POST queues: 000003 System internal error (HTTP 200)");
      events.warning(about, Reason.BackendUnavailable, "POST queues: 000003 System internal error (HTTP 200)");
      events.normal(about, EventReason.Updated, "update queue 9001: queueName \"A\" → \"B\"");
      events.flush();

      List<Event> recorded = cluster.client().v1().events().inNamespace("ns").list().getItems();
      assertThat(recorded).hasSize(2);
      Event warning = recorded.stream().filter(e -> "Warning".equals(e.getType())).findFirst().orElseThrow();
      assertThat(warning.getCount()).isEqualTo(3);
      assertThat(warning.getInvolvedObject().getKind()).isEqualTo("CcQueue");
      assertThat(warning.getInvolvedObject().getUid()).isEqualTo("uid-1");
      Event updated = recorded.stream().filter(e -> "Normal".equals(e.getType())).findFirst().orElseThrow();
      assertThat(updated.getReason()).isEqualTo("Updated");
      assertThat(updated.getCount()).isEqualTo(1);
    }
  }

  @Test
  void aRepeatAfterTheFirstWasSentStillBumpsTheCount() {
    try (EmbeddedCluster cluster = EmbeddedCluster.startMock()) {
      CcQueue about = new CcQueue();
      about.setMetadata(new ObjectMetaBuilder().withName("q").withNamespace("ns").withUid("uid-1").build());
      KubeEvents events = new KubeEvents(cluster.client(), Clock.systemUTC());

      events.normal(about, EventReason.Updated, "updated queue 9001");
      events.flush();
      events.normal(about, EventReason.Updated, "updated queue 9001");
      events.flush();

      List<Event> recorded = cluster.client().v1().events().inNamespace("ns").list().getItems();
      assertThat(recorded).singleElement().extracting(Event::getCount).isEqualTo(2);
      events.close();
    }
  }
}
