package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.simulator.SimCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Management policies against the simulator: Observe reads and reports but never writes, and switching
 * to Manage makes exactly the operations it reported; the paused annotation stops every platform call;
 * deleting an observed or paused resource leaves its platform object.
 *
 * <p>Writes are counted with the simulator's request counters ({@code /__sim/stats}) per AppId, so the
 * other tests' tenants in this simulator do not disturb the counts.
 */
class ManagementPolicyTest extends ControllerTest {

  private static SimCounts counts() {
    return SimCounts.of(h.simulator.baseUrl());
  }

  /** A tenant made by hand (direct platform calls), as an operator would find one. */
  private static String handMadeApp(String name, String memo) {
    return h.platform.createApp(new Apps.CreateRequest(name, Apps.TYPE_CALL_CENTER, "", false, memo)).appId();
  }

  private static Agents.Agent seat(String agentId, String displayName) {
    return new Agents.Agent(agentId, "W" + agentId, displayName, null, null, "agent", true, false, null);
  }

  private static Optional<Queues.Info> platformQueue(String appId, String queueId) {
    return h.platform.listQueues(appId).stream().filter(q -> queueId.equals(q.queueId())).findFirst();
  }

  /** Waits until the operator has polled the app {@code polls} more times (CcApp reads it once per poll). */
  private static void awaitPolls(String appId, int polls) {
    long start = counts().count(appId, "GET apps");
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .until(() -> counts().count(appId, "GET apps") >= start + polls);
  }

  /** The resource Ready with reason Ready for its current generation. */
  private static <R extends CcResource<?, ?>> R awaitReadyAtGeneration(Class<R> kind, String ns, String name) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      R r = h.get(kind, ns, name);
      return r != null && r.getStatus() != null
          && r.getMetadata().getGeneration().equals(r.getStatus().observedGeneration)
          && Reason.Ready.name().equals(Conditions.readyReason(r.getStatus()));
    });
    return h.get(kind, ns, name);
  }

  private static void assertObservedInSync(CcResource<?, ?> r) {
    assertThat(r.getStatus().inSync).as(r.getKind() + " inSync").isTrue();
    assertThat(r.getStatus().plannedOperations).as(r.getKind() + " plannedOperations").isNullOrEmpty();
    assertThat(readyMessage(r)).contains("observing", "matches the spec");
    assertThat(claimedId(r)).as("Observe records no claim").isNull();
  }

  private static void assertNoObserveFields(CcStatus status) {
    assertThat(status.inSync).isNull();
    assertThat(status.plannedOperations).isNullOrEmpty();
  }

  @Test
  void observingATenantMadeByHandThatMatchesWritesNothing() {
    String appId = handMadeApp("Legacy tenant", null);
    h.platform.createQueue(appId, new Queues.Request("9001", "Queue 9001", "longest_idle", 60, 128));
    h.platform.createAgents(appId, List.of(seat("1001", "Agent 1001")));
    h.platform.bindAgentQueues(appId, "1001", List.of("9001"));
    h.platform.createSubscriptions(appId, List.of(new Subscriptions.Subscription(
        null, "https://hooks.example.com/calls", "calls", List.of("user_ringing", "user_hangup"), true)));
    SimCounts before = counts();

    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.appId = appId;
      s.displayName = "Legacy tenant";
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.queue(ns, "q", "tenant", "9001", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.queueRefs = List.of("q");
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.subscription(ns, "calls", "tenant", s -> s.managementPolicy = ManagementPolicy.Observe);

    CcApp app = h.awaitReady(CcApp.class, ns, "tenant");
    CcQueue queue = h.awaitReady(CcQueue.class, ns, "q");
    CcAgent agent = h.awaitReady(CcAgent.class, ns, "alice");
    CcSubscription sub = h.awaitReady(CcSubscription.class, ns, "calls");
    awaitPolls(appId, 2); // and a few polls on top: observing stays read-only

    assertThat(counts().writesSince(before)).as("platform writes while observing (all apps)").isEmpty();
    assertThat(counts().since(before, appId)).as("the operator did read the tenant").containsKeys("GET apps", "GET queues", "GET agents");

    app = h.get(CcApp.class, ns, "tenant");
    queue = h.get(CcQueue.class, ns, "q");
    agent = h.get(CcAgent.class, ns, "alice");
    sub = h.get(CcSubscription.class, ns, "calls");
    for (CcResource<?, ?> r : List.<CcResource<?, ?>>of(app, queue, agent, sub)) {
      assertObservedInSync(r);
      assertThat(condition(r.getStatus(), Conditions.RECONCILING).getStatus()).isEqualTo("False");
      assertThat(condition(r.getStatus(), Conditions.STALLED).getStatus()).isEqualTo("False");
    }
    assertThat(app.getStatus().appId).isEqualTo(appId);
    assertThat(queue.getStatus().agents).containsExactly("1001");
    assertThat(agent.getStatus().queues).containsExactly("9001");
    assertThat(sub.getStatus().subscriptionId).isNotNull();
    // children were not created by these resources: Manage would need the adopt annotation, and says so
    for (CcResource<?, ?> r : List.<CcResource<?, ?>>of(queue, agent, sub)) {
      assertThat(readyMessage(r)).as(r.getKind()).contains(Annotations.ADOPT + "=true");
    }
    // a CcApp's spec.appId is its adoption: no annotation is asked for
    assertThat(readyMessage(app)).doesNotContain(Annotations.ADOPT);
  }

  @Test
  void driftIsReportedAndSwitchingToManageMakesExactlyThePlannedOperations() {
    String appId = handMadeApp("Drifted tenant", null);
    h.platform.createQueue(appId, new Queues.Request("9001", "Queue 9001", "longest_idle", 60, 128));
    h.platform.createQueue(appId, new Queues.Request("9002", "Queue 9002", "longest_idle", 60, 128));
    h.platform.createAgents(appId, List.of(seat("1001", "Old Name")));
    h.platform.bindAgentQueues(appId, "1001", List.of("9001", "9002"));
    long subId = h.platform.createSubscriptions(appId, List.of(new Subscriptions.Subscription(
        null, "https://hooks.example.com/old", "calls", List.of("user_ringing", "user_hangup"), true))).subSucc().get(0).id();
    SimCounts before = counts();

    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.appId = appId;
      s.displayName = "Drifted tenant";
      s.memo = "managed by ccapi-operator";
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.queue(ns, "q", "tenant", "9001", s -> {
      s.queueName = "Sales";
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.queueRefs = List.of("q"); // the platform also binds 9002
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.subscription(ns, "calls", "tenant", s -> s.managementPolicy = ManagementPolicy.Observe);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      // a status not written yet is a failed look, not an error (untilAsserted retries only assertion errors)
      for (var r : List.of(h.get(CcSubscription.class, ns, "calls"), h.get(CcApp.class, ns, "tenant"), h.get(CcQueue.class, ns, "q"))) {
        assertThat(r.getStatus()).as(r.getKind() + " status").isNotNull();
        assertThat(r.getStatus().plannedOperations).isNotEmpty();
      }
      CcAgent a = h.get(CcAgent.class, ns, "alice");
      assertThat(a.getStatus()).isNotNull();
      assertThat(a.getStatus().plannedOperations).isNotEmpty();
    });
    awaitPolls(appId, 2);

    CcApp app = h.awaitReady(CcApp.class, ns, "tenant");
    CcQueue queue = h.awaitReady(CcQueue.class, ns, "q");
    CcAgent agent = h.awaitReady(CcAgent.class, ns, "alice");
    CcSubscription sub = h.awaitReady(CcSubscription.class, ns, "calls");
    assertThat(sub.getStatus().inSync).isFalse();
    assertThat(sub.getStatus().subscriptionId).isEqualTo(subId);
    assertThat(sub.getStatus().plannedOperations).containsExactly(
        "~ update subscription " + subId + ": callbackUrl: \"https://hooks.example.com/old\" -> \"https://hooks.example.com/calls\"");
    assertThat(app.getStatus().inSync).isFalse();
    assertThat(app.getStatus().plannedOperations)
        .containsExactly("~ update application " + appId + ": memo: (none) -> \"managed by ccapi-operator\"");
    assertThat(queue.getStatus().inSync).isFalse();
    assertThat(queue.getStatus().plannedOperations).containsExactly("~ update queue 9001: queueName: \"Queue 9001\" -> \"Sales\"");
    assertThat(agent.getStatus().inSync).isFalse();
    assertThat(agent.getStatus().plannedOperations)
        .containsExactly("~ update agent 1001: displayName: \"Old Name\" -> \"Agent 1001\"", "- unbind agent 1001 from queues [9002]");
    assertThat(readyMessage(queue)).contains("1 operations would bring it to the spec", Annotations.ADOPT + "=true");
    assertThat(readyMessage(agent)).contains("2 operations would bring it to the spec", Annotations.ADOPT + "=true");
    assertThat(counts().writesSince(before)).as("platform writes while observing drift").isEmpty();

    List<String> planned = new ArrayList<>();
    planned.addAll(app.getStatus().plannedOperations);
    planned.addAll(queue.getStatus().plannedOperations);
    planned.addAll(agent.getStatus().plannedOperations);
    planned.addAll(sub.getStatus().plannedOperations);
    SimCounts beforeManage = counts();

    // Manage without the adopt annotation: refused, still nothing written
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().managementPolicy = ManagementPolicy.Manage);
    CcQueue refused = h.awaitReason(CcQueue.class, ns, "q", Reason.AlreadyExists);
    assertThat(readyMessage(refused)).contains("not created by this resource", Annotations.ADOPT + "=true");
    assertThat(counts().writesSince(beforeManage, appId)).isEmpty();
    assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Queue 9001"));

    // adopt annotations (a change of them wakes the reconcile), then everything to Manage
    h.annotate(CcQueue.class, ns, "q", Annotations.ADOPT, "true");
    h.annotate(CcAgent.class, ns, "alice", Annotations.ADOPT, "true");
    h.annotate(CcSubscription.class, ns, "calls", Annotations.ADOPT, "true");
    h.edit(CcSubscription.class, ns, "calls", x -> x.getSpec().managementPolicy = ManagementPolicy.Manage);
    h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().managementPolicy = ManagementPolicy.Manage);
    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().managementPolicy = ManagementPolicy.Manage);

    app = awaitReadyAtGeneration(CcApp.class, ns, "tenant");
    queue = awaitReadyAtGeneration(CcQueue.class, ns, "q");
    agent = awaitReadyAtGeneration(CcAgent.class, ns, "alice");
    sub = awaitReadyAtGeneration(CcSubscription.class, ns, "calls");
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(h.platform.getSubscription(appId, subId).callback()).isEqualTo("https://hooks.example.com/calls");
      assertThat(h.platform.getApp(appId).memo()).isEqualTo("managed by ccapi-operator");
      assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Sales"));
      Agents.Details seat = h.platform.getAgent(appId, "1001");
      assertThat(seat.name()).isEqualTo("Agent 1001");
      assertThat(seat.queues()).containsExactly("9001");
    });
    awaitPolls(appId, 2); // converged: the polls after it write nothing more

    assertThat(counts().writesSince(beforeManage, appId))
        .as("writes after switching to Manage, for planned operations " + planned)
        .isEqualTo(SimCounts.endpointsOf(planned));
    assertThat(counts().writesSince(beforeManage)).as("and no writes to any other tenant").isEqualTo(SimCounts.endpointsOf(planned));
    assertThat(platformQueue(appId, "9002")).as("the queue unbound from the seat is not deleted").isPresent();

    // Manage shows no Observe fields, and the resources now own what they adopted
    app = h.get(CcApp.class, ns, "tenant");
    queue = h.get(CcQueue.class, ns, "q");
    agent = h.get(CcAgent.class, ns, "alice");
    sub = h.get(CcSubscription.class, ns, "calls");
    for (CcResource<?, ?> r : List.<CcResource<?, ?>>of(app, queue, agent, sub)) {
      assertNoObserveFields(r.getStatus());
      assertThat(readyMessage(r)).doesNotContain("observing");
    }
    assertThat(claimedId(queue)).isEqualTo("9001");
    assertThat(claimedId(agent)).isEqualTo("1001");
    assertThat(claimedId(sub)).isEqualTo(Long.toString(subId));
    assertThat(agent.getStatus().queues).containsExactly("9001");
  }

  @Test
  void observingWhatDoesNotExistIsNotFoundAndCreatesNothing() {
    String appId = handMadeApp("Sparse tenant", null);
    SimCounts before = counts();
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.appId = appId;
      s.displayName = "Sparse tenant";
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.queue(ns, "q", "tenant", "9009", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.agent(ns, "zed", "tenant", "1009", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.subscription(ns, "calls", "tenant", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.awaitReady(CcApp.class, ns, "tenant");

    CcQueue queue = h.awaitReason(CcQueue.class, ns, "q", Reason.NotFound);
    CcAgent agent = h.awaitReason(CcAgent.class, ns, "zed", Reason.NotFound);
    CcSubscription sub = h.awaitReason(CcSubscription.class, ns, "calls", Reason.NotFound);
    awaitPolls(appId, 2); // NotFound is re-checked every poll, still without a write

    assertThat(queue.getStatus().inSync).isFalse();
    assertThat(queue.getStatus().plannedOperations).containsExactly("+ create queue 9009 (\"Queue 9009\", longest_idle)");
    assertThat(readyMessage(queue)).contains("queue 9009 does not exist in the platform", "Observe never creates it");
    assertThat(condition(queue.getStatus(), Conditions.STALLED).getStatus()).isEqualTo("True");
    assertThat(agent.getStatus().plannedOperations).containsExactly("+ create agent 1009 (workId W1009, role agent)");
    assertThat(sub.getStatus().plannedOperations).hasSize(1).allMatch(l -> l.startsWith("+ create subscription \"calls\""));

    assertThat(counts().writesSince(before)).isEmpty();
    assertThat(h.platform.listQueues(appId)).isEmpty();
    assertThat(h.platform.listAgents(appId)).isEmpty();
    assertThat(h.platform.listSubscriptions(appId)).isEmpty();
    // still NotFound after the polls (re-checked, not given up)
    assertThat(Conditions.readyReason(h.get(CcQueue.class, ns, "q").getStatus())).isEqualTo(Reason.NotFound.name());

    // the object appearing later (made by hand) is seen at a later poll
    h.platform.createQueue(appId, new Queues.Request("9009", "Queue 9009", "longest_idle", 60, 128));
    assertObservedInSync(h.awaitReady(CcQueue.class, ns, "q"));
  }

  @Test
  void observingAnAppWithoutAppIdCreatesNothing() {
    SimCounts before = counts();
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.managementPolicy = ManagementPolicy.Observe);
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.NotFound);
    assertThat(app.getStatus().plannedOperations).hasSize(1).allMatch(l -> l.startsWith("+ create application"));
    assertThat(counts().writesSince(before)).isEmpty();
  }

  @Test
  void observingAnAppIdThePlatformDoesNotHaveCreatesNothing() {
    SimCounts before = counts();
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.appId = "00000000-0000-4000-8000-000000000000";
      s.managementPolicy = ManagementPolicy.Observe;
    });
    // as for the other kinds: NotFound, not AppNotFound (which Manage keeps)
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.NotFound);
    assertThat(readyMessage(app)).contains("application 00000000-0000-4000-8000-000000000000 does not exist", "Observe never creates it");
    assertThat(app.getStatus().inSync).isFalse();
    assertThat(condition(app.getStatus(), Conditions.STALLED).getStatus()).isEqualTo("True");
    // re-checked every poll: the reads go on, no write is made
    long reads = counts().count("00000000-0000-4000-8000-000000000000", "GET apps");
    await().atMost(Duration.ofSeconds(15)).until(() -> counts().count("00000000-0000-4000-8000-000000000000", "GET apps") >= reads + 2);
    assertThat(counts().writesSince(before)).isEmpty();
  }

  @Test
  void pausedQueueMakesNoCallsAndResumesWhenUnpaused() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> s.queueName = "Before");
    awaitReadyAtGeneration(CcQueue.class, ns, "q");

    h.annotate(CcQueue.class, ns, "q", Annotations.PAUSED, "true");
    h.awaitReason(CcQueue.class, ns, "q", Reason.Paused);
    awaitPolls(appId, 1); // a reconcile that was under way when the annotation came is over
    SimCounts before = counts();
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueName = "After");
    await().atMost(Duration.ofSeconds(15)).until(() -> {
      CcQueue q = h.get(CcQueue.class, ns, "q");
      return q.getMetadata().getGeneration().equals(q.getStatus().observedGeneration)
          && Reason.Paused.name().equals(Conditions.readyReason(q.getStatus()));
    });
    awaitPolls(appId, 2);

    CcQueue paused = h.get(CcQueue.class, ns, "q");
    for (String type : List.of(Conditions.READY, Conditions.RECONCILING, Conditions.STALLED)) {
      assertThat(condition(paused.getStatus(), type).getStatus()).as(type).isEqualTo("False");
      assertThat(condition(paused.getStatus(), type).getReason()).as(type).isEqualTo(Reason.Paused.name());
    }
    assertThat(readyMessage(paused)).contains(Annotations.PAUSED);
    // the only calls for this tenant are its CcApp's polls (the app and its relay numbers): the queue neither read nor wrote anything
    assertThat(counts().since(before, appId)).containsOnlyKeys("GET apps", "GET spnumbers");
    assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("Before"));

    // un-pausing (annotation removed) wakes the reconcile: the edit made while paused is applied
    h.annotate(CcQueue.class, ns, "q", Annotations.PAUSED, null);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("After")));
    awaitReadyAtGeneration(CcQueue.class, ns, "q");

    // paused again, then "false" resumes as well
    h.annotate(CcQueue.class, ns, "q", Annotations.PAUSED, "true");
    h.awaitReason(CcQueue.class, ns, "q", Reason.Paused);
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueName = "After again");
    h.annotate(CcQueue.class, ns, "q", Annotations.PAUSED, "false");
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(platformQueue(appId, "9001")).hasValueSatisfying(q -> assertThat(q.name()).isEqualTo("After again")));
    awaitReadyAtGeneration(CcQueue.class, ns, "q");

    // deleting a paused resource: it goes, the queue stays, and an Orphaned event says why
    h.annotate(CcQueue.class, ns, "q", Annotations.PAUSED, "true");
    h.awaitReason(CcQueue.class, ns, "q", Reason.Paused);
    SimCounts beforeDelete = counts();
    h.delete(CcQueue.class, ns, "q");
    h.awaitGone(CcQueue.class, ns, "q");
    assertThat(platformQueue(appId, "9001")).isPresent();
    assertThat(counts().writesSince(beforeDelete, appId)).isEmpty();
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getInvolvedObject().getName()).isEqualTo("q");
      assertThat(e.getReason()).isEqualTo(EventReason.Orphaned.name());
      assertThat(e.getMessage()).contains(Annotations.PAUSED);
    });
  }

  @Test
  void aPausedAppStillLendsItsConnectionToItsChildren() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.annotate(CcApp.class, ns, "tenant", Annotations.PAUSED, "true");
    h.awaitReason(CcApp.class, ns, "tenant", Reason.Paused);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");
    assertThat(h.platform.listQueues(appId)).extracting(q -> q.queueId()).containsExactly("9001");
  }

  @Test
  void deletingAQueueThatLeavesThePlatformObjectLeavesItsSeatsBound() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "paused", "tenant", "9001", s -> {});
    h.queue(ns, "orphan", "tenant", "9002", s -> s.deletionPolicy = io.ccapi.operator.crd.DeletionPolicy.Orphan);
    h.queue(ns, "observed", "tenant", "9003", s -> {});
    h.awaitReady(CcQueue.class, ns, "observed");
    h.edit(CcQueue.class, ns, "observed", q -> q.getSpec().managementPolicy = ManagementPolicy.Observe);
    h.agent(ns, "alice", "tenant", "1001", s -> s.queueRefs = List.of("paused", "orphan", "observed"));
    h.awaitReady(CcAgent.class, ns, "alice");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(h.platform.getAgent(appId, "1001").queues()).containsExactlyInAnyOrder("9001", "9002", "9003"));
    h.annotate(CcQueue.class, ns, "paused", Annotations.PAUSED, "true");
    h.awaitReason(CcQueue.class, ns, "paused", Reason.Paused);
    h.awaitReady(CcQueue.class, ns, "observed");
    SimCounts before = counts();

    for (String name : List.of("paused", "orphan", "observed")) {
      h.delete(CcQueue.class, ns, name);
      h.awaitGone(CcQueue.class, ns, name);
    }
    // the seat names queues that no longer exist as resources: it waits, and unbinds nothing
    CcAgent alice = h.awaitReason(CcAgent.class, ns, "alice", Reason.WaitingForReference);
    awaitPolls(appId, 2);

    assertThat(readyMessage(alice)).contains("CcQueue");
    assertThat(counts().writesSince(before, appId)).isEmpty();
    assertThat(h.platform.listQueues(appId)).extracting(Queues.Info::queueId).containsExactlyInAnyOrder("9001", "9002", "9003");
    assertThat(h.platform.getAgent(appId, "1001").queues()).containsExactlyInAnyOrder("9001", "9002", "9003");
  }

  @Test
  void deletingObservedResourcesLeavesThePlatformObjects() {
    String appId = handMadeApp("Watched tenant", null);
    h.platform.createQueue(appId, new Queues.Request("9001", "Queue 9001", "longest_idle", 60, 128));
    h.platform.createAgents(appId, List.of(seat("1001", "Agent 1001")));
    h.platform.createSubscriptions(appId, List.of(new Subscriptions.Subscription(
        null, "https://hooks.example.com/calls", "calls", List.of("user_ringing", "user_hangup"), true)));
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.appId = appId;
      s.displayName = "Watched tenant";
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.queue(ns, "q", "tenant", "9001", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.agent(ns, "alice", "tenant", "1001", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.subscription(ns, "calls", "tenant", s -> s.managementPolicy = ManagementPolicy.Observe);
    h.awaitReady(CcQueue.class, ns, "q");
    h.awaitReady(CcAgent.class, ns, "alice");
    h.awaitReady(CcSubscription.class, ns, "calls");
    SimCounts before = counts();

    h.delete(CcQueue.class, ns, "q");
    h.delete(CcAgent.class, ns, "alice");
    h.delete(CcSubscription.class, ns, "calls");
    h.awaitGone(CcQueue.class, ns, "q");
    h.awaitGone(CcAgent.class, ns, "alice");
    h.awaitGone(CcSubscription.class, ns, "calls");
    h.delete(CcApp.class, ns, "tenant");
    h.awaitGone(CcApp.class, ns, "tenant");

    assertThat(counts().writesSince(before)).isEmpty();
    assertThat(platformQueue(appId, "9001")).isPresent();
    assertThat(h.platform.getAgent(appId, "1001").name()).isEqualTo("Agent 1001");
    assertThat(h.platform.listSubscriptions(appId)).extracting(Subscriptions.Subscription::name).containsExactly("calls");
    assertThat(h.platform.getApp(appId).name()).isEqualTo("Watched tenant");
    for (String name : List.of("q", "alice", "calls")) {
      assertThat(h.events(ns)).as(name).anySatisfy(e -> {
        assertThat(e.getInvolvedObject().getName()).isEqualTo(name);
        assertThat(e.getReason()).isEqualTo(EventReason.Orphaned.name());
        assertThat(e.getMessage()).contains("managementPolicy Observe");
      });
    }
  }
}
