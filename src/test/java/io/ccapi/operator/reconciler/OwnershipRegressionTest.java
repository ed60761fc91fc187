package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claim;
import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Reason;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the ownership defects a new user found: each fails on the behaviour before the
 * observe → plan → apply reshaping (claims bound to uids, {@code OwnershipRule}) and passes now.
 */
class OwnershipRegressionTest extends ControllerTest {

  // ---- defect 1: an object made by hand after the operator's list was cached ----

  /**
   * Old behaviour: the CcAgent wrote its (pending) claim, created the seat, got 100004 and read it as "our
   * earlier create": it adopted the hand-made seat without ccapi.io/adopt and overwrote it.
   */
  @Test
  void aSeatMadeByHandAfterTheAgentListWasCachedIsAlreadyExistsUntilAnnotatedForAdoption() {
    String ns = h.namespace();
    String appId = tenant(ns);
    // another seat of the app: the operator now lists (and caches) the app's seats every poll
    h.agent(ns, "first", "tenant", "1001", s -> {});
    h.awaitReady(CcAgent.class, ns, "first");
    awaitFreshList("GET agents");

    long createsBefore = h.simCalls("POST agents");
    h.platform.createAgents(appId, List.of(new Agents.Agent("1002", "HAND1002", "Made by hand", null, null, "leader", true, null, null)));
    h.agent(ns, "second", "tenant", "1002", s -> s.displayName = "Managed");

    CcAgent stalled = h.awaitReason(CcAgent.class, ns, "second", Reason.AlreadyExists);
    // the operator did not see the hand-made seat in its (cached) list: it tried to create it, which is the path of the defect
    assertThat(h.simCalls("POST agents")).as("a create of 1002 was attempted from the cached list").isGreaterThanOrEqualTo(createsBefore + 2);
    assertThat(condition(stalled.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(stalled)).contains("agent 1002", Annotations.ADOPT);
    assertThat(claim(stalled)).isEmpty();
    assertHandMadeSeat(appId);
    // and it stays so: rechecked every poll, never taken over
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      CcAgent now = h.get(CcAgent.class, ns, "second");
      assertThat(Conditions.readyReason(now.getStatus())).isEqualTo(Reason.AlreadyExists.name());
      assertThat(claim(now)).isEmpty();
      assertHandMadeSeat(appId);
    });
    assertThat(h.events(ns)).noneSatisfy(e -> assertThat(e.getReason()).isEqualTo(EventReason.Adopted.name()));

    h.annotate(CcAgent.class, ns, "second", Annotations.ADOPT, "true");
    CcAgent adopted = h.awaitReady(CcAgent.class, ns, "second");
    assertThat(claimedId(adopted)).isEqualTo("1002");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      Agents.Details seat = h.platform.getAgent(appId, "1002");
      assertThat(seat.name()).isEqualTo("Managed");
      assertThat(seat.workId()).isEqualTo("W1002");
      assertThat(seat.role()).isEqualTo("agent");
    });
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("second");
      assertThat(e.getReason()).isEqualTo(EventReason.Adopted.name());
    });
  }

  private static void assertHandMadeSeat(String appId) {
    Agents.Details seat = h.platform.getAgent(appId, "1002");
    assertThat(seat.name()).isEqualTo("Made by hand");
    assertThat(seat.workId()).isEqualTo("HAND1002");
    assertThat(seat.role()).isEqualTo("leader");
  }

  /** The queue variant of defect 1. */
  @Test
  void aQueueMadeByHandAfterTheQueueListWasCachedIsAlreadyExistsUntilAnnotatedForAdoption() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "first", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "first");
    awaitFreshList("GET queues");

    long createsBefore = h.simCalls("POST queues");
    h.platform.createQueue(appId, new Queues.Request("9002", "Made by hand", "random", 10, 5));
    h.queue(ns, "second", "tenant", "9002", s -> s.queueName = "Managed");

    CcQueue stalled = h.awaitReason(CcQueue.class, ns, "second", Reason.AlreadyExists);
    assertThat(h.simCalls("POST queues")).as("a create of 9002 was attempted from the cached list").isGreaterThanOrEqualTo(createsBefore + 2);
    assertThat(readyMessage(stalled)).contains("queue 9002", Annotations.ADOPT);
    assertThat(claim(stalled)).isEmpty();
    assertHandMadeQueue(appId);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(claim(h.get(CcQueue.class, ns, "second"))).isEmpty();
      assertHandMadeQueue(appId);
    });

    h.annotate(CcQueue.class, ns, "second", Annotations.ADOPT, "true");
    assertThat(claimedId(h.awaitReady(CcQueue.class, ns, "second"))).isEqualTo("9002");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(platformQueue(appId, "9002")).hasValueSatisfying(q -> {
      assertThat(q.name()).isEqualTo("Managed");
      assertThat(q.strategy()).isEqualTo("longest_idle");
    }));
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("second");
      assertThat(e.getReason()).isEqualTo(EventReason.Adopted.name());
    });
  }

  private static void assertHandMadeQueue(String appId) {
    assertThat(platformQueue(appId, "9002")).hasValueSatisfying(q -> {
      assertThat(q.name()).isEqualTo("Made by hand");
      assertThat(q.strategy()).isEqualTo("random");
      assertThat(q.timeout()).isEqualTo(10);
      assertThat(q.maxLength()).isEqualTo(5);
    });
  }

  /**
   * Waits until the operator has just listed (a poll of another resource of the app), so that its cached
   * list is younger than the poll interval and an object made by hand now is not in it.
   */
  private static void awaitFreshList(String endpoint) {
    long lists = h.simCalls(endpoint);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> h.simCalls(endpoint) > lists);
  }

  // ---- defect 2: two CcAgents naming one seat ----

  /** Old behaviour: both became Ready and rewrote the seat in turn. */
  @Test
  void twoAgentsNamingOneSeatOneWinsAndDeletingTheLoserLeavesTheSeat() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "a-winner", "tenant", "1001", s -> s.displayName = "Winner");
    h.agent(ns, "b-loser", "tenant", "1001", s -> {
      s.displayName = "Loser";
      s.workId = "LOSER";
    });

    h.awaitReady(CcAgent.class, ns, "a-winner");
    CcAgent loser = h.awaitReason(CcAgent.class, ns, "b-loser", Reason.AlreadyExists);
    assertThat(readyMessage(loser)).contains("agent 1001", "CcAgent " + ns + "/a-winner");
    assertThat(claim(loser)).isEmpty();
    // no fight: over several polls the winner stays Ready, the loser stopped, the seat the winner's
    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(Conditions.readyReason(h.get(CcAgent.class, ns, "a-winner").getStatus())).isEqualTo(Reason.Ready.name());
      assertThat(Conditions.readyReason(h.get(CcAgent.class, ns, "b-loser").getStatus())).isEqualTo(Reason.AlreadyExists.name());
      assertWinnersSeat(appId);
    });
    assertThat(h.events(ns)).noneSatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("b-loser");
      assertThat(e.getReason()).isIn(EventReason.Recreated.name(), EventReason.Updated.name(), EventReason.Adopted.name());
    });

    h.delete(CcAgent.class, ns, "b-loser");
    h.awaitGone(CcAgent.class, ns, "b-loser");
    assertWinnersSeat(appId);
    assertThat(Conditions.readyReason(h.get(CcAgent.class, ns, "a-winner").getStatus())).isEqualTo(Reason.Ready.name());
    assertThat(h.events(ns)).noneSatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("b-loser");
      assertThat(e.getReason()).isEqualTo(EventReason.Deleted.name());
    });
  }

  /**
   * The loser holds no claim; once the winner (deletionPolicy Delete) took the seat with it, nothing names
   * agent 1001 any more and the loser creates it at its next poll.
   */
  @Test
  void twoAgentsNamingOneSeatAfterTheWinnerIsDeletedTheLoserCreatesTheSeatAtTheNextPoll() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "a-winner", "tenant", "1001", s -> s.displayName = "Winner");
    h.agent(ns, "b-loser", "tenant", "1001", s -> {
      s.displayName = "Loser";
      s.workId = "LOSER";
    });
    h.awaitReady(CcAgent.class, ns, "a-winner");
    h.awaitReason(CcAgent.class, ns, "b-loser", Reason.AlreadyExists);

    h.delete(CcAgent.class, ns, "a-winner");
    h.awaitGone(CcAgent.class, ns, "a-winner");
    // the poll is 2 s: ready well within 10 s
    CcAgent ready = h.awaitReady(CcAgent.class, ns, "b-loser");
    assertThat(claimedId(ready)).isEqualTo("1001");
    Agents.Details seat = h.platform.getAgent(appId, "1001");
    assertThat(seat.name()).isEqualTo("Loser");
    assertThat(seat.workId()).isEqualTo("LOSER");
  }

  private static void assertWinnersSeat(String appId) {
    Agents.Details seat = h.platform.getAgent(appId, "1001");
    assertThat(seat.name()).isEqualTo("Winner");
    assertThat(seat.workId()).isEqualTo("W1001");
  }

  // ---- defect 3: a CcApp naming a tenant another CcApp manages ----

  /** Old behaviour: adopted silently, copied its app Secret and overwrote name/callback/memo. */
  @Test
  void aCcAppNamingATenantAnotherCcAppManagesIsAlreadyExistsAndChangesNothing() {
    String first = h.namespace();
    h.app(first, "tenant", s -> {
      s.callbackUrl = "https://hooks.example.com/first";
      s.memo = "first memo";
    });
    String appId = h.appId(first, "tenant");
    String second = h.namespace();

    // from another namespace, and a copy in the same namespace
    h.app(second, "hijack", s -> {
      s.appId = appId;
      s.displayName = "Hijacked";
      s.callbackUrl = "https://hooks.example.com/hijack";
      s.memo = "hijack memo";
    });
    h.app(first, "copy", s -> {
      s.appId = appId;
      s.displayName = "Copied";
      s.memo = "copy memo";
    });
    h.queue(second, "q", "hijack", "9001", s -> {});

    CcApp hijack = h.awaitReason(CcApp.class, second, "hijack", Reason.AlreadyExists);
    assertThat(readyMessage(hijack)).contains(appId, "CcApp " + first + "/tenant");
    assertThat(condition(hijack.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    CcApp copy = h.awaitReason(CcApp.class, first, "copy", Reason.AlreadyExists);
    assertThat(readyMessage(copy)).contains(appId, "CcApp " + first + "/tenant");
    CcQueue waiting = h.awaitReason(CcQueue.class, second, "q", Reason.WaitingForApp);
    assertThat(readyMessage(waiting)).contains("CcApp hijack");

    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      Apps.App app = h.platform.getApp(appId);
      assertThat(app.name()).isEqualTo("Tenant tenant");
      assertThat(app.memo()).isEqualTo("first memo");
      assertThat(app.callbackUrl()).isEqualTo("https://hooks.example.com/first");
      assertThat(h.secret(second, "hijack-ccapp")).isNull();
      assertThat(h.secret(first, "copy-ccapp")).isNull();
      assertThat(Conditions.readyReason(h.get(CcQueue.class, second, "q").getStatus())).isEqualTo(Reason.WaitingForApp.name());
      assertThat(Conditions.isReady(h.get(CcApp.class, first, "tenant").getStatus())).isTrue();
    });
    assertThat(h.platform.listQueues(appId)).isEmpty();
    assertThat(claim(h.get(CcApp.class, second, "hijack"))).isEmpty();
    assertThat(h.get(CcApp.class, second, "hijack").getStatus().appId).isNull();
    assertThat(h.events(second)).noneSatisfy(e -> assertThat(e.getReason()).isIn(EventReason.Adopted.name(), EventReason.Updated.name()));
  }

  // ---- defect 4: a Secret under the operator's name that it did not write for this resource ----

  /** Old behaviour: the CcExtension took the Secret for its record and claimed an extension it never created. */
  @Test
  void aForeignSipSecretIsSecretConflictAndTheExtensionIsNotClaimed() {
    String ns = h.namespace();
    String appId = tenant(ns);
    String password = h.platform.createExtension(appId, "8101").password();
    // looks like the operator's (its label, the right keys) but it has no owner reference to this CcExtension
    Secret foreign = h.kube.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName("desk-sip").withNamespace(ns)
            .addToLabels(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY).addToAnnotations("made-by", "hand").endMetadata()
        .withData(Map.of("extension", b64("8101"), "password", b64("not-the-password"), "number", b64("x")))
        .build()).create();

    h.extension(ns, "desk", "tenant", "8101", s -> {});
    CcExtension conflict = h.awaitReason(CcExtension.class, ns, "desk", Reason.SecretConflict);
    assertThat(readyMessage(conflict)).contains("Secret desk-sip");
    assertThat(condition(conflict.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(claim(h.get(CcExtension.class, ns, "desk"))).isEmpty();
      assertUnchanged(foreign);
      assertThat(extensionPassword(appId, "8101")).isEqualTo(password);
    });

    // deleting it deletes nothing in the platform
    h.delete(CcExtension.class, ns, "desk");
    h.awaitGone(CcExtension.class, ns, "desk");
    assertThat(extensionPassword(appId, "8101")).isEqualTo(password);
    assertUnchanged(foreign);
  }

  /**
   * Old behaviour: the CcAgent read {@code <name>-extensions} as the record of the extension created with
   * its seat, bound that extension (another resource's) and deleted it with the seat. Here the Secret is a
   * copy of the CcExtension's own, owner reference and label included: the operator's, but not for this
   * CcAgent.
   */
  @Test
  void aForeignExtensionsSecretMakesTheAgentNeitherBindNorDeleteThatExtension() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.awaitReady(CcExtension.class, ns, "desk");
    String password = h.secret(ns, "desk-sip").get("password");
    h.agent(ns, "alice", "tenant", "1001", s -> {});
    h.awaitReady(CcAgent.class, ns, "alice");

    Secret sip = h.kube.secrets().inNamespace(ns).withName("desk-sip").get();
    Secret foreign = h.kube.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName("alice-extensions").withNamespace(ns)
            .withLabels(sip.getMetadata().getLabels()).withOwnerReferences(sip.getMetadata().getOwnerReferences()).endMetadata()
        .withData(sip.getData())
        .build()).create();

    // seen at the next poll (2 s)
    CcAgent conflict = h.awaitReason(CcAgent.class, ns, "alice", Reason.SecretConflict);
    assertThat(readyMessage(conflict)).contains("Secret alice-extensions");
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(extensionsOf(h.platform.getAgent(appId, "1001"))).isEmpty();
      assertThat(h.get(CcExtension.class, ns, "desk").getStatus().boundAgent).isNull();
      assertUnchanged(foreign);
    });

    // a seat it created is deleted with it, the extension named in the foreign Secret is not
    h.delete(CcAgent.class, ns, "alice");
    h.awaitGone(CcAgent.class, ns, "alice");
    assertThat(h.platform.listAgents(appId)).noneSatisfy(a -> assertThat(a.agentId()).isEqualTo("1001"));
    assertThat(extensionPassword(appId, "8101")).isEqualTo(password);
    assertUnchanged(foreign);
    assertThat(Conditions.isReady(h.get(CcExtension.class, ns, "desk").getStatus())).isTrue();
  }

  /** The same before the seat exists: a CcAgent with createExtension and a foreign Secret creates nothing. */
  @Test
  void aForeignExtensionsSecretStopsANewAgentBeforeItCreatesAnything() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.awaitReady(CcExtension.class, ns, "desk");
    Secret foreign = h.kube.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName("alice-extensions").withNamespace(ns).endMetadata()
        .withData(Map.of("extension", b64("8101"), "password", b64("pw")))
        .build()).create();

    h.agent(ns, "alice", "tenant", "1001", s -> s.createExtension = true);
    CcAgent conflict = h.awaitReason(CcAgent.class, ns, "alice", Reason.SecretConflict);
    assertThat(readyMessage(conflict)).contains("Secret alice-extensions");
    assertThat(claim(conflict)).isEmpty();
    assertThat(h.platform.listAgents(appId)).isEmpty();
    assertThat(h.simExtensions(appId)).containsExactly("8101");
    assertUnchanged(foreign);

    h.delete(CcAgent.class, ns, "alice");
    h.awaitGone(CcAgent.class, ns, "alice");
    assertThat(h.simExtensions(appId)).containsExactly("8101");
    assertUnchanged(foreign);
  }

  /** Old behaviour: the CcApp took {@code <name>-ccapp}'s appId for the tenant it had created, and managed it. */
  @Test
  void aForeignAppSecretIsSecretConflictAndNoTenantIsTouchedOrCreated() {
    String ns = h.namespace();
    Apps.App existing = h.platform.createApp(new Apps.CreateRequest("Someone else's", 1, "", false, "theirs"));
    Secret foreign = h.kube.secrets().inNamespace(ns).resource(new SecretBuilder()
        .withNewMetadata().withName("tenant-ccapp").withNamespace(ns)
            .addToLabels(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY).endMetadata()
        .withData(Map.of("appId", b64(existing.appId()), "secret", b64(existing.secret())))
        .build()).create();
    int apps = h.simState().get("apps").size();

    h.app(ns, "tenant", s -> s.memo = "mine");
    CcApp conflict = h.awaitReason(CcApp.class, ns, "tenant", Reason.SecretConflict);
    assertThat(readyMessage(conflict)).contains("Secret tenant-ccapp");
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      assertThat(h.platform.getApp(existing.appId()).name()).isEqualTo("Someone else's");
      assertThat(h.platform.getApp(existing.appId()).memo()).isEqualTo("theirs");
      assertThat(h.simState().get("apps").size()).isEqualTo(apps);
      assertUnchanged(foreign);
    });
    assertThat(h.get(CcApp.class, ns, "tenant").getStatus().appId).isNull();
  }

  // ---- helpers ----

  private static Optional<Queues.Info> platformQueue(String appId, String queueId) {
    return h.platform.listQueues(appId).stream().filter(q -> queueId.equals(q.queueId())).findFirst();
  }

  private static List<String> extensionsOf(Agents.Details agent) {
    return agent.extensions() == null ? List.of() : agent.extensions().stream().map(ExtensionRef::extension).sorted().toList();
  }

  private static String extensionPassword(String appId, String extension) {
    for (var e : h.simApp(appId).get("extensions")) {
      if (extension.equals(e.get("extension").asText())) {
        return e.get("password").asText();
      }
    }
    return null;
  }

  /** The Secret as it was created: same data, labels, annotations, owners, and never written since. */
  private static void assertUnchanged(Secret before) {
    Secret now = h.kube.secrets().inNamespace(before.getMetadata().getNamespace()).withName(before.getMetadata().getName()).get();
    assertThat(now).as("Secret " + before.getMetadata().getName()).isNotNull();
    assertThat(now.getData()).isEqualTo(before.getData());
    assertThat(now.getMetadata().getLabels()).isEqualTo(before.getMetadata().getLabels());
    assertThat(now.getMetadata().getAnnotations()).isEqualTo(before.getMetadata().getAnnotations());
    assertThat(now.getMetadata().getOwnerReferences()).isEqualTo(before.getMetadata().getOwnerReferences());
    assertThat(now.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
