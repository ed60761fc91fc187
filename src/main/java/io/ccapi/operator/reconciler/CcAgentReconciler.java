package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.plan.Refs;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcAgentStatus;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * CcAgent: the seat, its extension bindings (referenced CcExtensions plus the one created with the seat)
 * and queue bindings. Deleting it unbinds queues and referenced extensions first, as the platform
 * refuses to delete a seat that still has them; the extension created with the seat goes with it.
 */
@ControllerConfiguration(name = "ccagent")
public class CcAgentReconciler extends CcChildReconciler<CcAgent, CcAgentStatus> {
  static final int MAX_EXTENSIONS = 2;

  public CcAgentReconciler(OperatorServices svc) {
    super(svc, CcAgent.class, CcAgentStatus.class);
  }

  public static String secretName(CcAgent agent) {
    return agent.getMetadata().getName() + "-extensions";
  }

  @Override
  protected List<EventSource<?, CcAgent>> moreEventSources(EventSourceContext<CcAgent> context) {
    return List.of(
        referenceSource(context, CcExtension.class, a -> names(a.getSpec().extensionRefs)),
        referenceSource(context, CcQueue.class, a -> names(a.getSpec().queueRefs)));
  }

  @Override
  protected String sync(CcAgent agent, CcAgentStatus status, Context<CcAgent> context) {
    CcAgentSpec spec = agent.getSpec();
    checkImmutable(agent, "spec.agentId");
    int total = spec.extensionRefs.size() + (Boolean.TRUE.equals(spec.createExtension) ? 1 : 0);
    if (total > MAX_EXTENSIONS) {
      throw new ReconcileException(
          Reason.InvalidSpec,
          "spec.extensionRefs: a seat has at most " + MAX_EXTENSIONS + " extensions, and createExtension adds one; " + total + " requested");
    }
    Resolved extensionRefs;
    Resolved queueRefs;
    try {
      extensionRefs = resolve(agent, context, CcExtension.class, "spec.extensionRefs", spec.extensionRefs, e -> e.getSpec().extension);
      queueRefs = resolve(agent, context, CcQueue.class, "spec.queueRefs", spec.queueRefs, q -> q.getSpec().queueId);
    } catch (ReconcileException waiting) {
      // the seat is left alone while a reference is missing, but status keeps showing what the platform
      // has (a CcQueue that was deleted took its binding with it)
      reportObserved(agent, status, context);
      throw waiting;
    }
    Set<String> wantedExtensions = extensionRefs.ready();
    Set<String> wantedQueues = queueRefs.ready();
    AppConnection app = app(agent, context);

    Agents.Details observed = svc.observer().agent(app, spec.agentId).orElse(null);
    if (observed == null) {
      create(agent, app);
    } else {
      claimExisting(agent, "agent " + spec.agentId);
      if (differs(spec, observed)) {
        app.client().updateAgent(app.appId(), desired(spec, null));
        svc.observer().agentWritten(app, spec.agentId);
        svc.events().normal(agent, KubeEvents.EventReason.Updated, "updated agent " + spec.agentId);
      }
    }
    observed = svc.observer().agent(app, spec.agentId).orElseThrow(() -> new ReconcileException(Reason.NotFound, "agent " + spec.agentId + " vanished while being reconciled"));

    Map<String, String> created = svc.secrets().read(ns(agent), secretName(agent));
    if (created.containsKey("extension")) {
      wantedExtensions.add(created.get("extension"));
    }
    // A CcExtension being deleted keeps this seat while the spec still names it: its deletion waits
    // (DeletionBlocked) instead of taking the phone away from a seat that was not told to let go.
    Set<String> bound = extensions(observed);
    extensionRefs.deleting().stream().filter(bound::contains).forEach(wantedExtensions::add);
    String note = "";
    if (Boolean.TRUE.equals(spec.createExtension) && created.isEmpty()) {
      // The answer of the create, the only copy of the created extension's number and password, was lost
      // (or its Secret deleted): keep the extension the platform bound with the seat, and say so.
      Set<String> referenced = new HashSet<>(extensionRefs.ready());
      referenced.addAll(extensionRefs.deleting());
      java.util.Optional<String> own = bound.stream().filter(e -> !referenced.contains(e)).sorted().findFirst();
      if (own.isPresent()) {
        wantedExtensions.add(own.get());
        note = " (the password of extension " + own.get() + ", created with the seat, is unknown: the answer carrying it was lost)";
        svc.events().warning(agent, "PasswordUnknown", "agent " + spec.agentId + ":" + note);
      }
    }
    String agentId = spec.agentId;
    boolean changed =
        syncBindings(bound, wantedExtensions,
            ids -> app.client().unbindAgentExtensions(app.appId(), agentId, ids),
            ids -> app.client().bindAgentExtensions(app.appId(), agentId, ids));
    changed |=
        syncBindings(Objects.requireNonNullElse(observed.queues(), List.of()), wantedQueues,
            ids -> app.client().unbindAgentQueues(app.appId(), agentId, ids),
            ids -> app.client().bindAgentQueues(app.appId(), agentId, ids));
    if (spec.defaultSpNumber != null
        && (observed.defSpNumber() == null || !observed.defSpNumber().contains(spec.defaultSpNumber))) {
      app.client().setAgentDefaultSpNumber(app.appId(), spec.agentId, spec.defaultSpNumber);
      changed = true;
    }
    if (changed) {
      svc.observer().agentWritten(app, agentId);
      observed = svc.observer().agent(app, spec.agentId).orElse(observed);
    }
    report(status, observed);
    status.secretName = created.isEmpty() ? null : secretName(agent);
    return "agent " + spec.agentId + " is ready" + note;
  }

  private static void report(CcAgentStatus status, Agents.Details observed) {
    status.state = Agents.nameOf(Agents.State.class, observed.state());
    status.extState = Agents.nameOf(Agents.ExtState.class, observed.extState());
    status.extensions = sorted(extensions(observed));
    status.queues = sorted(Objects.requireNonNullElse(observed.queues(), List.of()));
  }

  /** Best effort: the seat's bindings as the platform has them, for a reconcile that stops early. */
  private void reportObserved(CcAgent agent, CcAgentStatus status, Context<CcAgent> context) {
    try {
      AppConnection app = app(agent, context);
      svc.observer().agent(app, agent.getSpec().agentId).ifPresent(observed -> report(status, observed));
    } catch (ReconcileException | CcapiException e) {
      log.debug("CcAgent {}/{}: platform state not read: {}", ns(agent), name(agent), e.getMessage());
    }
  }

  private void create(CcAgent agent, AppConnection app) {
    CcAgentSpec spec = agent.getSpec();
    recordIntent(agent);
    try {
      List<Extensions.Credentials> extensions =
          app.client().createAgents(app.appId(), List.of(desired(spec, Boolean.TRUE.equals(spec.createExtension))));
      // passwords exist only in this answer: store them first
      extensions.stream()
          .findFirst()
          .ifPresent(
              e ->
                  svc.secrets()
                      .write(agent, secretName(agent),
                          Map.of("extension", e.extension(), "password", e.password(), "number", Objects.requireNonNullElse(e.number(), ""))));
      svc.events().normal(agent, KubeEvents.EventReason.Created, "created agent " + spec.agentId);
    } catch (CcapiException e) {
      if (e.errorClass() != ErrorClass.CONFLICT) {
        throw e;
      }
      // an earlier create of ours went through; the update path brings it to the spec
      app.client().updateAgent(app.appId(), desired(spec, null));
    } finally {
      svc.observer().agentWritten(app, spec.agentId);
    }
  }

  /**
   * Brings one kind of binding from {@code current} to {@code wanted}: unbinding first, as the platform
   * caps a seat at two extensions. Returns whether anything changed.
   */
  private static boolean syncBindings(
      Collection<String> current, Set<String> wanted, Consumer<List<String>> unbind, Consumer<List<String>> bind) {
    List<String> toUnbind = current.stream().filter(id -> !wanted.contains(id)).sorted().toList();
    List<String> toBind = wanted.stream().filter(id -> !current.contains(id)).sorted().toList();
    if (!toUnbind.isEmpty()) {
      unbind.accept(toUnbind);
    }
    if (!toBind.isEmpty()) {
      bind.accept(toBind);
    }
    return !toUnbind.isEmpty() || !toBind.isEmpty();
  }


  /** Platform ids of resolved references: Ready ones, and ones whose object is being deleted. */
  private record Resolved(Set<String> ready, Set<String> deleting) {}

  /**
   * Resolves references to Ready objects of the same app and returns their platform ids. References
   * being deleted are set apart: the seat lets go of a queue being deleted (whose deletion unbinds its
   * seats anyway), but keeps an extension it has until the spec drops it (see {@link #sync}).
   */
  private <R extends CcResource<?, ?>> Resolved resolve(
      CcAgent agent, Context<CcAgent> context, Class<R> kind, String field, List<String> refs,
      java.util.function.Function<R, String> platformId) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> deleting = new LinkedHashSet<>();
    for (int i = 0; i < refs.size(); i++) {
      String name = Refs.name(agent, field + "[" + i + "]", refs.get(i));
      R ref =
          referenced(context, kind, agent, name)
              .orElseThrow(() -> new ReconcileException(Reason.WaitingForReference, kind.getSimpleName() + " " + name + " does not exist in this namespace"));
      if (ref.getMetadata().getDeletionTimestamp() != null) {
        deleting.add(platformId.apply(ref));
        continue;
      }
      if (!Objects.equals(Refs.nameOf(ref.appName()), Refs.nameOf(agent.appName()))) {
        throw new ReconcileException(
            Reason.InvalidSpec, field + "[" + i + "]: " + kind.getSimpleName() + " " + name + " belongs to CcApp " + ref.appName() + ", not " + agent.appName());
      }
      if (!Conditions.isReady(ref.getStatus())) {
        throw new ReconcileException(Reason.WaitingForReference, kind.getSimpleName() + " " + name + " is not Ready yet");
      }
      ids.add(platformId.apply(ref));
    }
    return new Resolved(ids, deleting);
  }

  private static Agents.Agent desired(CcAgentSpec spec, Boolean createExtension) {
    return new Agents.Agent(
        spec.agentId, spec.workId, spec.displayName, spec.mobile, spec.email, spec.role.name(), spec.enabled, createExtension, null);
  }

  private static boolean differs(CcAgentSpec spec, Agents.Details observed) {
    return !Objects.equals(spec.workId, observed.workId())
        || !Objects.equals(nullToEmpty(spec.displayName), nullToEmpty(observed.name()))
        || !Objects.equals(nullToEmpty(spec.mobile), nullToEmpty(observed.mobile()))
        || !Objects.equals(nullToEmpty(spec.email), nullToEmpty(observed.email()))
        || !Objects.equals(spec.role.name(), observed.role())
        || !Objects.equals(Boolean.TRUE.equals(spec.enabled), !Boolean.FALSE.equals(observed.enable()));
  }

  private static Set<String> extensions(Agents.Details observed) {
    return observed.extensions() == null
        ? new HashSet<>()
        : observed.extensions().stream().map(ExtensionRef::extension).collect(Collectors.toCollection(HashSet::new));
  }

  private static Set<String> names(List<String> refs) {
    return refs == null ? Set.of() : refs.stream().map(Refs::nameOf).collect(Collectors.toSet());
  }

  private static List<String> sorted(java.util.Collection<String> values) {
    return new ArrayList<>(values).stream().sorted().toList();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @Override
  protected void delete(CcAgent agent, AppConnection app, Context<CcAgent> context) {
    String agentId = agent.getSpec().agentId;
    Agents.Details observed = svc.observer().agent(app, agentId).orElse(null);
    if (observed == null) {
      return;
    }
    String ownExtension = svc.secrets().read(ns(agent), secretName(agent)).get("extension");
    List<String> queues = Objects.requireNonNullElse(observed.queues(), List.of());
    List<String> referenced = extensions(observed).stream().filter(e -> !e.equals(ownExtension)).sorted().toList();
    try {
      if (!queues.isEmpty()) {
        ignoringNotFound(() -> app.client().unbindAgentQueues(app.appId(), agentId, queues));
      }
      if (!referenced.isEmpty()) {
        ignoringNotFound(() -> app.client().unbindAgentExtensions(app.appId(), agentId, referenced));
      }
      ignoringNotFound(() -> app.client().deleteAgent(app.appId(), agentId, true));
    } finally {
      svc.observer().agentWritten(app, agentId);
    }
  }
}
