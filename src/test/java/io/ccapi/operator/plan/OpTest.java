package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.ccapi.model.Webhooks;
import io.ccapi.operator.plan.Op.CreateExtension.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-liners of {@link Op}, {@link Change} and its diff, and the invariants of {@link Plan}. */
class OpTest {
  private static final Agents.Agent AGENT = new Agents.Agent("1001", "w1", "Ann", null, null, "agent", true, false, null);
  private static final Queues.Request QUEUE = new Queues.Request("9001", "Sales", "longest_idle", 60, 128);
  private static final Subscriptions.Subscription SUB =
      new Subscriptions.Subscription(null, "https://cb.example", "ns-sub", List.of("a", "b"), true);
  private static final List<Change> CHANGES = List.of(new Change("name", "a", "b"), new Change("memo", null, "m"));

  static Stream<Arguments> oneLiners() {
    return Stream.of(
        Arguments.of(new Op.CreateApp("A1", new Apps.CreateRequest("Shop", 1, "", false, null), "shop-ccapp"), "+ create application \"Shop\""),
        Arguments.of(new Op.UpdateApp("A1", new Apps.UpdateRequest("b", "", false, "m"), CHANGES),
            "~ update application A1: name: \"a\" -> \"b\", memo: (none) -> \"m\""),
        Arguments.of(new Op.CreateAgent(AGENT, "s"), "+ create agent 1001 (workId w1, role agent)"),
        Arguments.of(new Op.CreateAgent(new Agents.Agent("1001", "w1", "Ann", null, null, "leader", true, true, null), "s"),
            "+ create agent 1001 (workId w1, role leader, with an extension)"),
        Arguments.of(new Op.UpdateAgent(AGENT, List.of(new Change("workId", "w0", "w1"))), "~ update agent 1001: workId: \"w0\" -> \"w1\""),
        Arguments.of(new Op.BindAgentExtensions("1001", List.of("2001", "2002")), "+ bind agent 1001 to extensions [2001, 2002]"),
        Arguments.of(new Op.UnbindAgentExtensions("1001", List.of("2001")), "- unbind agent 1001 from extensions [2001]"),
        Arguments.of(new Op.BindAgentQueues("1001", List.of("9001")), "+ bind agent 1001 to queues [9001]"),
        Arguments.of(new Op.UnbindAgentQueues("1001", List.of("9001", "9002")), "- unbind agent 1001 from queues [9001, 9002]"),
        Arguments.of(new Op.SetAgentDefaultSpNumber("1001", null, "95000"), "~ update agent 1001: defaultSpNumber: (none) -> \"95000\""),
        Arguments.of(new Op.SetAgentDefaultSpNumber("1001", "95001", "95000"), "~ update agent 1001: defaultSpNumber: \"95001\" -> \"95000\""),
        Arguments.of(new Op.DeleteAgent("1001"), "- delete agent 1001"),
        Arguments.of(new Op.CreateQueue(QUEUE), "+ create queue 9001 (\"Sales\", longest_idle)"),
        Arguments.of(new Op.UpdateQueue(QUEUE, List.of(new Change("maxLength", "512", "128"))), "~ update queue 9001: maxLength: \"512\" -> \"128\""),
        Arguments.of(new Op.DeleteQueue("9001"), "- delete queue 9001"),
        Arguments.of(new Op.CreateExtension("2001", "e-sip", Why.NEW), "+ create extension 2001"),
        Arguments.of(new Op.CreateExtension("2001", "e-sip", Why.MISSING), "+ create extension 2001 (missing from the platform)"),
        Arguments.of(new Op.CreateExtension("2001", "e-sip", Why.REPLACE), "+ create extension 2001 again (its password is unknown)"),
        Arguments.of(new Op.ProbeExtension("2001", "e-sip"),
            "? extension 2001 is bound to no seat: its existence is checked by a create (100015 = exists)"),
        Arguments.of(new Op.DeleteExtension("2001"), "- delete extension 2001"),
        Arguments.of(new Op.CreateSubscription(SUB), "+ create subscription \"ns-sub\" (https://cb.example, events [a, b])"),
        Arguments.of(new Op.UpdateSubscription(42L, SUB, List.of(new Change("enabled", "false", "true"))),
            "~ update subscription 42: enabled: \"false\" -> \"true\""),
        Arguments.of(new Op.DeleteSubscription(42L), "- delete subscription 42"),
        Arguments.of(new Op.ReplaceWebhookEvents("A1", List.of(new Webhooks.Category("call", List.of("begin", "end")))),
            "~ replace webhook events of application A1 with call [begin, end] (ccapi cannot show them: sent because this resource has not sent this list)"),
        Arguments.of(new Op.DeleteWebhookEvents("A1"), "- delete the webhook events of application A1"),
        Arguments.of(new Op.CreateVoiceFile(new Ivrs.VoiceFile("a.wav", "wav", "")), "+ create voice file a.wav"),
        Arguments.of(new Op.ReplaceVoiceFile(new Ivrs.VoiceFile("a.wav", "wav", "b"), List.of(new Change("description", "a", "b"))),
            "~ replace voice file a.wav: description: \"a\" -> \"b\""),
        Arguments.of(new Op.DeleteVoiceFile("a.wav"), "- delete voice file a.wav"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("oneLiners")
  void describe(Op op, String expected) {
    assertThat(op.describe()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("oneLiners")
  void theSignIsTheVerbs(Op op, String line) {
    assertThat(line).startsWith(op.verb().sign() + " ").endsWith(op.text());
  }

  @Test
  void oneLinersNeverNameTheSecretTheirAnswerGoesTo() {
    List<Op> writingSecrets = List.of(
        new Op.CreateApp("A1", new Apps.CreateRequest("Shop", 1, "", false, null), "shop-ccapp"),
        new Op.CreateAgent(new Agents.Agent("1001", "w1", "Ann", null, null, "agent", true, true, null), "seat-extensions"),
        new Op.CreateExtension("2001", "e-sip", Why.REPLACE),
        new Op.ProbeExtension("2001", "e-sip"));

    assertThat(writingSecrets).allSatisfy(op -> assertThat(op.describe()).doesNotContain("ccapp", "seat-extensions", "e-sip", "secret"));
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of(new Op.UpdateApp("A1", null, List.of()), Op.Target.APP),
        Arguments.of(new Op.BindAgentQueues("1001", List.of()), Op.Target.AGENT),
        Arguments.of(new Op.DeleteQueue("9001"), Op.Target.QUEUE),
        Arguments.of(new Op.ProbeExtension("2001", "s"), Op.Target.EXTENSION),
        Arguments.of(new Op.DeleteSubscription(1L), Op.Target.SUBSCRIPTION),
        Arguments.of(new Op.SetDefaultSpNumber("A1", null, "1"), Op.Target.APP),
        Arguments.of(new Op.SetFastRouter(List.of(), List.of()), Op.Target.IVR));
  }

  @Test
  void onlyCreatesOfAResourcesOwnObjectAreClaimed() {
    assertThat(new Op.CreateQueue(QUEUE).createsClaimedObject()).isTrue();
    assertThat(new Op.ProbeExtension("2001", "s").createsClaimedObject()).isTrue();
    assertThat(new Op.CreateVoiceFile(new Ivrs.VoiceFile("a.wav", "wav", "")).createsClaimedObject())
        .as("a voice file is part of the app's IVR, which the CcIvr claims as a whole").isFalse();
    assertThat(new Op.UpdateQueue(QUEUE, List.of()).createsClaimedObject()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void eachOpNamesWhatItWrites(Op op, Op.Target target) {
    assertThat(op.target()).isEqualTo(target);
  }

  // ---- Change ----

  static Stream<Arguments> diffs() {
    return Stream.of(
        Arguments.of("a", "a", null),
        Arguments.of(null, null, null),
        Arguments.of(null, "", null),
        Arguments.of("", null, null),
        Arguments.of("a", "b", new Change("f", "a", "b")),
        Arguments.of(null, "b", new Change("f", null, "b")),
        Arguments.of("", "b", new Change("f", null, "b")),
        Arguments.of("a", "", new Change("f", "a", null)),
        Arguments.of(60, 60, null),
        Arguments.of(30, 60, new Change("f", "30", "60")),
        Arguments.of(true, false, new Change("f", "true", "false")));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("diffs")
  void diffComparesAsText(Object observed, Object wanted, Change expected) {
    List<Change> changes = new Change.Diff().field("f", observed, wanted).changes();

    if (expected == null) {
      assertThat(changes).isEmpty();
    } else {
      assertThat(changes).containsExactly(expected);
    }
  }

  @Test
  void diffKeepsTheOrderOfFieldsAndIsACopy() {
    Change.Diff diff = new Change.Diff().field("b", "1", "2").field("same", "x", "x").field("a", "1", "2");
    List<Change> changes = diff.changes();
    diff.field("c", "1", "2");

    assertThat(changes).extracting(Change::field).containsExactly("b", "a");
    assertThatThrownBy(() -> changes.add(new Change("z", null, null))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void changeReadsAsFieldOldToNew() {
    assertThat(new Change("name", "a", "b")).hasToString("name: \"a\" -> \"b\"");
    assertThat(new Change("memo", null, "m")).hasToString("memo: (none) -> \"m\"");
    assertThat(new Change("memo", "m", null)).hasToString("memo: \"m\" -> (none)");
  }

  // ---- Plan ----

  @Test
  void aStoppedPlanHasNoOperations() {
    assertThatThrownBy(() -> new Plan<>("x", true, OwnershipRule.Decision.OURS, null, List.of(new Op.DeleteQueue("9001")),
        "status", Reason.AlreadyExists, "m", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stopKeepsTheStatusAndDecidesNothing() {
    Plan<String> plan = Plan.stop("queue 9001", true, "status", Reason.AlreadyExists, "taken");

    assertThat(plan.stopped()).isTrue();
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status()).isEqualTo("status");
    assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(plan.message()).isEqualTo("taken");
    assertThat(plan.ownership()).isEqualTo(OwnershipRule.Decision.CONFLICT);
  }

  @Test
  void changesLeaveOutProbes() {
    Op probe = new Op.ProbeExtension("2001", "s");
    Op delete = new Op.DeleteExtension("2002");

    Plan<String> plan = Plan.go("x", null, OwnershipRule.Decision.OURS, "2001", List.of(probe, delete), "s", "m", List.of());

    assertThat(plan.ops()).containsExactly(probe, delete);
    assertThat(plan.changes()).containsExactly(delete);
    assertThat(plan.stopped()).isFalse();
  }

  @Test
  void opsAndNoticesAreCopied() {
    List<Op> ops = new ArrayList<>(List.of(new Op.DeleteQueue("9001")));
    List<Notice> notices = new ArrayList<>();

    Plan<String> plan = Plan.go("x", true, OwnershipRule.Decision.OURS, "9001", ops, "s", "m", notices);
    ops.clear();
    notices.add(new Notice(EventReason.PasswordUnknown, "n"));

    assertThat(plan.ops()).hasSize(1);
    assertThat(plan.notices()).isEmpty();
  }

  @Test
  void deletingIsOursAndSaysDeleted() {
    Plan<String> plan = Plan.deleting("queue 9001", true, List.of(new Op.DeleteQueue("9001")), "s");

    assertThat(plan.ownership()).isEqualTo(OwnershipRule.Decision.OURS);
    assertThat(plan.reason()).isEqualTo(Reason.Ready);
    assertThat(plan.message()).isEqualTo("queue 9001 deleted");
  }

  @Test
  void guardedTurnsAReconcileExceptionIntoAStop() {
    Plan<String> plan = Plan.guarded("agent 1001", true, "kept", () -> {
      throw new ReconcileException(Reason.InvalidSpec, "bad spec");
    });

    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).isEqualTo("bad spec");
    assertThat(plan.status()).isEqualTo("kept");
    assertThat(plan.subject()).isEqualTo("agent 1001");
    assertThat(plan.exists()).isTrue();
  }

  @Test
  void guardedLetsOtherFailuresThrough() {
    assertThatThrownBy(() -> Plan.guarded("x", true, "s", () -> {
      throw new IllegalStateException("bug");
    })).isInstanceOf(IllegalStateException.class);
  }
}
