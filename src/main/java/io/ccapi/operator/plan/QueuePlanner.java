package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcQueueStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans a CcQueue: create, adopt or update the queue; on deletion, unbind its seats, then delete it. */
public final class QueuePlanner {
  private QueuePlanner() {}

  /**
   * @param observed the queue in the platform, if any
   * @param boundAgents seats bound to it in the platform (the queue list has none: they come from seats)
   */
  public record Input(CcQueueSpec spec, Optional<Queues.Info> observed, List<String> boundAgents, Records records) {}

  public static Plan<CcQueueStatus> plan(Input in) {
    String subject = "queue " + in.spec().queueId;
    CcQueueStatus status = new CcQueueStatus();
    status.agents = in.boundAgents().stream().sorted().toList();
    return Plan.guarded(subject, in.observed().isPresent(), status, () -> decide(in, subject, status));
  }

  private static Plan<CcQueueStatus> decide(Input in, String subject, CcQueueStatus status) {
    CcQueueSpec spec = in.spec();
    Immutable.require(in.records(), "spec.queueId", spec.queueId);
    Queues.Request desired = desired(spec);
    OwnershipRule.Decision decision = OwnershipRule.decide(in.observed().isPresent(), in.records(), spec.queueId);
    List<Op> ops = new ArrayList<>();
    switch (decision) {
      case CREATE -> ops.add(new Op.CreateQueue(desired));
      case CONFLICT -> {
        return Plan.stop(subject, true, status, Reason.AlreadyExists, OwnershipRule.conflict(subject));
      }
      default -> {
        List<Change> changes = diff(desired, in.observed().get());
        if (!changes.isEmpty()) {
          ops.add(new Op.UpdateQueue(desired, changes));
        }
      }
    }
    return Plan.go(subject, in.observed().isPresent(), decision, spec.queueId, ops, status, subject + " is ready", List.of());
  }

  /** Seats are unbound first: the platform refuses to delete a queue that has some. */
  public static Plan<CcQueueStatus> planDelete(String queueId, boolean exists, List<String> boundAgents) {
    List<Op> ops = new ArrayList<>();
    if (exists) {
      boundAgents.stream().sorted().forEach(agent -> ops.add(new Op.UnbindAgentQueues(agent, List.of(queueId))));
      ops.add(new Op.DeleteQueue(queueId));
    }
    return Plan.deleting("queue " + queueId, exists, ops, new CcQueueStatus());
  }

  /** The seats bound to {@code queueId} among the observed seats ({@link Input#boundAgents}), sorted. */
  public static List<String> boundAgents(List<Agents.Details> seats, String queueId) {
    return seats.stream()
        .filter(a -> a.queues() != null && a.queues().contains(queueId))
        .map(Agents.Details::agentId)
        .sorted()
        .toList();
  }

  static Queues.Request desired(CcQueueSpec spec) {
    return new Queues.Request(spec.queueId, spec.queueName, spec.strategy.name(), spec.timeoutSeconds, spec.maxLength);
  }

  private static List<Change> diff(Queues.Request desired, Queues.Info observed) {
    return new Change.Diff()
        .field("queueName", observed.name(), desired.queueName())
        .field("strategy", observed.strategy(), desired.strategy())
        .field("timeoutSeconds", observed.timeout(), desired.timeout())
        .field("maxLength", observed.maxLength(), desired.maxLength())
        .changes();
  }
}
