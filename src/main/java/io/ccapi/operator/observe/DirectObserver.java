package io.ccapi.operator.observe;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.reconciler.AppConnection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads straight from the platform on every call. Queues have no usable single GET: the list is read. */
public final class DirectObserver implements PlatformObserver {
  @Override
  public Optional<Agents.Details> agent(AppConnection app, String agentId) {
    return absentIfNotFound(() -> app.client().getAgent(app.appId(), agentId));
  }

  @Override
  public List<Agents.Details> agents(AppConnection app) {
    return app.client().listAgents(app.appId());
  }

  @Override
  public Optional<Queues.Info> queue(AppConnection app, String queueId) {
    return app.client().listQueues(app.appId()).stream().filter(q -> queueId.equals(q.queueId())).findFirst();
  }

  @Override
  public Optional<Subscriptions.Subscription> subscription(AppConnection app, long id) {
    return absentIfNotFound(() -> app.client().getSubscription(app.appId(), id));
  }

  @Override
  public List<Subscriptions.Subscription> subscriptions(AppConnection app) {
    return app.client().listSubscriptions(app.appId());
  }

  @Override
  public void written(AppConnection app, Kind kind) {
    // nothing is kept
  }

  @Override
  public void agentWritten(AppConnection app, String agentId) {
    // nothing is kept
  }

  static <T> Optional<T> absentIfNotFound(Supplier<T> read) {
    try {
      return Optional.ofNullable(read.get());
    } catch (CcapiException e) {
      if (e.errorClass() == ErrorClass.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
