package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reconcile lifecycle of every kind: resolve references → observe → create or update what differs
 * → write Secrets → conditions. Subclasses implement {@link #sync} and deletion ({@link
 * CcChildReconciler} for the kinds inside a CcApp); this class turns their outcome (or {@link
 * ReconcileException} / {@link CcapiException}) into kstatus conditions, Events, retries and the next
 * poll.
 *
 * <p>Retryable platform errors are rethrown so JOSDK retries them with exponential backoff; terminal
 * ones are recorded as Stalled and not retried until the spec or a watched dependency changes
 * (AlreadyExists excepted: it is looked at again every poll, since the adopt annotation that resolves it
 * changes no generation).
 */
public abstract class CcReconciler<P extends CcResource<?, S>, S extends CcStatus>
    implements Reconciler<P>, Cleaner<P> {
  static final Duration WAIT_RECHECK = Duration.ofSeconds(10);
  static final Duration DELETE_RECHECK = Duration.ofSeconds(3);

  protected final Logger log = LoggerFactory.getLogger(getClass());
  protected final OperatorServices svc;
  private final Class<P> type;
  private final Class<S> statusType;

  protected CcReconciler(OperatorServices svc, Class<P> type, Class<S> statusType) {
    this.svc = svc;
    this.type = type;
    this.statusType = statusType;
  }

  /**
   * Brings the platform to the spec and fills the kind's fields of {@code status}. Returns the Ready
   * message. Throws {@link ReconcileException} to stop with a reason, or {@link CcapiException}.
   */
  protected abstract String sync(P resource, S status, Context<P> context);

  /** The kind's event sources (informers on what it references). */
  protected List<EventSource<?, P>> moreEventSources(EventSourceContext<P> context) {
    return List.of();
  }

  @Override
  public UpdateControl<P> reconcile(P resource, Context<P> context) {
    S status = copyStatus(resource);
    Reason reason;
    String message;
    try {
      message = sync(resource, status, context);
      reason = Reason.Ready;
    } catch (ReconcileException e) {
      reason = e.reason();
      message = e.getMessage();
    } catch (CcapiException e) {
      if (e.errorClass().retryable()) {
        throw e;
      }
      reason = Reason.of(e);
      message = e.getMessage();
    }
    log.debug("{} {}/{}: {} {}", type.getSimpleName(), ns(resource), name(resource), reason, message);
    if (reason.kind() == Reason.Kind.STALLED
        && !Objects.equals(reason.name(), Conditions.readyReason(resource.getStatus()))) {
      svc.events().warning(resource, reason.name(), message);
    }
    svc.conditions().apply(resource.getStatus(), status, generation(resource), reason, message);
    UpdateControl<P> control =
        Objects.equals(json(status), json(resource.getStatus()))
            ? UpdateControl.noUpdate()
            : UpdateControl.patchStatus(withStatus(resource, status));
    return switch (reason.kind()) {
      case READY -> control.rescheduleAfter(svc.pollInterval());
      case PROGRESSING -> control.rescheduleAfter(min(WAIT_RECHECK, svc.pollInterval()));
      // AlreadyExists is the one stall whose way out changes no generation: a person annotates
      // ccapi.io/adopt=true (or removes the object from the platform), and neither wakes a reconcile.
      // Look again every poll; the other stalls wait for a spec or dependency change.
      case STALLED -> reason == Reason.AlreadyExists ? control.rescheduleAfter(svc.pollInterval()) : control;
    };
  }

  @Override
  public ErrorStatusUpdateControl<P> updateErrorStatus(P resource, Context<P> context, Exception e) {
    Reason reason = e instanceof CcapiException ce ? Reason.of(ce) : Reason.ClusterApiError;
    String message = e instanceof CcapiException ? e.getMessage() : "Kubernetes API call failed: " + e.getClass().getSimpleName();
    if (e instanceof CcapiException) {
      log.warn("{} {}/{}: {} (retrying with backoff)", type.getSimpleName(), ns(resource), name(resource), message);
    } else {
      log.warn("{} {}/{} failed", type.getSimpleName(), ns(resource), name(resource), e);
    }
    svc.events().warning(resource, reason.name(), message);
    S status = copyStatus(resource);
    svc.conditions().apply(resource.getStatus(), status, generation(resource), reason, message);
    return ErrorStatusUpdateControl.patchStatus(withStatus(resource, status));
  }

  @Override
  public List<EventSource<?, P>> prepareEventSources(EventSourceContext<P> context) {
    return moreEventSources(context);
  }

  /**
   * An informer on {@code refType} that wakes every primary whose {@code refs} name the changed object, so
   * that a dependency becoming Ready (or going away) is acted on at once.
   */
  protected <R extends HasMetadata> InformerEventSource<R, P> referenceSource(
      EventSourceContext<P> context, Class<R> refType, Function<P, Set<String>> refs) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(refType, type)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                (R ref) ->
                    context
                        .getPrimaryCache()
                        .list(ref.getMetadata().getNamespace(), p -> refs.apply(p).contains(ref.getMetadata().getName()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build(),
        context);
  }

  /** A referenced object of {@code refType} in the primary's namespace, from its informer. */
  @SuppressWarnings("unchecked")
  protected <R extends HasMetadata> java.util.Optional<R> referenced(Context<P> context, Class<R> refType, P primary, String name) {
    InformerEventSource<R, P> source =
        (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(refType);
    return source.get(new ResourceID(name, primary.getMetadata().getNamespace()));
  }

  protected DeleteControl released(P resource) {
    svc.ownership().forget(resource);
    return DeleteControl.defaultDelete();
  }

  protected DeleteControl waitForDeletion(P resource, Context<P> context, Reason reason, String message) {
    S status = copyStatus(resource);
    svc.conditions().apply(resource.getStatus(), status, generation(resource), reason, message);
    if (!Objects.equals(json(status), json(resource.getStatus()))) {
      try {
        context.getClient()
            .resources(type)
            .inNamespace(ns(resource))
            .withName(name(resource))
            .editStatus(
                r -> {
                  r.setStatus(status);
                  return r;
                });
      } catch (RuntimeException e) {
        log.debug("status of {}/{} not written during deletion: {}", ns(resource), name(resource), e.getMessage());
      }
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(DELETE_RECHECK.toMillis());
  }

  S copyStatus(P resource) {
    S status = resource.getStatus() == null ? null : Serialization.clone(resource.getStatus());
    if (status != null) {
      return status;
    }
    try {
      return statusType.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh object with only name, namespace and status: what a status patch should send. */
  private P withStatus(P resource, S status) {
    try {
      P fresh = type.getDeclaredConstructor().newInstance();
      fresh.setMetadata(
          new ObjectMetaBuilder()
              .withName(name(resource))
              .withNamespace(ns(resource))
              .build());
      fresh.setStatus(status);
      return fresh;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(Object o) {
    return o == null ? "null" : Serialization.asJson(o);
  }

  static long generation(HasMetadata r) {
    return r.getMetadata().getGeneration() == null ? 0L : r.getMetadata().getGeneration();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  protected static String ns(HasMetadata r) {
    return r.getMetadata().getNamespace();
  }

  protected static String name(HasMetadata r) {
    return r.getMetadata().getName();
  }
}
