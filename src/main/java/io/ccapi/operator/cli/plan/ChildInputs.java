package io.ccapi.operator.cli.plan;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcChildSpec;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcIvrSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.observe.PlatformObserver;
import io.ccapi.operator.plan.AgentPlanner;
import io.ccapi.operator.plan.ExtensionPlanner;
import io.ccapi.operator.plan.IvrPlanner;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.QueuePlanner;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.References;
import io.ccapi.operator.plan.Refs;
import io.ccapi.operator.plan.SubscriptionPlanner;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds each child kind's planner Input as its reconciler's {@code observeAndPlan} does (observations
 * through the operator's {@link PlatformObserver}, references among the manifests) and runs the planner.
 * Without an AppId nothing is observed: every child plans a create.
 */
public final class ChildInputs {
  private final ManifestSet manifests;
  private final PlatformObserver observer;
  private final boolean recordsKnown;
  private PlanRunner runner;

  public ChildInputs(ManifestSet manifests, PlatformObserver observer, boolean recordsKnown) {
    this.manifests = manifests;
    this.observer = observer;
    this.recordsKnown = recordsKnown;
  }

  /** The runner whose earlier plans tell whether a referenced CcExtension or CcQueue can be used. */
  public ChildInputs with(PlanRunner runner) {
    this.runner = runner;
    return this;
  }

  Plan<?> plan(CcResource<? extends CcChildSpec, ?> child, Optional<AppConnection> app, PlanRunner.RecordsFor records) {
    if (child instanceof CcQueue queue) {
      return queue(queue, app, records.apply(queue, null));
    }
    if (child instanceof CcExtension ext) {
      return extension(ext, app, records.apply(ext, ExtensionPlanner.secretName(ext.getMetadata().getName())));
    }
    if (child instanceof CcAgent agent) {
      return agent(agent, app, records.apply(agent, AgentPlanner.secretName(agent.getMetadata().getName())));
    }
    if (child instanceof CcIvr ivr) {
      return ivr(ivr, app, records.apply(ivr, null));
    }
    CcSubscription sub = (CcSubscription) child;
    return subscription(sub, app, records.apply(sub, null));
  }

  /** The observer the plans read the platform through (the CcApp's relay numbers too). */
  PlatformObserver observer() {
    return observer;
  }

  private Plan<?> ivr(CcIvr ivr, Optional<AppConnection> app, Records records) {
    CcIvrSpec spec = ivr.getSpec();
    String namespace = ivr.getMetadata().getNamespace();
    boolean appManaged = manifests.find(CcApp.class, namespace, Refs.nameOf(ivr.appName()))
        .map(a -> a.managementPolicy() == ManagementPolicy.Manage).orElse(false);
    List<String> queueIds = IvrPlanner.queueIds(ivr, manifests.byName(CcQueue.class, namespace), q -> usable("CcQueue", q));
    List<String> registered = runner.liveStatus(ivr).map(s -> s.voiceFiles).orElse(null);
    return IvrPlanner.plan(new IvrPlanner.Input(spec, app.map(AppConnection::appId).orElse(null), appManaged, records, queueIds,
        app.map(observer::voiceFiles).orElse(List.of()),
        spec.defaultVoices == null ? Map.of() : app.map(observer::defaultVoices).orElse(Map.of()),
        spec.fastRouter == null ? List.of() : app.map(observer::fastRouter).orElse(List.of()),
        Objects.requireNonNullElse(registered, List.of())));
  }

  private Plan<?> queue(CcQueue queue, Optional<AppConnection> app, Records records) {
    String queueId = queue.getSpec().queueId;
    return QueuePlanner.plan(new QueuePlanner.Input(
        queue.getSpec(), app.flatMap(a -> observer.queue(a, queueId)), QueuePlanner.boundAgents(agents(app), queueId), records));
  }

  private Plan<?> extension(CcExtension ext, Optional<AppConnection> app, Records records) {
    String number = ext.getSpec().extension;
    Plan<?> plan = ExtensionPlanner.plan(new ExtensionPlanner.Input(
        number, ExtensionPlanner.boundAgent(agents(app), number), records, app.map(AppConnection::extensionPrefix).orElse(null)));
    return app.isPresent() && !recordsKnown ? UnknownExtension.asProbe(plan) : plan;
  }

  private Plan<?> agent(CcAgent agent, Optional<AppConnection> app, Records records) {
    CcAgentSpec spec = agent.getSpec();
    return AgentPlanner.plan(AgentPlanner.input(
        spec,
        () -> resolve(agent, CcExtension.class, "spec.extensionRefs", spec.extensionRefs, e -> e.getSpec().extension),
        () -> resolve(agent, CcQueue.class, "spec.queueRefs", spec.queueRefs, q -> q.getSpec().queueId),
        app.flatMap(a -> observer.agent(a, spec.agentId)), records,
        // plan reads no Secrets of other seats: a replacement's spare number is chosen from the seats alone
        () -> app.map(a -> AgentPlanner.TenantView.of(observer.agents(a), observer.spNumbers(a), Map.of())).orElse(AgentPlanner.TenantView.UNKNOWN)));
  }

  /** References among the manifests; one is usable (Ready, once applied) when its own plan does not stop. */
  private <R extends CcResource<?, ?>> References.Resolved resolve(
      CcAgent agent, Class<R> kind, String field, List<String> refs, Function<R, String> platformId) {
    String namespace = agent.getMetadata().getNamespace();
    return References.resolve(agent, agent.appName(), kind.getSimpleName(), field, refs, manifests.byName(kind, namespace), platformId,
        r -> usable(kind.getSimpleName(), r));
  }

  /** A reference among the manifests is usable (Ready, once applied) when its own plan does not stop. */
  private boolean usable(String kind, CcResource<?, ?> r) {
    return runner.planned(kind, r.getMetadata().getNamespace(), r.getMetadata().getName()).map(p -> !p.stopped()).orElse(false);
  }

  private Plan<?> subscription(CcSubscription sub, Optional<AppConnection> app, Records records) {
    String name = sub.getMetadata().getName();
    Optional<Subscriptions.Subscription> recorded =
        records.ownedId().map(Long::valueOf).flatMap(id -> app.flatMap(a -> observer.subscription(a, id)));
    Optional<Subscriptions.Subscription> sameName =
        SubscriptionPlanner.sameName(app.map(observer::subscriptions).orElse(List.of()), SubscriptionPlanner.platformName(name, sub.getSpec()));
    return SubscriptionPlanner.plan(new SubscriptionPlanner.Input(SubscriptionPlanner.desired(name, sub.getSpec()), recorded, sameName, records));
  }

  private List<Agents.Details> agents(Optional<AppConnection> app) {
    return app.map(observer::agents).orElse(List.of());
  }
}
