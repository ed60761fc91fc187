package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Ownership;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.CcSubscriptionSpec;
import io.ccapi.operator.crd.CcSubscriptionStatus;
import io.ccapi.operator.observe.PlatformObserver.Kind;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CcSubscription: a message subscription named after the resource. Its id is assigned by the platform, so
 * it is recorded on the resource (annotation) as soon as the create answers; a create whose answer was lost
 * is found again by name.
 */
@ControllerConfiguration(name = "ccsubscription")
public class CcSubscriptionReconciler extends CcChildReconciler<CcSubscription, CcSubscriptionStatus> {
  public CcSubscriptionReconciler(OperatorServices svc) {
    super(svc, CcSubscription.class, CcSubscriptionStatus.class);
  }

  @Override
  protected String sync(CcSubscription sub, CcSubscriptionStatus status, Context<CcSubscription> context) {
    AppConnection app = app(sub, context);
    Subscriptions.Subscription desired = desired(sub, null);
    Optional<Long> id = recordedId(sub);
    Optional<Subscriptions.Subscription> observed = id.flatMap(i -> svc.observer().subscription(app, i));
    long subscriptionId;
    if (observed.isPresent()) {
      subscriptionId = id.get();
      if (differs(desired, observed.get())) {
        app.client().updateSubscription(app.appId(), subscriptionId, desired);
        svc.observer().written(app, Kind.SUBSCRIPTIONS);
        svc.events().normal(sub, KubeEvents.EventReason.Updated, "updated subscription " + subscriptionId);
      }
    } else {
      subscriptionId = findOrCreate(sub, app, desired);
    }
    status.subscriptionId = subscriptionId;
    return "subscription " + subscriptionId + " is ready";
  }

  private long findOrCreate(CcSubscription sub, AppConnection app, Subscriptions.Subscription desired) {
    Optional<Subscriptions.Subscription> sameName =
        svc.observer().subscriptions(app).stream().filter(s -> name(sub).equals(s.name()) && s.id() != null).findFirst();
    if (sameName.isPresent()) {
      boolean ours = svc.ownership().get(sub, Ownership.CREATE_PENDING).isPresent() || svc.ownership().adoptionAllowed(sub);
      if (!ours) {
        throw new ReconcileException(
            Reason.AlreadyExists,
            "a subscription named " + name(sub) + " already exists in the platform and was not created by this resource; annotate it with "
                + Ownership.ADOPT + "=true to take it over");
      }
      long id = sameName.get().id();
      record(sub, id);
      if (differs(desired, sameName.get())) {
        app.client().updateSubscription(app.appId(), id, desired);
        svc.observer().written(app, Kind.SUBSCRIPTIONS);
      }
      svc.events().normal(sub, KubeEvents.EventReason.Adopted, "took over subscription " + id);
      return id;
    }
    svc.ownership().set(sub, Ownership.CREATE_PENDING, Instant.now().toString());
    Subscriptions.CreateResult result;
    try {
      result = app.client().createSubscriptions(app.appId(), List.of(desired));
    } finally {
      svc.observer().written(app, Kind.SUBSCRIPTIONS);
    }
    Optional<Subscriptions.Created> created =
        result == null || result.subSucc() == null
            ? Optional.empty()
            : result.subSucc().stream().filter(c -> name(sub).equals(c.name())).findFirst();
    if (created.isEmpty()) {
      svc.ownership().set(sub, Ownership.CREATE_PENDING, null);
      throw new ReconcileException(
          Reason.InvalidSpec, "the platform refused subscription " + name(sub) + " (listed in sub_fail); check spec.callbackUrl and spec.events");
    }
    record(sub, created.get().id());
    svc.events().normal(sub, KubeEvents.EventReason.Created, "created subscription " + created.get().id());
    if (!Boolean.TRUE.equals(desired.enable())) {
      app.client().updateSubscription(app.appId(), created.get().id(), desired);
    }
    return created.get().id();
  }

  private void record(CcSubscription sub, long id) {
    svc.ownership().set(sub, Ownership.EXTERNAL_ID, Long.toString(id));
    svc.ownership().set(sub, Ownership.CREATE_PENDING, null);
  }

  private Optional<Long> recordedId(CcSubscription sub) {
    return svc.ownership().get(sub, Ownership.EXTERNAL_ID).map(Long::valueOf);
  }

  private Subscriptions.Subscription desired(CcSubscription sub, Long id) {
    CcSubscriptionSpec spec = sub.getSpec();
    List<String> events = spec.events.stream().map(Events.Name::name).distinct().toList();
    return new Subscriptions.Subscription(id, spec.callbackUrl, name(sub), events, spec.enabled);
  }

  private static boolean differs(Subscriptions.Subscription desired, Subscriptions.Subscription observed) {
    return !Objects.equals(desired.callback(), observed.callback())
        || !new HashSet<>(desired.events()).equals(new HashSet<>(Objects.requireNonNullElse(observed.events(), List.of())))
        || !Objects.equals(Boolean.TRUE.equals(desired.enable()), Boolean.TRUE.equals(observed.enable()));
  }

  @Override
  protected void delete(CcSubscription sub, AppConnection app, Context<CcSubscription> context) {
    long id = recordedId(sub).orElseThrow(); // ownsPlatformObject: the id is recorded
    try {
      ignoringNotFound(() -> app.client().deleteSubscription(app.appId(), id));
    } finally {
      svc.observer().written(app, Kind.SUBSCRIPTIONS);
    }
  }
}
