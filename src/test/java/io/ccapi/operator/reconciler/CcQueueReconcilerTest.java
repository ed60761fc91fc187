package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.plan.Reason;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.DeletionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CcQueueReconcilerTest extends ControllerTest {
  private static Optional<Queues.Info> platformQueue(String appId, String queueId) {
    return h.platform.listQueues(appId).stream().filter(q -> queueId.equals(q.queueId())).findFirst();
  }

  @Test
  void createsTheQueueThenFollowsSpecEditsAndUndoesDrift() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "sales", "tenant", "9001", s -> {
      s.queueName = "Sales";
      s.strategy = CcQueueSpec.Strategy.ring_all;
      s.timeoutSeconds = 30;
      s.maxLength = 10;
    });
    CcQueue ready = h.awaitReady(CcQueue.class, ns, "sales");

    assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> {
      assertThat(q.name()).isEqualTo("Sales");
      assertThat(q.strategy()).isEqualTo("ring_all");
      assertThat(q.timeout()).isEqualTo(30);
      assertThat(q.maxLength()).isEqualTo(10);
    });
    assertThat(claimedId(ready)).isEqualTo("9001");
    assertThat(ready.getStatus().observedGeneration).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(condition(ready.getStatus(), "Reconciling").getStatus()).isEqualTo("False");
    assertThat(condition(ready.getStatus(), "Stalled").getStatus()).isEqualTo("False");

    h.edit(CcQueue.class, ns, "sales", q -> {
      q.getSpec().queueName = "Sales EMEA";
      q.getSpec().strategy = CcQueueSpec.Strategy.round_robin;
      q.getSpec().maxLength = 20;
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> {
      assertThat(q.name()).isEqualTo("Sales EMEA");
      assertThat(q.strategy()).isEqualTo("round_robin");
      assertThat(q.maxLength()).isEqualTo(20);
      assertThat(q.timeout()).isEqualTo(30);
    }));
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      CcQueue q = h.get(CcQueue.class, ns, "sales");
      return q.getStatus().observedGeneration.equals(q.getMetadata().getGeneration()) && Conditions.isReady(q.getStatus());
    });

    // behind the operator's back: restored by the next poll (2 s) plus at most one list-cache age
    h.platform.updateQueue(appId, new Queues.Request("9001", "Changed by hand", "random", 5, 1));
    assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Changed by hand"));
    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> {
      assertThat(q.name()).isEqualTo("Sales EMEA");
      assertThat(q.strategy()).isEqualTo("round_robin");
      assertThat(q.timeout()).isEqualTo(30);
      assertThat(q.maxLength()).isEqualTo(20);
    }));
  }

  @Test
  void deletionPolicyDeleteRemovesTheQueueAndOrphanKeepsIt() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "gone", "tenant", "9001", s -> {});
    h.queue(ns, "kept", "tenant", "9002", s -> s.deletionPolicy = DeletionPolicy.Orphan);
    h.awaitReady(CcQueue.class, ns, "gone");
    h.awaitReady(CcQueue.class, ns, "kept");

    h.delete(CcQueue.class, ns, "gone");
    h.delete(CcQueue.class, ns, "kept");
    h.awaitGone(CcQueue.class, ns, "gone");
    h.awaitGone(CcQueue.class, ns, "kept");

    assertThat(platformQueue(appId, "9001")).isEmpty();
    assertThat(platformQueue(appId, "9002")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Queue 9002"));
    assertThat(h.events(ns))
        .anySatisfy(e -> {
          assertThat(e.getInvolvedObject().getName()).isEqualTo("kept");
          assertThat(e.getReason()).isEqualTo(EventReason.Orphaned.name());
        })
        .anySatisfy(e -> {
          assertThat(e.getInvolvedObject().getName()).isEqualTo("gone");
          assertThat(e.getReason()).isEqualTo(EventReason.Deleted.name());
        });
  }

  @Test
  void listsBoundAgentsAndUnbindsThemBeforeDeleting() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.queue(ns, "other", "tenant", "9002", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");
    h.agent(ns, "alice", "tenant", "1001", s -> s.queueRefs = List.of("q", "other"));
    h.agent(ns, "bob", "tenant", "1002", s -> s.queueRefs = List.of("q"));
    h.awaitReady(CcAgent.class, ns, "alice");
    h.awaitReady(CcAgent.class, ns, "bob");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(h.get(CcQueue.class, ns, "q").getStatus().agents).containsExactly("1001", "1002"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(h.get(CcQueue.class, ns, "other").getStatus().agents).containsExactly("1001"));

    h.delete(CcQueue.class, ns, "q");
    h.awaitGone(CcQueue.class, ns, "q");
    assertThat(platformQueue(appId, "9001")).isEmpty();
    assertThat(h.platform.getAgent(appId, "1001").queues()).containsExactly("9002");
    assertThat(h.platform.getAgent(appId, "1002").queues()).isNullOrEmpty();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(h.get(CcAgent.class, ns, "alice").getStatus().queues).containsExactly("9002");
      assertThat(h.get(CcAgent.class, ns, "bob").getStatus().queues).isNullOrEmpty();
    });
    // the seats still name the queue, so they wait for it; nothing is re-created behind the deletion
    CcAgent alice = h.awaitReason(CcAgent.class, ns, "alice", Reason.WaitingForReference);
    assertThat(readyMessage(alice)).contains("CcQueue q");
    assertThat(platformQueue(appId, "9001")).isEmpty();
  }

  @Test
  void refusesToChangeTheQueueId() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");

    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueId = "9005");
    CcQueue stalled = h.awaitReason(CcQueue.class, ns, "q", Reason.ImmutableFieldChanged);
    assertThat(condition(stalled.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(condition(stalled.getStatus(), "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(stalled.getStatus(), "Reconciling").getStatus()).isEqualTo("False");
    assertThat(readyMessage(stalled)).contains("spec.queueId", "9001", "9005");
    assertThat(platformQueue(appId, "9005")).isEmpty();
    assertThat(platformQueue(appId, "9001")).isPresent();
  }

  @Test
  void aQueueCreatedOutsideIsAlreadyExistsUntilAnnotatedForAdoption() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.platform.createQueue(appId, new Queues.Request("9050", "Made by hand", "random", 10, 5));

    h.queue(ns, "q", "tenant", "9050", s -> s.queueName = "Managed");
    CcQueue stalled = h.awaitReason(CcQueue.class, ns, "q", Reason.AlreadyExists);
    assertThat(condition(stalled.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(stalled)).contains("9050", Annotations.ADOPT);
    assertThat(platformQueue(appId, "9050")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Made by hand"));

    h.annotate(CcQueue.class, ns, "q", Annotations.ADOPT, "true");
    CcQueue adopted = h.awaitReady(CcQueue.class, ns, "q");
    assertThat(claimedId(adopted)).isEqualTo("9050");
    assertThat(platformQueue(appId, "9050")).hasValueSatisfying(q -> {
      assertThat(q.name()).isEqualTo("Managed");
      assertThat(q.strategy()).isEqualTo("longest_idle");
    });
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo(EventReason.Adopted.name()));
  }

  @Test
  void anAppRefIntoAnotherNamespaceIsInvalid() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    h.awaitReady(CcApp.class, ns, "tenant");
    h.queue(ns, "q", "other/tenant", "9001", s -> {});

    CcQueue invalid = h.awaitReason(CcQueue.class, ns, "q", Reason.InvalidSpec);
    assertThat(condition(invalid.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(invalid)).contains("spec.appRef", "other");
  }

  @Test
  void waitsForItsAppThenBecomesReady() {
    String ns = h.namespace();
    h.queue(ns, "q", "tenant", "9001", s -> {});
    CcQueue waiting = h.awaitReason(CcQueue.class, ns, "q", Reason.WaitingForApp);
    assertThat(condition(waiting.getStatus(), "Reconciling").getStatus()).isEqualTo("True");
    assertThat(condition(waiting.getStatus(), "Stalled").getStatus()).isEqualTo("False");
    assertThat(readyMessage(waiting)).contains("CcApp tenant");

    String appId = tenant(ns);
    h.awaitReady(CcQueue.class, ns, "q");
    assertThat(platformQueue(appId, "9001")).isPresent();
  }
}
