package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.CcSubscriptionStatus;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.SubscriptionPlanner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.Optional;

/**
 * CcSubscription: observes the subscription with the id this resource owns, or one with its platform name, and
 * plans with {@link SubscriptionPlanner}.
 */
@ControllerConfiguration(name = "ccsubscription")
public class CcSubscriptionReconciler extends CcChildReconciler<CcSubscription, CcSubscriptionStatus> {
  public CcSubscriptionReconciler(OperatorServices svc) {
    super(svc, CcSubscription.class, CcSubscriptionStatus.class);
  }

  @Override
  protected Planned<CcSubscriptionStatus> observeAndPlan(CcSubscription sub, Context<CcSubscription> context, boolean observing) {
    AppConnection app = app(sub, context);
    Records records = records(sub, null);
    Optional<Subscriptions.Subscription> recorded = ownedId(records).flatMap(id -> svc.observer().subscription(app, id));
    Optional<Subscriptions.Subscription> sameName = SubscriptionPlanner.sameName(svc.observer().subscriptions(app), SubscriptionPlanner.platformName(name(sub), sub.getSpec()));
    Subscriptions.Subscription desired = SubscriptionPlanner.desired(name(sub), sub.getSpec());
    Plan<CcSubscriptionStatus> plan =
        SubscriptionPlanner.plan(new SubscriptionPlanner.Input(desired, recorded, sameName, forPlanner(records, observing)));
    return new Planned<>(app, records, plan);
  }

  @Override
  protected String applied(CcSubscription sub, Planned<CcSubscriptionStatus> planned, Executor.Result result) {
    if (result.createdId() == null) {
      return planned.plan().message();
    }
    planned.plan().status().subscriptionId = Long.valueOf(result.createdId());
    return "subscription " + result.createdId() + " is ready";
  }

  @Override
  protected Plan<CcSubscriptionStatus> planDelete(CcSubscription sub, AppConnection app, Records records, Context<CcSubscription> context) {
    return SubscriptionPlanner.planDelete(SubscriptionPlanner.platformName(name(sub), sub.getSpec()), ownedId(records));
  }

  private static Optional<Long> ownedId(Records records) {
    return records.ownedId().map(Long::valueOf);
  }
}
