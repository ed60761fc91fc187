package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.simulator.FaultSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Ready resource stays Ready on an unchanged spec through an operator restart and through transient
 * platform errors; the error shows in Synced, and Synced recovers with the platform.
 */
class StableReadyTest extends ControllerTest {
  private static final List<Class<? extends CcResource<?, ?>>> KINDS = List.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class);

  @AfterEach
  void noFaults() {
    h.simulator.setFaults(FaultSettings.none());
  }

  private static String converged(String ns) {
    String appId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.extension(ns, "e", "tenant", "8101", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.extensionRefs = List.of("e");
      s.queueRefs = List.of("q");
    });
    h.awaitReady(CcAgent.class, ns, "alice");
    h.awaitReady(CcQueue.class, ns, "q");
    h.awaitReady(CcExtension.class, ns, "e");
    return appId;
  }

  /** Watches every resource for {@code span}; returns each moment one of them was not Ready. */
  private static List<String> notReadyDuring(String ns, Duration span) {
    List<String> seen = new ArrayList<>();
    long end = System.nanoTime() + span.toNanos();
    while (System.nanoTime() < end) {
      for (var kind : KINDS) {
        h.kube.resources(kind).inNamespace(ns).list().getItems().stream()
            .filter(r -> !Conditions.isReady(r.getStatus()))
            .forEach(r -> seen.add(r.getKind() + "/" + r.getMetadata().getName() + " " + Conditions.readyReason(r.getStatus())));
      }
      sleep(100);
    }
    return seen;
  }

  @Test
  void aRestartFlipsNoReadyCondition() {
    String ns = h.namespace();
    converged(ns);
    h.restartOperator();
    assertThat(notReadyDuring(ns, OperatorHarness.POLL.multipliedBy(4))).as("not Ready while the new operator starts").isEmpty();
    allSyncedAgain(ns);
  }

  @Test
  void transientPlatformErrorsShowInSyncedAndLeaveReadyAlone() {
    String ns = h.namespace();
    converged(ns);
    h.simulator.setFaults(new FaultSettings(0, 0, 1.0, FaultSettings.ErrorMode.ERRCODE, 0, 0, 0));
    await().atMost(Duration.ofSeconds(20)).until(() -> Reason.BackendUnavailable.name().equals(
        condition(h.get(CcQueue.class, ns, "q").getStatus(), Conditions.SYNCED).getReason()));
    assertThat(notReadyDuring(ns, OperatorHarness.POLL.multipliedBy(3))).as("not Ready during platform errors").isEmpty();
    CcQueue failing = h.get(CcQueue.class, ns, "q");
    assertThat(condition(failing.getStatus(), Conditions.SYNCED).getStatus()).isEqualTo("False");
    assertThat(condition(failing.getStatus(), Conditions.SYNCED).getMessage()).contains("000003");
    assertThat(condition(failing.getStatus(), Conditions.RECONCILING).getStatus()).isEqualTo("False");

    h.simulator.setFaults(FaultSettings.none());
    allSyncedAgain(ns);
  }

  private static void allSyncedAgain(String ns) {
    await().atMost(Duration.ofSeconds(40)).until(() -> KINDS.stream().allMatch(kind ->
        h.kube.resources(kind).inNamespace(ns).list().getItems().stream()
            .allMatch(r -> "True".equals(condition(r.getStatus(), Conditions.SYNCED).getStatus()))));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
