package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcQueueStatus;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueuePlannerTest {
  private static final String ID = "9001";
  private static final String UID = "uid-queue";
  private static final Queues.Request DESIRED = new Queues.Request(ID, "Sales", "longest_idle", 60, 128);

  private static CcQueueSpec spec() {
    CcQueueSpec spec = new CcQueueSpec();
    spec.appRef = "app";
    spec.queueId = ID;
    spec.queueName = "Sales";
    return spec;
  }

  /** The queue as listed by the platform; {@link #MATCHING} is the spec's. */
  private static Queues.Info info(String name, String strategy, Integer timeout, Integer maxLength) {
    return new Queues.Info(7L, null, null, "app", ID, timeout, strategy, name, maxLength, null);
  }

  private static final Queues.Info MATCHING = info("Sales", "longest_idle", 60, 128);

  private static Records ours() {
    return new Records(Optional.of(Claim.created(ID, UID)), false, StoredSecret.absent(null));
  }

  private static Plan<CcQueueStatus> plan(Queues.Info observed, Records records, String... agents) {
    return QueuePlanner.plan(new QueuePlanner.Input(spec(), Optional.ofNullable(observed), List.of(agents), records));
  }

  @Test
  void createsAMissingQueue() {
    Plan<CcQueueStatus> plan = plan(null, Records.none(null));

    assertThat(plan.ops()).containsExactly(new Op.CreateQueue(DESIRED));
    assertThat(plan.ownership()).isEqualTo(Decision.CREATE);
    assertThat(plan.exists()).isFalse();
    assertThat(plan.claimId()).isEqualTo(ID);
    assertThat(plan.message()).isEqualTo("queue 9001 is ready");
  }

  @Test
  void oursAndMatchingNeedsNothing() {
    Plan<CcQueueStatus> plan = plan(MATCHING, ours());

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.ownership()).isEqualTo(Decision.OURS);
    assertThat(plan.exists()).isTrue();
  }

  static Stream<Arguments> diffs() {
    return Stream.of(
        Arguments.of("queueName", info("Old", "longest_idle", 60, 128), List.of(new Change("queueName", "Old", "Sales"))),
        Arguments.of("strategy", info("Sales", "ring_all", 60, 128), List.of(new Change("strategy", "ring_all", "longest_idle"))),
        Arguments.of("timeoutSeconds", info("Sales", "longest_idle", 30, 128), List.of(new Change("timeoutSeconds", "30", "60"))),
        Arguments.of("maxLength", info("Sales", "longest_idle", 60, 512), List.of(new Change("maxLength", "512", "128"))),
        Arguments.of("unset on the platform", info("Sales", null, null, 128),
            List.of(new Change("strategy", null, "longest_idle"), new Change("timeoutSeconds", null, "60"))),
        Arguments.of("all four, in order", info("Old", "random", 1, 2), List.of(
            new Change("queueName", "Old", "Sales"), new Change("strategy", "random", "longest_idle"),
            new Change("timeoutSeconds", "1", "60"), new Change("maxLength", "2", "128"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diffs")
  void updatesWhatDiffers(String name, Queues.Info observed, List<Change> changes) {
    Plan<CcQueueStatus> plan = plan(observed, ours());

    assertThat(plan.ops()).containsExactly(new Op.UpdateQueue(DESIRED, changes));
  }

  @Test
  void anExistingQueueThatIsNotOursIsAConflict() {
    Plan<CcQueueStatus> plan = plan(info("Old", "random", 1, 2), Records.none(null));

    assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(plan.message()).contains("queue 9001", "ccapi.io/adopt=true");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void anExistingQueueIsAdoptedWhenAllowedAndBroughtToTheSpec() {
    Plan<CcQueueStatus> plan = plan(info("Old", "longest_idle", 60, 128), Records.none(null).withAdoptAllowed(true));

    assertThat(plan.ownership()).isEqualTo(Decision.ADOPT);
    assertThat(plan.claimId()).isEqualTo(ID);
    assertThat(plan.ops()).containsExactly(new Op.UpdateQueue(DESIRED, List.of(new Change("queueName", "Old", "Sales"))));
  }

  @Test
  void queueIdIsImmutable() {
    Records otherId = new Records(Optional.of(Claim.created("9002", UID)), false, StoredSecret.absent(null));

    Plan<CcQueueStatus> plan = plan(MATCHING, otherId);

    assertThat(plan.reason()).isEqualTo(Reason.ImmutableFieldChanged);
    assertThat(plan.message()).contains("spec.queueId", "9002", "9001");
  }

  @Test
  void statusListsBoundSeatsSorted() {
    assertThat(plan(MATCHING, ours(), "1003", "1001", "1002").status().agents).containsExactly("1001", "1002", "1003");
    assertThat(plan(MATCHING, Records.none(null), "1002", "1001").status().agents).containsExactly("1001", "1002");
  }

  static Stream<Arguments> deletions() {
    return Stream.of(
        Arguments.of("absent", false, List.of("1001"), List.of()),
        Arguments.of("no seats", true, List.of(), List.of(new Op.DeleteQueue(ID))),
        Arguments.of("seats unbound first, sorted", true, List.of("1002", "1001"), List.of(
            new Op.UnbindAgentQueues("1001", List.of(ID)), new Op.UnbindAgentQueues("1002", List.of(ID)), new Op.DeleteQueue(ID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletions")
  void deletionUnbindsEachSeatThenDeletes(String name, boolean exists, List<String> agents, List<Op> expected) {
    Plan<CcQueueStatus> plan = QueuePlanner.planDelete(ID, exists, agents);

    assertThat(plan.ops()).containsExactlyElementsOf(expected);
    assertThat(plan.exists()).isEqualTo(exists);
    assertThat(plan.message()).isEqualTo("queue 9001 deleted");
  }
}
