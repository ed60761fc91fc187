package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Ownership;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.plan.Refs;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcChildSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.crd.DeletionPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The lifecycle of the kinds that live inside a CcApp: they reach the platform through their app's
 * connection, claim platform ids (intent before create, adoption only when annotated), and on deletion
 * either orphan the platform object or remove it, waiting while the platform's rules say so.
 */
public abstract class CcChildReconciler<P extends CcResource<? extends CcChildSpec, S>, S extends CcStatus>
    extends CcReconciler<P, S> {

  protected CcChildReconciler(OperatorServices svc, Class<P> type, Class<S> statusType) {
    super(svc, type, statusType);
  }

  /**
   * Removes the platform object this resource created or adopted (deletionPolicy Delete). Throws {@link
   * ReconcileException} with DeletionBlocked or WaitingForApp while it must wait; a missing object counts
   * as deleted.
   */
  protected abstract void delete(P resource, AppConnection app, Context<P> context);

  @Override
  public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
    List<EventSource<?, P>> sources = new ArrayList<>(moreEventSources(context));
    sources.add(referenceSource(context, CcApp.class, child -> Set.of(Refs.nameOf(child.appName()))));
    return sources;
  }

  @Override
  public DeleteControl cleanup(P resource, Context<P> context) {
    if (orphans(resource)) {
      svc.events().normal(resource, KubeEvents.EventReason.Orphaned, "platform object left in place (deletionPolicy Orphan)");
      return released(resource);
    }
    if (!ownsPlatformObject(resource)) {
      log.debug("{}/{} never created or adopted a platform object: nothing to delete", ns(resource), name(resource));
      return released(resource);
    }
    try {
      AppConnection app = appForDeletion(resource, context);
      if (app == null) {
        return released(resource);
      }
      delete(resource, app, context);
      svc.events().normal(resource, KubeEvents.EventReason.Deleted, "deleted from the platform");
      return released(resource);
    } catch (ReconcileException e) {
      return waitForDeletion(resource, context, e.reason(), e.getMessage());
    } catch (CcapiException e) {
      if (e.errorClass() == ErrorClass.APP_NOT_FOUND) {
        svc.events().warning(resource, KubeEvents.EventReason.Orphaned.name(), "the app is gone from the platform: " + e.getMessage());
        return released(resource);
      }
      if (e.errorClass() == ErrorClass.BLOCKED_BY_DEPENDENCY) {
        return waitForDeletion(resource, context, Reason.DeletionBlocked, e.getMessage());
      }
      if (e.errorClass().retryable()) {
        throw e;
      }
      svc.events().warning(resource, Reason.of(e).name(), e.getMessage());
      return waitForDeletion(resource, context, Reason.of(e), e.getMessage()).rescheduleAfter(svc.pollInterval().toMillis());
    }
  }

  /** The Ready app this child belongs to, or WaitingForApp. */
  protected AppConnection app(P resource, Context<P> context) {
    String appName = Refs.name(resource, "spec.appRef", resource.appName());
    CcApp app =
        referenced(context, CcApp.class, resource, appName)
            .orElseThrow(() -> new ReconcileException(Reason.WaitingForApp, "CcApp " + appName + " does not exist in this namespace"));
    if (!Conditions.isReady(app.getStatus())) {
      throw new ReconcileException(
          Reason.WaitingForApp,
          "CcApp " + appName + " is not Ready (" + Objects.requireNonNullElse(Conditions.readyReason(app.getStatus()), "no status yet") + ")");
    }
    return svc.apps()
        .get(ns(resource), appName)
        .orElseThrow(() -> new ReconcileException(Reason.WaitingForApp, "CcApp " + appName + " is not connected yet"));
  }

  /** Refuses a change of the platform id this resource already owns. */
  protected void checkImmutable(P resource, String field) {
    String wanted = resource.specExternalId();
    svc.ownership()
        .get(resource, Ownership.EXTERNAL_ID)
        .filter(owned -> !owned.equals(wanted))
        .ifPresent(
            owned -> {
              throw new ReconcileException(
                  Reason.ImmutableFieldChanged,
                  field + " is immutable: it was " + owned + " and is now " + wanted + "; delete this resource and create a new one instead");
            });
  }

  /**
   * Decides whether an object found in the platform with no create of ours behind it may be taken over:
   * only with the annotation ccapi.io/adopt=true. Records the claim when it may.
   */
  protected void claimExisting(P resource, String what) {
    String id = resource.specExternalId();
    if (svc.ownership().get(resource, Ownership.EXTERNAL_ID).filter(id::equals).isPresent()) {
      return;
    }
    if (!svc.ownership().adoptionAllowed(resource)) {
      throw new ReconcileException(
          Reason.AlreadyExists,
          what + " already exists in the platform and was not created by this resource; annotate it with " + Ownership.ADOPT + "=true to take it over");
    }
    svc.ownership().set(resource, Ownership.EXTERNAL_ID, id);
    svc.events().normal(resource, KubeEvents.EventReason.Adopted, what + " adopted");
  }

  /** Records intent before a create, so that a retry meeting a duplicate adopts it (see observe/DESIGN.md). */
  protected void recordIntent(P resource) {
    svc.ownership().set(resource, Ownership.EXTERNAL_ID, resource.specExternalId());
  }

  /** Whether this resource created or adopted its platform object (and so may delete it). */
  protected boolean ownsPlatformObject(P resource) {
    return svc.ownership().get(resource, Ownership.EXTERNAL_ID).isPresent();
  }

  private boolean orphans(P resource) {
    return resource.getSpec().deletionPolicy == DeletionPolicy.Orphan;
  }

  /**
   * The app connection for a delete: the app need not be Ready (it may itself be waiting for its children
   * to go), only connected. A CcApp that no longer exists leaves nothing to call: null.
   */
  private AppConnection appForDeletion(P resource, Context<P> context) {
    String appName = Refs.nameOf(resource.appName());
    if (referenced(context, CcApp.class, resource, appName).isEmpty()) {
      svc.events().warning(resource, KubeEvents.EventReason.Orphaned.name(), "CcApp " + appName + " is gone; the platform object is left in place");
      return null;
    }
    return svc.apps()
        .get(ns(resource), appName)
        .orElseThrow(() -> new ReconcileException(Reason.WaitingForApp, "CcApp " + appName + " is not connected yet"));
  }

  /** Runs a platform delete; a record that is already gone counts as deleted. */
  protected static void ignoringNotFound(Runnable delete) {
    try {
      delete.run();
    } catch (CcapiException e) {
      if (e.errorClass() != ErrorClass.NOT_FOUND) {
        throw e;
      }
    }
  }
}
