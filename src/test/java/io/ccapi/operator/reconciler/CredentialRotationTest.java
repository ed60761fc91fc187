package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The credentials Secret is read at every call: a wrong token turns the CcApp and its children
 * Unauthorized within a poll, and fixing the Secret brings them back, without a restart.
 */
class CredentialRotationTest extends ControllerTest {
  private static final Duration WITHIN_A_POLL = OperatorHarness.POLL.multipliedBy(2).plusSeconds(3);

  @Test
  void aWrongTokenIsUnauthorizedWithinAPollAndTheFixIsTakenWithoutARestart() {
    String ns = h.namespace();
    tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");

    h.credentials(ns, OperatorHarness.CREDENTIALS, SimulatorConfig.DEFAULT_SID, "not-the-token");
    awaitReason(CcApp.class, ns, "tenant", Reason.Unauthorized);
    CcQueue q = awaitReason(CcQueue.class, ns, "q", Reason.Unauthorized);
    assertThat(readyMessage(q)).contains("spec.credentialsSecretRef").doesNotContain("not-the-token");

    h.credentials(ns, OperatorHarness.CREDENTIALS, SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN);
    awaitReason(CcApp.class, ns, "tenant", Reason.Ready);
    awaitReason(CcQueue.class, ns, "q", Reason.Ready);
  }

  private static <R extends CcResource<?, ?>> R awaitReason(Class<R> kind, String ns, String name, Reason reason) {
    await().atMost(WITHIN_A_POLL).pollInterval(Duration.ofMillis(100))
        .until(() -> reason.name().equals(Conditions.readyReason(h.get(kind, ns, name).getStatus())));
    return h.get(kind, ns, name);
  }
}
