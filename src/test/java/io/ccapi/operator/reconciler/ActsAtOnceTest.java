package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.simulator.FaultSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a stalled resource's message tells a person to do works at once, not at the next poll: the poll
 * here is a minute, longer than every wait in this class.
 */
class ActsAtOnceTest {
  private static final Duration LONG_POLL = Duration.ofSeconds(60);
  private static OperatorHarness h;

  @BeforeAll
  static void start() throws Exception {
    h = OperatorHarness.start(null, LONG_POLL);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void removingTheClaimAsCreateOutcomeUnknownSaysRetriesTheCreateAtOnce() {
    String ns = h.namespace();
    // CreateOutcomeUnknown is left only for an endpoint seen to ignore the AppId the operator sends
    h.simulator.setFaults(FaultSettings.none().withIgnoreSuppliedAppId(true));
    h.app(ns, "first", s -> {});
    h.awaitReady(CcApp.class, ns, "first");
    h.simulator.setFaults(FaultSettings.none().withIgnoreSuppliedAppId(true).withLostAnswerRate(1.0));
    h.app(ns, "lost", s -> {});
    CcApp stalled = h.awaitReason(CcApp.class, ns, "lost", Reason.CreateOutcomeUnknown);
    h.simulator.setFaults(FaultSettings.none());
    assertThat(readyMessage(stalled)).contains("remove the annotation " + Annotations.CLAIM);

    long start = System.nanoTime();
    h.annotate(CcApp.class, ns, "lost", Annotations.CLAIM, null);
    CcApp ready = h.awaitReady(CcApp.class, ns, "lost");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    System.out.println("claim removed -> Ready in " + took.toMillis() + " ms (poll " + LONG_POLL.toSeconds() + " s)");
    assertThat(took).isLessThan(Duration.ofSeconds(20));
    assertThat(ready.getStatus().appId).isNotBlank();
  }
}
