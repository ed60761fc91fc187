package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.plan.Reason;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.DeletionPolicy;
import io.ccapi.operator.ccapi.model.Agents;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CcExtensionReconcilerTest extends ControllerTest {
  @Test
  void createsTheExtensionAndStoresItsPasswordInAnOwnedSecret() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    CcApp app = h.awaitReady(CcApp.class, ns, "tenant");
    String prefix = app.getStatus().extensionPrefix;
    assertThat(prefix).isNotBlank();

    h.extension(ns, "desk", "tenant", "8101", s -> {});
    CcExtension ext = h.awaitReady(CcExtension.class, ns, "desk");

    Map<String, String> secret = h.secret(ns, "desk-sip");
    assertThat(secret).containsEntry("extension", "8101").containsEntry("number", prefix + "8101");
    assertThat(secret.get("password")).isNotBlank();
    assertThat(ext.getStatus().number).isEqualTo(prefix + "8101");
    assertThat(ext.getStatus().secretName).isEqualTo("desk-sip");
    assertThat(ext.getStatus().boundAgent).isNull();
    assertThat(claimedId(ext)).isEqualTo("8101");

    Secret raw = h.kube.secrets().inNamespace(ns).withName("desk-sip").get();
    assertThat(raw.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> {
          assertThat(o.getKind()).isEqualTo("CcExtension");
          assertThat(o.getName()).isEqualTo("desk");
          assertThat(o.getUid()).isEqualTo(ext.getMetadata().getUid());
          assertThat(o.getController()).isTrue();
        });
    assertThat(raw.getMetadata().getLabels()).containsEntry(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY);

    // the platform's password is the stored one
    assertThat(h.simApp(app.getStatus().appId).get("extensions"))
        .anySatisfy(e -> {
          assertThat(e.get("extension").asText()).isEqualTo("8101");
          assertThat(e.get("password").asText()).isEqualTo(secret.get("password"));
        });
    assertThat(readyMessage(ext)).doesNotContain(secret.get("password"));
  }

  @Test
  void deletionWaitsWhileAnAgentUsesTheExtensionThenDeletes() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.awaitReady(CcExtension.class, ns, "desk");
    h.agent(ns, "alice", "tenant", "1001", s -> s.extensionRefs = List.of("desk"));
    h.awaitReady(CcAgent.class, ns, "alice");
    await().atMost(Duration.ofSeconds(10)).until(() -> "1001".equals(h.get(CcExtension.class, ns, "desk").getStatus().boundAgent));

    h.delete(CcExtension.class, ns, "desk");
    CcExtension blocked = h.awaitReason(CcExtension.class, ns, "desk", Reason.DeletionBlocked);
    assertThat(readyMessage(blocked)).contains("agent 1001", "spec.extensionRefs");
    assertThat(condition(blocked.getStatus(), "Reconciling").getStatus()).isEqualTo("True");
    assertThat(condition(blocked.getStatus(), "Stalled").getStatus()).isEqualTo("False");
    // it stays blocked: the seat keeps its extension until its spec lets go of it
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200)).until(() -> {
      CcExtension e = h.get(CcExtension.class, ns, "desk");
      return e != null && Reason.DeletionBlocked.name().equals(Conditions.readyReason(e.getStatus()));
    });
    assertThat(h.platform.getAgent(appId, "1001").extensions()).anySatisfy(e -> assertThat(e.extension()).isEqualTo("8101"));
    assertThat(h.simExtensions(appId)).contains("8101");

    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().extensionRefs = List.of());
    h.awaitGone(CcExtension.class, ns, "desk");
    assertThat(h.simExtensions(appId)).doesNotContain("8101");
    assertThat(h.platform.getAgent(appId, "1001").extensions()).isNullOrEmpty();
    // gone for real: the platform lets the number be created again
    assertThat(h.platform.createExtension(appId, "8101").extension()).isEqualTo("8101");
  }

  @Test
  void anExtensionDeletedBehindTheOperatorsBackIsRecreatedWithItsNewPassword() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.awaitReady(CcExtension.class, ns, "desk");
    String before = h.secret(ns, "desk-sip").get("password");

    h.platform.deleteExtension(appId, "8101");
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> h.simExtensions(appId).contains("8101"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !before.equals(h.secret(ns, "desk-sip").get("password")));

    String after = h.secret(ns, "desk-sip").get("password");
    assertThat(after).isNotBlank();
    assertThat(h.simApp(appId).get("extensions"))
        .anySatisfy(e -> {
          assertThat(e.get("extension").asText()).isEqualTo("8101");
          assertThat(e.get("password").asText()).isEqualTo(after);
        });
    h.awaitReady(CcExtension.class, ns, "desk");
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getReason()).isEqualTo(EventReason.Updated.name());
      assertThat(e.getMessage()).contains("re-created", "8101").doesNotContain(before, after);
    });
  }

  @Test
  void theStoredPasswordSurvivesPollsAndIsNeverReplacedByAnEmptyOne() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    h.appId(ns, "tenant");
    CcExtension ext = h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.awaitReady(CcExtension.class, ns, "desk");
    String password = h.secret(ns, "desk-sip").get("password");

    // every poll re-creates the unbound extension to see it is there (100015): the password stays
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).pollInterval(Duration.ofMillis(250))
        .until(() -> password.equals(h.secret(ns, "desk-sip").get("password")));

    // the writer every reconciler uses: an empty value leaves the stored one in place
    ext = h.get(CcExtension.class, ns, "desk");
    ManagedSecrets secrets = new ManagedSecrets(h.kube);
    Map<String, String> merged = secrets.write(ext, "desk-sip", Map.of("password", "", "extension", "8101", "number", ""));
    assertThat(merged).containsEntry("password", password);
    assertThat(h.secret(ns, "desk-sip")).containsEntry("password", password).containsKey("number");
    assertThat(h.secret(ns, "desk-sip").get("number")).isNotBlank();
  }

  @Test
  void anExtensionThatExistsWithoutAKnownPasswordIsNotTakenOverUnlessAnnotated() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.platform.createExtension(appId, "8200");

    h.extension(ns, "desk", "tenant", "8200", s -> {});
    CcExtension stalled = h.awaitReason(CcExtension.class, ns, "desk", Reason.AlreadyExists);
    assertThat(readyMessage(stalled)).contains("8200", Annotations.ADOPT);
    assertThat(condition(stalled.getStatus(), "Stalled").getStatus()).isEqualTo("True");

    h.annotate(CcExtension.class, ns, "desk", Annotations.ADOPT, "true");
    CcExtension adopted = h.awaitReady(CcExtension.class, ns, "desk");
    assertThat(readyMessage(adopted)).contains("password unknown");
    assertThat(h.secret(ns, "desk-sip")).containsEntry("extension", "8200").doesNotContainKey("password");
  }

  /**
   * An adopted extension bound to a seat (what {@code export tenant} makes): PasswordKnown=False, nothing
   * invented; the README's renewal (unbind, delete with deletionPolicy Delete, apply again, bind again)
   * gives it a new password the operator holds.
   */
  @Test
  void anAdoptedBoundExtensionSaysItsPasswordIsUnknownUntilRenewed() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.platform.createExtension(appId, "8300");
    h.platform.createAgents(appId, List.of(new Agents.Agent("1001", "W1001", "Agent 1001", null, null, "agent", true, false, null)));
    h.platform.bindAgentExtensions(appId, "1001", List.of("8300"));
    h.extension(ns, "desk", "tenant", "8300", s -> s.deletionPolicy = DeletionPolicy.Orphan);
    h.annotate(CcExtension.class, ns, "desk", Annotations.ADOPT, "true");
    h.agent(ns, "alice", "tenant", "1001", s -> s.extensionRefs = List.of("desk"));
    h.annotate(CcAgent.class, ns, "alice", Annotations.ADOPT, "true");

    CcExtension adopted = h.awaitReady(CcExtension.class, ns, "desk");
    h.awaitReady(CcAgent.class, ns, "alice");
    Condition unknown = condition(adopted.getStatus(), Conditions.PASSWORD_KNOWN);
    assertThat(unknown.getStatus()).isEqualTo("False");
    assertThat(unknown.getReason()).isEqualTo(EventReason.PasswordUnknown.name());
    assertThat(unknown.getMessage()).contains("extension 8300", "desk-sip", "no value is invented", "Renew an extension password");
    assertThat(h.secret(ns, "desk-sip")).doesNotContainKey("password");
    assertThat(adopted.getStatus().conditions).extracting(Condition::getType).containsExactly("Ready", "Reconciling", "Stalled", "Synced", Conditions.PASSWORD_KNOWN);

    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().extensionRefs = List.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> h.platform.getAgent(appId, "1001").extensions() == null || h.platform.getAgent(appId, "1001").extensions().isEmpty());
    h.edit(CcExtension.class, ns, "desk", e -> e.getSpec().deletionPolicy = DeletionPolicy.Delete);
    await().atMost(Duration.ofSeconds(10)).until(() -> h.get(CcExtension.class, ns, "desk").getSpec().deletionPolicy == DeletionPolicy.Delete);
    h.delete(CcExtension.class, ns, "desk");
    h.awaitGone(CcExtension.class, ns, "desk");
    assertThat(h.simExtensions(appId)).doesNotContain("8300");
    // the garbage collector's part (its owner is gone); the mock API server has none
    h.kube.secrets().inNamespace(ns).withName("desk-sip").delete();
    h.extension(ns, "desk", "tenant", "8300", s -> s.deletionPolicy = DeletionPolicy.Orphan);
    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().extensionRefs = List.of("desk"));

    await().atMost(Duration.ofSeconds(15)).until(() -> "True".equals(condition(h.get(CcExtension.class, ns, "desk").getStatus(), Conditions.PASSWORD_KNOWN).getStatus()));
    String password = h.secret(ns, "desk-sip").get("password");
    assertThat(h.simApp(appId).get("extensions")).anySatisfy(e -> {
      assertThat(e.get("extension").asText()).isEqualTo("8300");
      assertThat(e.get("password").asText()).isEqualTo(password);
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> "1001".equals(h.get(CcExtension.class, ns, "desk").getStatus().boundAgent));
  }

  @Test
  void orphanLeavesTheExtensionInThePlatform() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> s.deletionPolicy = DeletionPolicy.Orphan);
    h.awaitReady(CcExtension.class, ns, "desk");

    h.delete(CcExtension.class, ns, "desk");
    h.awaitGone(CcExtension.class, ns, "desk");
    assertThat(h.simExtensions(appId)).contains("8101");
    assertThatThrownBy(() -> h.platform.createExtension(appId, "8101"))
        .isInstanceOfSatisfying(CcapiException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFLICT));
  }
}
