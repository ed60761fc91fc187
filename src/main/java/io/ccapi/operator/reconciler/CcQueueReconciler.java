package io.ccapi.operator.reconciler;

import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueStatus;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.QueuePlanner;
import io.ccapi.operator.plan.Records;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.List;

/** CcQueue: observes the queue and the seats bound to it, and plans with {@link QueuePlanner}. */
@ControllerConfiguration(name = "ccqueue")
public class CcQueueReconciler extends CcChildReconciler<CcQueue, CcQueueStatus> {
  public CcQueueReconciler(OperatorServices svc) {
    super(svc, CcQueue.class, CcQueueStatus.class);
  }

  @Override
  protected Planned<CcQueueStatus> observeAndPlan(CcQueue queue, Context<CcQueue> context, boolean observing) {
    AppConnection app = app(queue, context);
    String queueId = queue.getSpec().queueId;
    requireSoleClaimant(queue, context, "queue " + queueId);
    Records records = records(queue, null);
    Plan<CcQueueStatus> plan =
        QueuePlanner.plan(new QueuePlanner.Input(
            queue.getSpec(), svc.observer().queue(app, queueId), boundAgents(app, queueId), forPlanner(records, observing)));
    return new Planned<>(app, records, plan);
  }

  @Override
  protected Plan<CcQueueStatus> planDelete(CcQueue queue, AppConnection app, Records records, Context<CcQueue> context) {
    String queueId = queue.getSpec().queueId;
    boolean exists = svc.observer().queue(app, queueId).isPresent();
    return QueuePlanner.planDelete(queueId, exists, boundAgents(app, queueId));
  }

  private List<String> boundAgents(AppConnection app, String queueId) {
    return QueuePlanner.boundAgents(svc.observer().agents(app), queueId);
  }
}
