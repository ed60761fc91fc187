package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.simulator.FaultSettings;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A platform that assigns its own AppId whatever the operator sends: the create is recorded under the
 * answer's AppId with a warning, and from then on a lost create answer stalls (CreateOutcomeUnknown)
 * instead of making a second tenant. Its own class: the operator remembers the endpoint.
 */
class IgnoredAppIdTest extends ControllerTest {
  @AfterEach
  void honourAgain() {
    h.simulator.setFaults(FaultSettings.none());
  }

  @Test
  void aPlatformSeenToIgnoreTheSentAppIdStallsALostAnswerInsteadOfCreatingTwice() {
    String ns = h.namespace();
    h.simulator.setFaults(FaultSettings.none().withIgnoreSuppliedAppId(true));
    h.app(ns, "first", s -> {});
    CcApp first = h.awaitReady(CcApp.class, ns, "first");
    assertThat(first.getStatus().appId).isEqualTo(h.simAppIdsNamed("Tenant first").get(0));
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("AppIdIgnored"));

    h.simulator.setFaults(FaultSettings.none().withIgnoreSuppliedAppId(true).withLostAnswerRate(1.0));
    h.app(ns, "second", s -> {});
    CcApp stalled = h.awaitReason(CcApp.class, ns, "second", Reason.CreateOutcomeUnknown);
    h.simulator.setFaults(FaultSettings.none());
    assertThat(readyMessage(stalled)).contains("ignores the AppId", "spec.appId", Annotations.CLAIM);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> h.simAppIdsNamed("Tenant second").size() == 1);
  }

}
