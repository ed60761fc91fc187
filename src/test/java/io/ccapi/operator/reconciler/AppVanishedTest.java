package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An application that vanished from the platform (deleted, or disabled: 100002 says either) is not
 * replaced silently: the CcApp says what happened and what to do, and doing it works at once; the
 * objects inside are then created again in the new application, with new passwords stored, and Events.
 */
class AppVanishedTest extends ControllerTest {
  @Test
  void aVanishedAppStallsWithWhatToDoAndFollowingItRecreatesTheAppAndItsObjects() {
    String ns = h.namespace();
    String oldAppId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.createExtension = true;
      s.queueRefs = java.util.List.of("q");
    });
    h.awaitReady(CcAgent.class, ns, "alice");
    String oldPassword = h.secret(ns, "alice-extensions").get("password");

    h.simRemoveApp(oldAppId);
    CcApp gone = h.awaitReason(CcApp.class, ns, "tenant", Reason.AppNotFound);
    assertThat(readyMessage(gone)).contains(oldAppId, "gone from the platform or disabled", "100002",
        "delete Secret tenant-ccapp", "remove the annotation " + Annotations.CLAIM);
    h.awaitReason(CcQueue.class, ns, "q", Reason.WaitingForApp);
    assertThat(h.simState().get("apps")).noneSatisfy(a -> assertThat(a.path("name").asText()).isEqualTo("Tenant tenant"));

    h.kube.secrets().inNamespace(ns).withName("tenant-ccapp").delete();
    h.annotate(CcApp.class, ns, "tenant", Annotations.CLAIM, null);
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      String id = h.get(CcApp.class, ns, "tenant").getStatus().appId;
      return id != null && !id.equals(oldAppId) && Conditions.isReady(h.get(CcApp.class, ns, "tenant").getStatus());
    });
    String newAppId = h.get(CcApp.class, ns, "tenant").getStatus().appId;
    h.awaitReady(CcQueue.class, ns, "q");
    await().atMost(Duration.ofSeconds(20)).until(() -> Conditions.isReady(h.get(CcAgent.class, ns, "alice").getStatus())
        && !h.platform.listAgents(newAppId).isEmpty());

    assertThat(h.platform.listQueues(newAppId)).singleElement().satisfies(q -> assertThat(q.queueId()).isEqualTo("9001"));
    var secret = h.secret(ns, "alice-extensions");
    assertThat(secret.get("password")).isNotEqualTo(oldPassword);
    String own = secret.get("extension");
    assertThat(h.simApp(newAppId).get("extensions")).anySatisfy(e -> {
      assertThat(e.get("extension").asText()).isEqualTo(own);
      assertThat(e.get("password").asText()).isEqualTo(secret.get("password"));
    });
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo(EventReason.Recreated.name());
      assertThat(e.getMessage()).contains("re-created agent 1001", "vanished", "password");
    });
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getMessage()).contains("re-created queue 9001"));
  }
}
