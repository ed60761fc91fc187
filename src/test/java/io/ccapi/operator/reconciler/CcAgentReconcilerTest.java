package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Reason;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.DeletionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CcAgentReconcilerTest extends ControllerTest {
  private static List<String> extensionsOf(Agents.Details agent) {
    return agent.extensions() == null ? List.of() : agent.extensions().stream().map(ExtensionRef::extension).sorted().toList();
  }

  private static List<String> queuesOf(Agents.Details agent) {
    return agent.queues() == null ? List.of() : agent.queues().stream().sorted().toList();
  }

  private static boolean platformHasAgent(String appId, String agentId) {
    return h.platform.listAgents(appId).stream().anyMatch(a -> agentId.equals(a.agentId()));
  }

  @Test
  void seatsNamingTheirOwnExtensionShareOneCreateAndEachStoresItsOwnPassword() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.createExtension = true;
      s.extension = "8301";
    });
    h.agent(ns, "bob", "tenant", "1002", s -> {
      s.createExtension = true;
      s.extension = "8302";
    });
    h.awaitReady(CcAgent.class, ns, "alice");
    h.awaitReady(CcAgent.class, ns, "bob");

    for (String[] seat : new String[][] {{"alice", "8301"}, {"bob", "8302"}}) {
      Map<String, String> secret = h.secret(ns, seat[0] + "-extensions");
      assertThat(secret.get("extension")).isEqualTo(seat[1]);
      assertThat(h.simApp(appId).get("extensions")).anySatisfy(e -> {
        assertThat(e.get("extension").asText()).isEqualTo(seat[1]);
        assertThat(e.get("password").asText()).isEqualTo(secret.get("password"));
      });
    }
    assertThat(extensionsOf(h.platform.getAgent(appId, "1001"))).containsExactly("8301");
    assertThat(extensionsOf(h.platform.getAgent(appId, "1002"))).containsExactly("8302");
  }

  @Test
  void anExtensionNumberTakenAlreadyStopsTheSeatNamingTheField() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.platform.createExtension(appId, "8401");
    h.agent(ns, "carol", "tenant", "1003", s -> {
      s.createExtension = true;
      s.extension = "8401";
    });

    CcAgent agent = h.awaitReason(CcAgent.class, ns, "carol", Reason.AlreadyExists);

    assertThat(readyMessage(agent)).contains("extension 8401", "spec.extension");
    assertThat(platformHasAgent(appId, "1003")).isFalse();
  }

  @Test
  void createsTheSeatWithItsOwnExtensionAndStoresThePassword() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> s.createExtension = true);
    CcAgent agent = h.awaitReady(CcAgent.class, ns, "alice");

    Map<String, String> secret = h.secret(ns, "alice-extensions");
    assertThat(secret).containsKeys("extension", "password", "number");
    assertThat(secret.get("password")).isNotBlank();
    String extension = secret.get("extension");
    assertThat(agent.getStatus().extensions).containsExactly(extension);
    assertThat(agent.getStatus().secretName).isEqualTo("alice-extensions");
    assertThat(agent.getStatus().queues).isNullOrEmpty();
    assertThat(claimedId(agent)).isEqualTo("1001");
    assertThat(h.kube.secrets().inNamespace(ns).withName("alice-extensions").get().getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(agent.getMetadata().getUid()));

    Agents.Details platform = h.platform.getAgent(appId, "1001");
    assertThat(platform.workId()).isEqualTo("W1001");
    assertThat(platform.name()).isEqualTo("Agent 1001");
    assertThat(extensionsOf(platform)).containsExactly(extension);
    assertThat(h.simApp(appId).get("extensions"))
        .anySatisfy(e -> {
          assertThat(e.get("extension").asText()).isEqualTo(extension);
          assertThat(e.get("password").asText()).isEqualTo(secret.get("password"));
        });
  }

  @Test
  void bindsReferencedExtensionAndQueuesFollowsEditsAndUndoesDrift() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.queue(ns, "sales", "tenant", "9001", s -> {});
    h.queue(ns, "support", "tenant", "9002", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.extensionRefs = List.of("desk");
      s.queueRefs = List.of("sales", "support");
      s.defaultSpNumber = "057126200670";
    });
    CcAgent agent = h.awaitReady(CcAgent.class, ns, "alice");

    Agents.Details platform = h.platform.getAgent(appId, "1001");
    assertThat(queuesOf(platform)).containsExactly("9001", "9002");
    assertThat(extensionsOf(platform)).containsExactly("8101");
    assertThat(platform.defSpNumber()).contains("057126200670");
    assertThat(agent.getStatus().queues).containsExactly("9001", "9002");
    assertThat(agent.getStatus().extensions).containsExactly("8101");
    assertThat(agent.getStatus().secretName).isNull();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(h.get(CcQueue.class, ns, "sales").getStatus().agents).containsExactly("1001");
      assertThat(h.get(CcExtension.class, ns, "desk").getStatus().boundAgent).isEqualTo("1001");
    });

    h.edit(CcAgent.class, ns, "alice", a -> {
      a.getSpec().displayName = "Alice Smith";
      a.getSpec().role = CcAgentSpec.Role.leader;
      a.getSpec().enabled = false;
      a.getSpec().queueRefs = List.of("support");
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Agents.Details d = h.platform.getAgent(appId, "1001");
      assertThat(d.name()).isEqualTo("Alice Smith");
      assertThat(d.role()).isEqualTo("leader");
      assertThat(d.enable()).isFalse();
      assertThat(queuesOf(d)).containsExactly("9002");
      assertThat(extensionsOf(d)).containsExactly("8101");
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.get(CcAgent.class, ns, "alice").getStatus().queues).containsExactly("9002"));

    // behind the operator's back
    h.platform.unbindAgentQueues(appId, "1001", List.of("9002"));
    h.platform.unbindAgentExtensions(appId, "1001", List.of("8101"));
    assertThat(queuesOf(h.platform.getAgent(appId, "1001"))).isEmpty();
    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      Agents.Details d = h.platform.getAgent(appId, "1001");
      assertThat(queuesOf(d)).containsExactly("9002");
      assertThat(extensionsOf(d)).containsExactly("8101");
    });
    h.platform.updateAgent(appId, new Agents.Agent("1001", "W1001", "Renamed by hand", null, null, "agent", true, null, null));
    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
        .until(() -> "Alice Smith".equals(h.platform.getAgent(appId, "1001").name()));
    assertThat(h.platform.getAgent(appId, "1001").role()).isEqualTo("leader");
  }

  @Test
  void wrapUpTimeAndTheDefaultRelayNumberFollowTheSpecAndStatusShowsThem() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.wrapUpTime = 20;
      s.defaultSpNumber = "057126200670";
    });
    CcAgent ready = h.awaitReady(CcAgent.class, ns, "alice");
    Agents.Details created = h.platform.getAgent(appId, "1001");
    assertThat(created.wrapUpTime()).isEqualTo(20);
    assertThat(created.defSpNumber()).containsExactly("057126200670");
    assertThat(ready.getStatus().wrapUpTime).isEqualTo(20);
    assertThat(ready.getStatus().defaultSpNumber).isEqualTo("057126200670");
    assertThat(ready.getStatus().enabled).isTrue();

    h.edit(CcAgent.class, ns, "alice", a -> {
      a.getSpec().wrapUpTime = 45;
      a.getSpec().defaultSpNumber = null;
      a.getSpec().enabled = false;
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Agents.Details d = h.platform.getAgent(appId, "1001");
      assertThat(d.wrapUpTime()).isEqualTo(45);
      assertThat(java.util.Objects.requireNonNullElse(d.defSpNumber(), List.<String>of()))
          .as("removing spec.defaultSpNumber deletes the seat's default").allMatch(String::isEmpty);
      assertThat(d.enable()).isFalse();
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcAgent a = h.get(CcAgent.class, ns, "alice");
      assertThat(a.getStatus().defaultSpNumber).isNull();
      assertThat(a.getStatus().enabled).isFalse();
      assertThat(a.getStatus().wrapUpTime).isEqualTo(45);
    });
  }

  @Test
  void deletionUnbindsQueuesAndReferencedExtensionThenDeletesTheSeat() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.queue(ns, "sales", "tenant", "9001", s -> {});
    h.queue(ns, "support", "tenant", "9002", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.createExtension = true;
      s.extensionRefs = List.of("desk");
      s.queueRefs = List.of("sales", "support");
    });
    CcAgent agent = h.awaitReady(CcAgent.class, ns, "alice");
    String own = h.secret(ns, "alice-extensions").get("extension");
    assertThat(agent.getStatus().extensions).containsExactlyInAnyOrder(own, "8101");

    h.delete(CcAgent.class, ns, "alice");
    h.awaitGone(CcAgent.class, ns, "alice");
    assertThat(platformHasAgent(appId, "1001")).isFalse();
    // the referenced extension stays (unbound); the one created with the seat went with it
    assertThat(h.simExtensions(appId)).contains("8101").doesNotContain(own);
    assertThat(h.simApp(appId).get("queues")).allSatisfy(q -> assertThat(q.get("agents")).isEmpty());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcExtension ext = h.get(CcExtension.class, ns, "desk");
      assertThat(Conditions.isReady(ext.getStatus())).isTrue();
      assertThat(ext.getStatus().boundAgent).isNull();
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.get(CcQueue.class, ns, "sales").getStatus().agents).isNullOrEmpty());
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("alice");
      assertThat(e.getReason()).isEqualTo(EventReason.Deleted.name());
    });
  }

  @Test
  void orphanLeavesTheSeat() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> s.deletionPolicy = DeletionPolicy.Orphan);
    h.awaitReady(CcAgent.class, ns, "alice");

    h.delete(CcAgent.class, ns, "alice");
    h.awaitGone(CcAgent.class, ns, "alice");
    assertThat(platformHasAgent(appId, "1001")).isTrue();
  }

  @Test
  void refusesToChangeTheAgentId() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> {});
    h.awaitReady(CcAgent.class, ns, "alice");

    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().agentId = "1002");
    CcAgent stalled = h.awaitReason(CcAgent.class, ns, "alice", Reason.ImmutableFieldChanged);
    assertThat(condition(stalled.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(stalled)).contains("spec.agentId", "1001", "1002");
    assertThat(platformHasAgent(appId, "1002")).isFalse();
  }

  @Test
  void tooManyExtensionsIsInvalidBeforeAnythingIsCalled() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.createExtension = true;
      s.extensionRefs = List.of("one", "two");
    });
    CcAgent invalid = h.awaitReason(CcAgent.class, ns, "alice", Reason.InvalidSpec);
    assertThat(condition(invalid.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(invalid)).contains("spec.extensionRefs", "3");
    assertThat(platformHasAgent(appId, "1001")).isFalse();
  }

  @Test
  void waitsForAMissingQueueThenBindsIt() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> s.queueRefs = List.of("later"));
    CcAgent waiting = h.awaitReason(CcAgent.class, ns, "alice", Reason.WaitingForReference);
    assertThat(readyMessage(waiting)).contains("CcQueue later");
    assertThat(condition(waiting.getStatus(), "Reconciling").getStatus()).isEqualTo("True");
    assertThat(condition(waiting.getStatus(), "Stalled").getStatus()).isEqualTo("False");

    h.queue(ns, "later", "tenant", "9003", s -> {});
    CcAgent ready = h.awaitReady(CcAgent.class, ns, "alice");
    assertThat(ready.getStatus().queues).containsExactly("9003");
    assertThat(queuesOf(h.platform.getAgent(appId, "1001"))).containsExactly("9003");
  }

  @Test
  void whileWaitingForAReferenceStatusStillShowsThePlatformsBindings() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "sales", "tenant", "9001", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> s.queueRefs = List.of("sales"));
    assertThat(h.awaitReady(CcAgent.class, ns, "alice").getStatus().queues).containsExactly("9001");

    h.platform.unbindAgentQueues(appId, "1001", List.of("9001"));
    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().queueRefs = List.of("sales", "later"));
    h.awaitReason(CcAgent.class, ns, "alice", Reason.WaitingForReference);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(h.get(CcAgent.class, ns, "alice").getStatus().queues).isNullOrEmpty());
    assertThat(Conditions.readyReason(h.get(CcAgent.class, ns, "alice").getStatus())).isEqualTo(Reason.WaitingForReference.name());

    h.queue(ns, "later", "tenant", "9003", s -> {});
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcAgent agent = h.get(CcAgent.class, ns, "alice");
      assertThat(Conditions.isReady(agent.getStatus())).isTrue();
      assertThat(agent.getStatus().queues).containsExactly("9001", "9003");
    });
    assertThat(queuesOf(h.platform.getAgent(appId, "1001"))).containsExactly("9001", "9003");
  }

  @Test
  void aRefusalByThePlatformIsInvalidSpecWithThePlatformsCode() {
    String ns = h.namespace();
    String appId = tenant(ns);
    // on an existing seat: before a create the planner checks the number itself (AgentPlannerTest)
    h.agent(ns, "alice", "tenant", "1001", s -> {});
    h.awaitReady(CcAgent.class, ns, "alice");
    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().defaultSpNumber = "0571000000");
    CcAgent invalid = h.awaitReason(CcAgent.class, ns, "alice", Reason.InvalidSpec);
    assertThat(condition(invalid.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(invalid)).contains("000001", "0571000000");

    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().defaultSpNumber = "057126200671");
    CcAgent ready = h.awaitReady(CcAgent.class, ns, "alice");
    assertThat(readyMessage(ready)).doesNotContain("000001");
    assertThat(h.platform.getAgent(appId, "1001").defSpNumber()).contains("057126200671");
  }

  @Test
  void aCreateRefusedByThePlatformLeavesNothingHalfCreated() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.workId = "not-a-work-id"; // the platform takes letters, digits and _ only
      s.createExtension = true;
    });
    CcAgent invalid = h.awaitReason(CcAgent.class, ns, "alice", Reason.InvalidSpec);
    assertThat(readyMessage(invalid)).contains("000001");

    assertThat(h.secret(ns, "alice-extensions")).isNull();
    assertThat(platformHasAgent(appId, "1001")).isFalse();
    assertThat(h.simExtensions(appId)).isEmpty();
    assertThat(invalid.getStatus().secretName).isNull();
    assertThat(invalid.getStatus().extensions).isNullOrEmpty();

    // fixed, it is created once, with its extension
    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().workId = "W1001");
    CcAgent ready = h.awaitReady(CcAgent.class, ns, "alice");
    assertThat(h.secret(ns, "alice-extensions")).containsKey("password");
    assertThat(ready.getStatus().extensions).hasSize(1);
    assertThat(h.platform.listAgents(appId)).singleElement().satisfies(a -> assertThat(a.agentId()).isEqualTo("1001"));
  }
}
