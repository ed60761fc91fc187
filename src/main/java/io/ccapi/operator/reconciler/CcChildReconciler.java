package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcChildSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.crd.DeletionPolicy;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.Refs;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of the kinds that live inside a CcApp: they reach the platform through their app's
 * connection, one resource per platform object ({@link OwnershipRule#requireWinner}), and on deletion
 * either leave the platform object or remove it as their delete plan says, waiting while the platform's
 * rules require.
 */
public abstract class CcChildReconciler<P extends CcResource<? extends CcChildSpec, S>, S extends CcStatus>
    extends CcReconciler<P, S> {
  /** The primary cache's index of resources by {@link #claimantKey}. */
  static final String CLAIMANTS = "claimants";


  protected CcChildReconciler(OperatorServices svc, Class<P> type, Class<S> statusType) {
    super(svc, type, statusType);
  }

  /**
   * The plan that removes the platform object this resource created or adopted (deletionPolicy Delete):
   * operations, or a stop (DeletionBlocked) while it must wait. A missing object plans nothing.
   */
  protected abstract Plan<S> planDelete(P resource, AppConnection app, Records records, Context<P> context);

  /** The kind's word for messages ("CcAgent"). */
  private String kind(P resource) {
    return resource.getKind();
  }

  @Override
  public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
    context.getPrimaryCache().addIndexer(CLAIMANTS, r -> List.of(claimantKey(r)));
    List<EventSource<?, P>> sources = new ArrayList<>(moreEventSources(context));
    sources.add(referenceSource(context, CcApp.class, child -> Set.of(Refs.nameOf(child.appName()))));
    return sources;
  }

  @Override
  public DeleteControl cleanup(P resource, Context<P> context) {
    String leave = leavesPlatformObject(resource);
    if (leave != null) {
      svc.events().normal(resource, EventReason.Orphaned, "platform object left in place (" + leave + ")");
      return released(resource);
    }
    Records records = records(resource, null);
    if (records.claim().isEmpty()) {
      log.debug("{}/{} never created or adopted a platform object: nothing to delete", ns(resource), name(resource));
      return released(resource);
    }
    try {
      AppConnection app = appForDeletion(resource, context);
      return app == null ? released(resource) : delete(resource, app, records, context);
    } catch (ReconcileException e) {
      return waitForDeletion(resource, context, e.reason(), e.getMessage());
    } catch (CcapiException e) {
      return deleteFailed(resource, context, e);
    }
  }

  /** An observed or paused resource never wrote, so it went without cleanup: its platform object stays. */
  @Override
  protected void deletedUnfinalized(P resource) {
    String leave = leavesPlatformObject(resource);
    if (leave != null && resource.getSpec().deletionPolicy != DeletionPolicy.Orphan) {
      svc.events().normal(resource, EventReason.Orphaned, "platform object left in place (" + leave + ")");
    }
  }

  private DeleteControl delete(P resource, AppConnection app, Records records, Context<P> context) {
    Plan<S> plan = planDelete(resource, app, records, context);
    if (plan.stopped()) {
      return waitForDeletion(resource, context, plan.reason(), plan.message());
    }
    svc.executor().apply(new Executor.Target(resource, app, records), plan);
    svc.events().normal(resource, EventReason.Deleted, "deleted " + plan.subject() + " from the platform");
    return released(resource);
  }

  private DeleteControl deleteFailed(P resource, Context<P> context, CcapiException e) {
    if (e.errorClass() == ErrorClass.APP_NOT_FOUND) {
      svc.events().warning(resource, EventReason.Orphaned, "the app is gone from the platform: " + e.getMessage());
      return released(resource);
    }
    if (e.errorClass() == ErrorClass.BLOCKED_BY_DEPENDENCY) {
      return waitForDeletion(resource, context, Reason.DeletionBlocked, e.getMessage());
    }
    if (e.errorClass().retryable()) {
      throw e;
    }
    svc.events().warning(resource, Reason.of(e), e.getMessage());
    return waitForDeletion(resource, context, Reason.of(e), e.getMessage()).rescheduleAfter(svc.pollInterval().toMillis());
  }

  /** Why deleting this resource leaves its platform object, or null when it removes it. */
  private static String leavesPlatformObject(CcResource<? extends CcChildSpec, ?> resource) {
    if (resource.paused()) {
      return "the resource is paused with " + Annotations.PAUSED;
    }
    if (resource.managementPolicy() == ManagementPolicy.Observe) {
      return "managementPolicy Observe never writes to the platform";
    }
    return resource.getSpec().deletionPolicy == DeletionPolicy.Orphan ? "deletionPolicy Orphan" : null;
  }

  /**
   * The Ready app this child belongs to, or WaitingForApp. A paused CcApp still lends its connection:
   * pausing the app object does not pause the objects inside it.
   */
  protected AppConnection app(P resource, Context<P> context) {
    String appName = Refs.name(resource, "spec.appRef", resource.appName());
    CcApp app =
        referenced(context, CcApp.class, resource, appName)
            .orElseThrow(() -> new ReconcileException(Reason.WaitingForApp, "spec.appRef: CcApp " + appName + " does not exist in this namespace"));
    if (Reason.Unauthorized.name().equals(Conditions.readyReason(app.getStatus()))) {
      // every call of this child would be refused too: say so, not merely "waiting"
      throw new ReconcileException(Reason.Unauthorized,
          "CcApp " + appName + ": the platform refuses the credentials in its spec.credentialsSecretRef; fix that Secret and this resource follows");
    }
    if (!Conditions.isReady(app.getStatus()) && !Reason.Paused.name().equals(Conditions.readyReason(app.getStatus()))) {
      throw new ReconcileException(
          Reason.WaitingForApp,
          "spec.appRef: CcApp " + appName + " is not Ready (" + Objects.requireNonNullElse(Conditions.readyReason(app.getStatus()), "no status yet") + ")");
    }
    return svc.apps()
        .get(ns(resource), appName)
        .orElseThrow(() -> new ReconcileException(Reason.AppConnecting, "CcApp " + appName + " is Ready; this operator process has not connected to it yet"));
  }

  /**
   * Stops this resource when another one of its kind, in the same app, names the same platform id and
   * wins it ({@link OwnershipRule#winner}).
   */
  protected void requireSoleClaimant(P resource, Context<P> context, String what) {
    requireSoleClaimant(resource, context, what, resource.specExternalId());
  }

  /**
   * As {@link #requireSoleClaimant(CcResource, Context, String)}, for a kind whose platform object has no
   * id in the spec (an app's IVR: one per app); a claim on {@code claimId} counts.
   */
  protected void requireSoleClaimant(P resource, Context<P> context, String what, String claimId) {
    List<OwnershipRule.Candidate> others = context.getPrimaryCache().byIndex(CLAIMANTS, claimantKey(resource)).stream()
        .filter(other -> !other.getMetadata().getUid().equals(resource.getMetadata().getUid()))
        .map(other -> candidate(other, claimId))
        .toList();
    OwnershipRule.requireWinner(candidate(resource, claimId), others, kind(resource), what);
  }

  /**
   * What resources naming one platform object share: namespace, app and platform id, or no id for a kind
   * with one object per app (the key of the primary cache's index {@link #CLAIMANTS}, so finding the
   * others costs no scan of all resources).
   */
  static String claimantKey(CcResource<?, ?> r) {
    String app = r.appName() == null ? null : Refs.nameOf(r.appName());
    return r.getMetadata().getNamespace() + "/" + app + "/" + Objects.requireNonNullElse(r.specExternalId(), "");
  }

  OwnershipRule.Candidate candidate(P r, String claimId) {
    boolean claims = svc.claims().get(r).filter(c -> c.covers(claimId)).isPresent();
    return new OwnershipRule.Candidate(ns(r), name(r), r.getMetadata().getUid(), r.getMetadata().getCreationTimestamp(), claims);
  }

  /**
   * The app connection for a delete: the app need not be Ready (it may itself be waiting for its children
   * to go), only connected. A CcApp that no longer exists leaves nothing to call: null.
   */
  private AppConnection appForDeletion(P resource, Context<P> context) {
    String appName = Refs.nameOf(resource.appName());
    if (referenced(context, CcApp.class, resource, appName).isEmpty()) {
      svc.events().warning(resource, EventReason.Orphaned, "CcApp " + appName + " is gone; the platform object is left in place");
      return null;
    }
    return svc.apps()
        .get(ns(resource), appName)
        .orElseThrow(() -> new ReconcileException(Reason.WaitingForApp, "CcApp " + appName + " is not connected yet"));
  }
}
