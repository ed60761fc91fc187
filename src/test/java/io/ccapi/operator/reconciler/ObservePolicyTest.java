package io.ccapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcExtensionStatus;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcQueueStatus;
import io.ccapi.operator.plan.Change;
import io.ccapi.operator.plan.Claim;
import io.ccapi.operator.plan.ExtensionPlanner;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.QueuePlanner;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.StoredSecret;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObservePolicyTest {
  private static final Records OURS = new Records(Optional.of(Claim.created("9001", "uid")), false, StoredSecret.absent(null));

  private static CcQueueSpec spec() {
    CcQueueSpec spec = new CcQueueSpec();
    spec.appRef = "app";
    spec.queueId = "9001";
    spec.queueName = "Sales";
    return spec;
  }

  private static Queues.Info queue(String name, Integer maxLength) {
    return new Queues.Info(1L, null, null, "app", "9001", 60, "longest_idle", name, maxLength, null);
  }

  private static Plan<CcQueueStatus> queuePlan(Queues.Info observed, Records records) {
    return QueuePlanner.plan(new QueuePlanner.Input(spec(), Optional.ofNullable(observed), List.of(), records));
  }

  private static Plan<CcQueueStatus> planWith(Boolean exists, Decision decision, List<Op> ops) {
    return Plan.go("queue 9001", exists, decision, "9001", ops, new CcQueueStatus(), "queue 9001 is ready", List.of());
  }

  private static List<Op> deletes(int n) {
    return IntStream.range(0, n).<Op>mapToObj(i -> new Op.DeleteQueue("9" + (100 + i))).toList();
  }

  @Test
  void inSync() {
    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(queuePlan(queue("Sales", 128), OURS), false);

    assertThat(outcome.reason()).isEqualTo(Reason.Ready);
    assertThat(outcome.message()).isEqualTo("observing queue 9001: matches the spec");
    assertThat(outcome.status().inSync).isTrue();
    assertThat(outcome.status().plannedOperations).isNull();
  }

  @Test
  void driftListsWhatManageWouldDo() {
    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(queuePlan(queue("Old", 512), OURS), false);

    assertThat(outcome.reason()).isEqualTo(Reason.Ready);
    assertThat(outcome.message()).isEqualTo("observing queue 9001: 1 operations would bring it to the spec (status.plannedOperations)");
    assertThat(outcome.status().inSync).isFalse();
    assertThat(outcome.status().plannedOperations)
        .containsExactly("~ update queue 9001: queueName: \"Old\" -> \"Sales\", maxLength: \"512\" -> \"128\"");
  }

  @Test
  void driftCountsEveryOperation() {
    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(planWith(true, Decision.OURS, deletes(3)), false);

    assertThat(outcome.message()).contains("3 operations would bring it to the spec");
    assertThat(outcome.status().plannedOperations).hasSize(3);
  }

  @Test
  void absentIsNotFoundAndNamesTheCreate() {
    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(queuePlan(null, Records.none(null)), false);

    assertThat(outcome.reason()).isEqualTo(Reason.NotFound);
    assertThat(outcome.message()).isEqualTo(
        "queue 9001 does not exist in the platform; Observe never creates it (Manage would: + create queue 9001 (\"Sales\", longest_idle))");
    assertThat(outcome.status().inSync).isFalse();
    assertThat(outcome.status().plannedOperations).containsExactly("+ create queue 9001 (\"Sales\", longest_idle)");
  }

  @Test
  void existenceUnknownIsReadyWithoutAVerdict() {
    Plan<CcExtensionStatus> plan = ExtensionPlanner.plan(new ExtensionPlanner.Input(
        "2001", Optional.empty(), new Records(Optional.of(Claim.created("2001", "uid")), false, StoredSecret.absent("s")), "8000"));

    Outcome<CcExtensionStatus> outcome = ObservePolicy.outcome(plan, false);

    assertThat(outcome.reason()).isEqualTo(Reason.Ready);
    assertThat(outcome.message()).startsWith("observing extension 2001: ").contains("whether it matches is unknown");
    assertThat(outcome.status().inSync).isNull();
    assertThat(outcome.status().plannedOperations).isNull();
  }

  @Test
  void aStoppedPlanIsReportedAsItIs() {
    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(queuePlan(queue("Old", 128), Records.none(null)), true);

    assertThat(outcome.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(outcome.message()).contains("queue 9001", "ccapi.io/adopt=true");
    assertThat(outcome.status().inSync).isNull();
  }

  static Stream<Arguments> adoptNotes() {
    return Stream.of(
        Arguments.of(true, Decision.ADOPT, true, true),
        Arguments.of(true, Decision.ADOPT, null, true),
        Arguments.of(false, Decision.ADOPT, true, false),
        Arguments.of(true, Decision.OURS, true, false),
        Arguments.of(true, Decision.OURS, null, false),
        Arguments.of(false, Decision.OURS, true, false));
  }

  @ParameterizedTest(name = "needsAdoptAnnotation={0}, {1}, exists={2} -> note {3}")
  @MethodSource("adoptNotes")
  void theAdoptNoteOnlyWhenManageWouldNeedTheAnnotation(boolean needs, Decision decision, Boolean exists, boolean note) {
    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(planWith(exists, decision, List.of()), needs);

    String expected = "; it was not created by this resource, so Manage needs the annotation ccapi.io/adopt=true";
    if (note) {
      assertThat(outcome.message()).endsWith(expected);
    } else {
      assertThat(outcome.message()).doesNotContain("ccapi.io/adopt");
    }
  }

  // ---- lines ----

  static Stream<Arguments> caps() {
    return Stream.of(
        Arguments.of(0, 0, null),
        Arguments.of(20, 20, "- delete queue 9119"),
        Arguments.of(21, 20, "… and 2 more"),
        Arguments.of(35, 20, "… and 16 more"));
  }

  @ParameterizedTest(name = "{0} operations -> {1} lines")
  @MethodSource("caps")
  void linesAreCappedInNumber(int ops, int lines, String last) {
    List<String> result = ObservePolicy.lines(deletes(ops));

    assertThat(result).hasSize(lines);
    if (last != null) {
      assertThat(result.get(lines - 1)).isEqualTo(last);
      assertThat(result.get(0)).isEqualTo("- delete queue 9100");
    }
  }

  @Test
  void cappedLinesKeepTheFirstNineteenOperations() {
    List<String> result = ObservePolicy.lines(deletes(25));

    assertThat(result.subList(0, 19)).isEqualTo(deletes(19).stream().map(Op::describe).toList());
  }

  @Test
  void linesAreCappedInLength() {
    String longName = "n".repeat(300);
    Op tooLong = new Op.UpdateQueue(new Queues.Request("9001", longName, "random", 1, 1), List.of(new Change("queueName", "a", longName)));
    Op fits = new Op.DeleteQueue("9".repeat(240 - "- delete queue ".length()));

    List<String> result = ObservePolicy.lines(List.of(tooLong, fits));

    assertThat(result.get(0)).hasSize(240).endsWith("…").startsWith("~ update queue 9001: queueName: \"a\" -> \"nnn");
    assertThat(result.get(1)).hasSize(240).isEqualTo(fits.describe());
  }

  @Test
  void probesAreNotPlannedOperations() {
    Plan<CcQueueStatus> plan = planWith(true, Decision.OURS, List.of(new Op.ProbeExtension("2001", "s")));

    Outcome<CcQueueStatus> outcome = ObservePolicy.outcome(plan, false);

    assertThat(outcome.status().inSync).isTrue();
    assertThat(outcome.status().plannedOperations).isNull();
  }
}
