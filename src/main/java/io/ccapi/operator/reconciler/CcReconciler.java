package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Claims;
import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.StoredSecret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reconcile lifecycle of every kind: observe → plan → apply. A kind observes what its pure planner
 * compares and runs it ({@link #observeAndPlan}); this class applies the policy (Paused: nothing; Observe:
 * report the plan; Manage: the {@link Executor} carries it out) and turns the outcome, a {@link
 * ReconcileException} or a {@link CcapiException} into kstatus conditions, Events, retries and the next
 * poll.
 *
 * <p>Retryable platform errors are rethrown so JOSDK retries them with exponential backoff; terminal ones
 * are recorded as Stalled and not retried until the spec or a watched dependency changes, except the
 * reasons whose way out changes no generation ({@link Reason#recheckedEveryPoll()}).
 */
public abstract class CcReconciler<P extends CcResource<?, S>, S extends CcStatus> implements Reconciler<P> {
  static final Duration WAIT_RECHECK = Duration.ofSeconds(10);
  static final Duration DELETE_RECHECK = Duration.ofSeconds(3);
  static final int MAX_PLANNED_LINES = 20;
  static final int MAX_LINE = 240;

  protected final Logger log = LoggerFactory.getLogger(getClass());
  protected final OperatorServices svc;
  private final Class<P> type;
  private final Class<S> statusType;
  /** The controller's cache of this kind, known from the first reconcile on: what {@link #stalled} counts. */
  private final AtomicReference<IndexedResourceCache<P>> cache = new AtomicReference<>();
  /** Uids whose cleanup let them go, until their delete event: the others went without cleanup. */
  private final Set<String> released = ConcurrentHashMap.newKeySet();

  protected CcReconciler(OperatorServices svc, Class<P> type, Class<S> statusType) {
    this.svc = svc;
    this.type = type;
    this.statusType = statusType;
  }

  /** What a kind observed, the records it planned from, and its plan. */
  protected record Planned<S>(AppConnection app, Records records, Plan<S> plan) {}

  /**
   * Observes what the kind's planner compares (platform through the observer, references through
   * informers, the operator's own records) and runs the planner. With {@code observing} the planner is
   * told adoption is allowed (Observe reads any object); {@link Planned#records()} stay the real ones.
   * Throws {@link ReconcileException} when it cannot get as far as planning.
   */
  protected abstract Planned<S> observeAndPlan(P resource, Context<P> context, boolean observing);

  /** After a plan was applied: what only the live operator does with the outcome. Returns the Ready message. */
  protected String applied(P resource, Planned<S> planned, Executor.Result result) {
    return planned.plan().message();
  }

  /**
   * Whether the plan just applied must be followed by another observe and plan at once: a create whose
   * object has more to configure, which needed the id the create returned (a CcApp's relay number).
   */
  protected boolean planAgainAfter(P resource, Executor.Result result) {
    return false;
  }

  /** Whether taking over a platform object needs the adopt annotation (CcApp: spec.appId says so). */
  protected boolean adoptionNeedsAnnotation() {
    return true;
  }

  /**
   * Whether every resource of the kind carries the finalizer, written to the platform or not (a CcApp:
   * its children need its connection while they are deleted). Other kinds get it with their first write.
   */
  protected boolean alwaysFinalized() {
    return false;
  }

  /** A resource without the finalizer (it never wrote to the platform) is gone: what to say of it. */
  protected void deletedUnfinalized(P resource) {}

  /** Conditions of the kind beyond Ready, Reconciling and Stalled, set on the status about to be written. */
  protected void moreConditions(P resource, S status) {}

  /** The kind's event sources (informers on what it references). */
  protected List<EventSource<?, P>> moreEventSources(EventSourceContext<P> context) {
    return List.of();
  }

  /**
   * What deleting the resource does to its platform object (it carries the operator's finalizer): remove
   * its finalizer ({@link DeleteControl#defaultDelete()}) or wait and look again.
   */
  public abstract DeleteControl cleanup(P resource, Context<P> context);

  /**
   * Every event reaches here (JOSDK's triggerReconcilerOnAllEvents): the operator owns its finalizer, so
   * that it goes on in the same patch as the first claim ({@code Claims}), not in one of its own.
   */
  @Override
  public UpdateControl<P> reconcile(P resource, Context<P> context) {
    cache.compareAndSet(null, context.getPrimaryCache());
    if (context.isPrimaryResourceDeleted()) {
      svc.claims().forget(resource);
      if (!released.remove(resource.getMetadata().getUid())) {
        deletedUnfinalized(resource);
      }
      return UpdateControl.noUpdate();
    }
    if (resource.isMarkedForDeletion()) {
      return deleting(resource, context);
    }
    if (alwaysFinalized()) {
      svc.claims().ensureFinalizer(resource);
    }
    Outcome<S> outcome;
    try {
      outcome = resource.paused() ? paused(resource) : converge(resource, context);
    } catch (ReconcileException e) {
      S status = managedStatus(resource);
      if (e.reason() == Reason.NotFound && resource.managementPolicy() == ManagementPolicy.Observe) {
        status.inSync = false; // an object that is gone is not in sync, whatever the last look said
      }
      outcome = new Outcome<>(status, e.reason(), e.getMessage());
    } catch (CcapiException e) {
      if (e.errorClass().retryable()) {
        throw e;
      }
      outcome = new Outcome<>(managedStatus(resource), Reason.of(e), e.getMessage());
    }
    return finish(resource, outcome);
  }

  /** A resource being deleted: cleaned up if it carries the finalizer (it wrote to the platform), else left alone. */
  private UpdateControl<P> deleting(P resource, Context<P> context) {
    if (!resource.hasFinalizer(Claims.finalizer(resource))) {
      return UpdateControl.noUpdate();
    }
    DeleteControl control = cleanup(resource, context);
    if (control.isRemoveFinalizer()) {
      PrimaryUpdateAndCacheUtils.removeFinalizer(context.getClient(), resource, Claims.finalizer(resource));
      return UpdateControl.noUpdate();
    }
    UpdateControl<P> wait = UpdateControl.noUpdate();
    control.getScheduleDelay().ifPresent(wait::rescheduleAfter);
    return wait;
  }

  private Outcome<S> paused(P resource) {
    return new Outcome<>(copyStatus(resource), Reason.Paused,
        "reconciliation is paused (annotation " + Annotations.PAUSED + "=true): the platform is neither read nor written; deleting this resource leaves the platform object in place");
  }

  private Outcome<S> converge(P resource, Context<P> context) {
    boolean observing = resource.managementPolicy() == ManagementPolicy.Observe;
    for (int attempt = 0; ; attempt++) {
      Planned<S> planned = observeAndPlan(resource, context, observing);
      Plan<S> plan = planned.plan();
      if (observing) {
        return ObservePolicy.outcome(plan, adoptionNeedsAnnotation() && !planned.records().adoptAllowed());
      }
      plan.notices().forEach(n -> svc.events().warning(resource, n.reason(), n.message()));
      if (plan.stopped()) {
        return new Outcome<>(plan.status(), plan.reason(), plan.message());
      }
      Executor.Result result = svc.executor().apply(new Executor.Target(resource, planned.app(), planned.records()), plan);
      if (!result.replan() && (attempt > 0 || !planAgainAfter(resource, result))) {
        String message = applied(resource, planned, result);
        return result.waiting() == null ? new Outcome<>(plan.status(), Reason.Ready, message)
            : new Outcome<>(plan.status(), Reason.Reconciling, plan.subject() + ": " + result.waiting());
      }
      if (attempt > 0) {
        return new Outcome<>(plan.status(), Reason.Reconciling, plan.subject() + " changed while being reconciled; looking again");
      }
    }
  }

  private UpdateControl<P> finish(P resource, Outcome<S> outcome) {
    Reason reason = outcome.reason();
    log.debug("{} {}/{}: {} {}", type.getSimpleName(), ns(resource), name(resource), reason, outcome.message());
    if (reason.kind() == Reason.Kind.STALLED && !Objects.equals(reason.name(), Conditions.readyReason(resource.getStatus()))) {
      svc.events().warning(resource, reason, outcome.message());
    }
    S status = outcome.status();
    svc.conditions().apply(resource.getStatus(), status, generation(resource), reason, outcome.message());
    moreConditions(resource, status);
    UpdateControl<P> control =
        Objects.equals(json(status), json(resource.getStatus()))
            ? UpdateControl.noUpdate()
            : UpdateControl.patchStatus(withStatus(resource, status));
    return switch (reason.kind()) {
      case READY, PAUSED -> control.rescheduleAfter(svc.pollInterval());
      case PROGRESSING -> control.rescheduleAfter(min(WAIT_RECHECK, svc.pollInterval()));
      case STALLED -> reason.recheckedEveryPoll() ? control.rescheduleAfter(svc.pollInterval()) : control;
    };
  }

  @Override
  public ErrorStatusUpdateControl<P> updateErrorStatus(P resource, Context<P> context, Exception e) {
    Optional<CcapiException> platform = platformCause(e);
    Reason reason = platform.map(Reason::of).orElse(Reason.ClusterApiError);
    String message =
        platform.map(Throwable::getMessage).orElseGet(() -> "Kubernetes API call failed: " + rootCause(e).getClass().getSimpleName() + ": " + rootCause(e).getMessage());
    log.warn("{} {}/{}: {} (retrying with backoff)", type.getSimpleName(), ns(resource), name(resource), message);
    log.debug("{} {}/{} failure", type.getSimpleName(), ns(resource), name(resource), e);
    svc.events().warning(resource, reason, message);
    S status = copyStatus(resource);
    svc.conditions().apply(resource.getStatus(), status, generation(resource), reason, message);
    return ErrorStatusUpdateControl.patchStatus(withStatus(resource, status));
  }

  /** The platform error behind an exception, however JOSDK (metrics, retries) wrapped it. */
  static Optional<CcapiException> platformCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CcapiException ce) {
        return Optional.of(ce);
      }
    }
    return Optional.empty();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The kind's name, e.g. CcAgent. */
  public String kind() {
    return type.getSimpleName();
  }

  /** How many resources of this kind are Stalled now (the gauge ccapi_resources_stalled). */
  public long stalled() {
    IndexedResourceCache<P> known = cache.get();
    return known == null ? 0 : known.list().filter(r -> Conditions.isStalled(r.getStatus())).count();
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
    return referenceSource(context, refType, refs, (newer, older) -> true);
  }

  /** As above, waking the referrers only for the updates {@code wakes} accepts. */
  protected <R extends HasMetadata> InformerEventSource<R, P> referenceSource(
      EventSourceContext<P> context, Class<R> refType, Function<P, Set<String>> refs, OnUpdateFilter<? super R> wakes) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(refType, type)
            .withNamespacesInheritedFromController()
            .withOnUpdateFilter(wakes)
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
  protected <R extends HasMetadata> Optional<R> referenced(Context<P> context, Class<R> refType, P primary, String name) {
    InformerEventSource<R, P> source =
        (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(refType);
    return source.get(new ResourceID(name, primary.getMetadata().getNamespace()));
  }

  /** The operator's records for {@code resource}: its claim, the adopt annotation and its Secret. */
  protected Records records(P resource, String secretName) {
    StoredSecret secret = secretName == null ? StoredSecret.absent(null) : svc.secrets().read(resource, secretName);
    return new Records(svc.claims().get(resource), resource.adoptionAllowed(), secret);
  }

  /** The records a planner gets: under Observe, adoption is allowed (reading takes nothing over). */
  protected static Records forPlanner(Records records, boolean observing) {
    return observing ? records.withAdoptAllowed(true) : records;
  }

  protected DeleteControl released(P resource) {
    svc.claims().forget(resource);
    released.add(resource.getMetadata().getUid());
    return DeleteControl.defaultDelete();
  }

  protected DeleteControl waitForDeletion(P resource, Context<P> context, Reason reason, String message) {
    S status = copyStatus(resource);
    svc.conditions().apply(resource.getStatus(), status, generation(resource), reason, message);
    if (!Objects.equals(json(status), json(resource.getStatus()))) {
      try {
        context.getClient().resources(type).inNamespace(ns(resource)).withName(name(resource)).editStatus(r -> {
          r.setStatus(status);
          return r;
        });
      } catch (RuntimeException e) {
        log.debug("status of {}/{} not written during deletion: {}", ns(resource), name(resource), e.getMessage());
      }
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(DELETE_RECHECK.toMillis());
  }

  /** The status as it was, without the Observe-only fields (they describe a plan no longer shown). */
  private S managedStatus(P resource) {
    S status = copyStatus(resource);
    if (resource.managementPolicy() != ManagementPolicy.Observe) {
      status.inSync = null;
      status.plannedOperations = null;
    }
    return status;
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
      fresh.setMetadata(new ObjectMetaBuilder().withName(name(resource)).withNamespace(ns(resource)).build());
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
