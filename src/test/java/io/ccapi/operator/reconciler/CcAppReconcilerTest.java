package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.plan.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.plan.EventReason;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CcAppReconcilerTest extends ControllerTest {
  @Test
  void createsTheApplicationAndStoresWhatThePlatformReturnsOnce() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.callbackUrl = "https://hooks.example.com/cb";
      s.memo = "hello";
    });
    CcApp app = h.awaitReady(CcApp.class, ns, "tenant");

    String appId = app.getStatus().appId;
    assertThat(appId).matches("[0-9a-f-]{36}");
    assertThat(app.getStatus().secretName).isEqualTo("tenant-ccapp");
    assertThat(app.getStatus().observedGeneration).isEqualTo(app.getMetadata().getGeneration());
    assertThat(OperatorHarness.condition(app.getStatus(), "Stalled").getStatus()).isEqualTo("False");
    assertThat(OperatorHarness.condition(app.getStatus(), "Reconciling").getStatus()).isEqualTo("False");

    Map<String, String> secret = h.secret(ns, "tenant-ccapp");
    var platformApp = h.platform.getApp(appId);
    assertThat(secret)
        .containsEntry("appId", appId)
        .containsEntry("secret", platformApp.secret())
        .containsEntry("extensionPrefix", platformApp.extensionPrefix())
        .containsEntry("endpoint", h.simulator.baseUrl());
    Secret raw = h.kube.secrets().inNamespace(ns).withName("tenant-ccapp").get();
    assertThat(raw.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> {
          assertThat(o.getKind()).isEqualTo("CcApp");
          assertThat(o.getUid()).isEqualTo(app.getMetadata().getUid());
        });
    assertThat(raw.getMetadata().getLabels()).containsEntry(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY);
    assertThat(platformApp.name()).isEqualTo("Tenant tenant");
    assertThat(platformApp.memo()).isEqualTo("hello");
    assertThat(claimedId(app)).isEqualTo(appId);
    assertThat(app.getStatus().toString()).doesNotContain(platformApp.secret());
  }

  @Test
  void updatesTheApplicationWhenTheSpecChangesAndCorrectsDrift() {
    String ns = h.namespace();
    String appId = tenant(ns);

    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().displayName = "Renamed");
    org.awaitility.Awaitility.await().until(() -> "Renamed".equals(h.platform.getApp(appId).name()));
    assertThat(h.get(CcApp.class, ns, "tenant").getStatus().appId).isEqualTo(appId);

    // behind the operator's back
    h.platform.updateApp(appId, new io.ccapi.operator.ccapi.model.Apps.UpdateRequest("Changed by hand", "", false, ""));
    org.awaitility.Awaitility.await().until(() -> "Renamed".equals(h.platform.getApp(appId).name()));
  }

  @Test
  void missingCredentialsStallsThenRecoversWhenTheSecretAppears() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.credentialsSecretRef = "later");
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.CredentialsMissing);
    assertThat(OperatorHarness.condition(app.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(OperatorHarness.condition(app.getStatus(), "Ready").getMessage()).contains("Secret later");

    h.credentials(ns, "later", io.ccapi.operator.simulator.SimulatorConfig.DEFAULT_SID, io.ccapi.operator.simulator.SimulatorConfig.DEFAULT_AUTH_TOKEN);
    CcApp ready = h.awaitReady(CcApp.class, ns, "tenant");
    assertThat(OperatorHarness.condition(ready.getStatus(), "Stalled").getStatus()).isEqualTo("False");
  }

  @Test
  void wrongTokenIsUnauthorizedAndTheTokenNeverShows() {
    String ns = h.namespace();
    h.credentials(ns, "bad", io.ccapi.operator.simulator.SimulatorConfig.DEFAULT_SID, "wrong-token-123");
    h.app(ns, "tenant", s -> s.credentialsSecretRef = "bad");
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.Unauthorized);
    assertThat(OperatorHarness.condition(app.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(app.getStatus().toString()).doesNotContain("wrong-token-123");
    assertThat(h.kube.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Unauthorized"))
        .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("wrong-token-123"));
  }

  @Test
  void adoptsAnExistingApplicationAndRefusesToChangeIt() {
    String ns = h.namespace();
    var existing = h.platform.createApp(new io.ccapi.operator.ccapi.model.Apps.CreateRequest("Existing", 1, "", false, ""));
    h.app(ns, "tenant", s -> s.appId = existing.appId());
    CcApp app = h.awaitReady(CcApp.class, ns, "tenant");
    assertThat(app.getStatus().appId).isEqualTo(existing.appId());
    assertThat(h.secret(ns, "tenant-ccapp")).containsEntry("secret", existing.secret());
    assertThat(h.platform.getApp(existing.appId()).name()).isEqualTo("Tenant tenant");

    String other = h.platform.createApp(new io.ccapi.operator.ccapi.model.Apps.CreateRequest("Other", 1, "", false, "")).appId();
    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().appId = other);
    CcApp stalled = h.awaitReason(CcApp.class, ns, "tenant", Reason.ImmutableFieldChanged);
    assertThat(OperatorHarness.condition(stalled.getStatus(), "Ready").getMessage()).contains("spec.appId");
    assertThat(stalled.getStatus().appId).isEqualTo(existing.appId());
  }

  @Test
  void unknownAppIdIsAppNotFound() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.appId = UUID.randomUUID().toString());
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.AppNotFound);
    assertThat(OperatorHarness.condition(app.getStatus(), "Ready").getMessage()).contains("100002");
  }

  @Test
  void deletionWaitsForChildrenThenLeavesTheTenantAndSaysSo() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(io.ccapi.operator.crd.CcQueue.class, ns, "q");

    h.delete(CcApp.class, ns, "tenant");
    CcApp blocked = h.awaitReason(CcApp.class, ns, "tenant", Reason.DeletionBlocked);
    assertThat(OperatorHarness.condition(blocked.getStatus(), "Ready").getMessage()).contains("CcQueue/q");

    h.delete(io.ccapi.operator.crd.CcQueue.class, ns, "q");
    h.awaitGone(CcApp.class, ns, "tenant");
    assertThat(h.platform.getApp(appId).appId()).isEqualTo(appId);
    assertThat(h.kube.v1().events().inNamespace(ns).list().getItems())
        .anySatisfy(e -> {
          assertThat(e.getReason()).isEqualTo(EventReason.TenantRetained.name());
          assertThat(e.getMessage()).contains(appId);
        });
  }
}
