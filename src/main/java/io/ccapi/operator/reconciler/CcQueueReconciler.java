package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcQueueStatus;
import io.ccapi.operator.observe.PlatformObserver.Kind;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** CcQueue: creates and updates the queue; before deleting it, unbinds the seats bound to it. */
@ControllerConfiguration(name = "ccqueue")
public class CcQueueReconciler extends CcChildReconciler<CcQueue, CcQueueStatus> {
  public CcQueueReconciler(OperatorServices svc) {
    super(svc, CcQueue.class, CcQueueStatus.class);
  }

  @Override
  protected String sync(CcQueue queue, CcQueueStatus status, Context<CcQueue> context) {
    checkImmutable(queue, "spec.queueId");
    AppConnection app = app(queue, context);
    CcQueueSpec spec = queue.getSpec();
    Queues.Request desired =
        new Queues.Request(spec.queueId, spec.queueName, spec.strategy.name(), spec.timeoutSeconds, spec.maxLength);
    Optional<Queues.Info> observed = svc.observer().queue(app, spec.queueId);
    if (observed.isEmpty()) {
      create(queue, app, desired);
    } else {
      claimExisting(queue, "queue " + spec.queueId);
      if (differs(desired, observed.get())) {
        app.client().updateQueue(app.appId(), desired);
        svc.observer().written(app, Kind.QUEUES);
        svc.events().normal(queue, KubeEvents.EventReason.Updated, "updated queue " + spec.queueId);
      }
    }
    status.agents = boundAgents(app, spec.queueId);
    return "queue " + spec.queueId + " is ready";
  }

  private void create(CcQueue queue, AppConnection app, Queues.Request desired) {
    recordIntent(queue);
    try {
      app.client().createQueue(app.appId(), desired);
      svc.events().normal(queue, KubeEvents.EventReason.Created, "created queue " + desired.queueId());
    } catch (CcapiException e) {
      if (e.errorClass() != ErrorClass.CONFLICT) {
        throw e;
      }
      // our earlier create went through after all: it is ours, bring it to the spec
      app.client().updateQueue(app.appId(), desired);
    } finally {
      svc.observer().written(app, Kind.QUEUES);
    }
  }

  private List<String> boundAgents(AppConnection app, String queueId) {
    return svc.observer().agents(app).stream()
        .filter(a -> a.queues() != null && a.queues().contains(queueId))
        .map(Agents.Details::agentId)
        .sorted()
        .toList();
  }

  private static boolean differs(Queues.Request desired, Queues.Info observed) {
    return !Objects.equals(desired.queueName(), observed.name())
        || !Objects.equals(desired.strategy(), observed.strategy())
        || !Objects.equals(desired.timeout(), observed.timeout())
        || !Objects.equals(desired.maxLength(), observed.maxLength());
  }

  @Override
  protected void delete(CcQueue queue, AppConnection app, Context<CcQueue> context) {
    String queueId = queue.getSpec().queueId;
    if (svc.observer().queue(app, queueId).isEmpty()) {
      return;
    }
    for (String agentId : boundAgents(app, queueId)) {
      app.client().unbindAgentQueues(app.appId(), agentId, List.of(queueId));
      svc.observer().agentWritten(app, agentId);
    }
    try {
      ignoringNotFound(() -> app.client().deleteQueue(app.appId(), queueId));
    } finally {
      svc.observer().written(app, Kind.QUEUES);
    }
  }
}
