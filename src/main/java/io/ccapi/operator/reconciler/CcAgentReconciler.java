package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcAgentStatus;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.AgentPlanner;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.References;
import io.ccapi.operator.plan.Refs;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CcAgent: observes the seat and resolves its CcExtension and CcQueue references, and plans with {@link
 * AgentPlanner}.
 */
@ControllerConfiguration(name = "ccagent")
public class CcAgentReconciler extends CcChildReconciler<CcAgent, CcAgentStatus> {
  public CcAgentReconciler(OperatorServices svc) {
    super(svc, CcAgent.class, CcAgentStatus.class);
  }

  public static String secretName(CcAgent agent) {
    return AgentPlanner.secretName(agent.getMetadata().getName());
  }

  @Override
  protected List<EventSource<?, CcAgent>> moreEventSources(EventSourceContext<CcAgent> context) {
    SimpleInboundEventSource<CcAgent> joinsSent = new SimpleInboundEventSource<>("queue-joins");
    svc.executor().wakeWith(kind(), (namespace, name) -> joinsSent.propagateEvent(new ResourceID(name, namespace)));
    return List.of(
        referenceSource(context, CcExtension.class, a -> names(a.getSpec().extensionRefs), CcAgentReconciler::changesPlan),
        referenceSource(context, CcQueue.class, a -> names(a.getSpec().queueRefs), CcAgentReconciler::changesPlan),
        joinsSent);
  }

  /**
   * Whether an update of a referenced CcExtension or CcQueue can change a seat's plan: what the seat reads
   * of it is its spec, whether it is Ready and whether it is being deleted. A queue's status lists its
   * seats, so it changes with every seat that joins; waking every seat of the queue for that is waste.
   */
  static boolean changesPlan(CcResource<?, ?> newer, CcResource<?, ?> older) {
    return !java.util.Objects.equals(newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())
        || Conditions.isReady(newer.getStatus()) != Conditions.isReady(older.getStatus())
        || (newer.getMetadata().getDeletionTimestamp() == null) != (older.getMetadata().getDeletionTimestamp() == null);
  }

  @Override
  protected Planned<CcAgentStatus> observeAndPlan(CcAgent agent, Context<CcAgent> context, boolean observing) {
    CcAgentSpec spec = agent.getSpec();
    AppConnection app = app(agent, context);
    requireSoleClaimant(agent, context, "agent " + spec.agentId);
    Records records = records(agent, secretName(agent));
    Optional<Agents.Details> observed = svc.observer().agent(app, spec.agentId);
    AgentPlanner.Input in = AgentPlanner.input(
        spec,
        () -> resolve(agent, context, CcExtension.class, "spec.extensionRefs", spec.extensionRefs, e -> e.getSpec().extension),
        () -> resolve(agent, context, CcQueue.class, "spec.queueRefs", spec.queueRefs, q -> q.getSpec().queueId),
        observed, forPlanner(records, observing),
        // other seats' Secrets matter only to a replacement (of an existing seat's extension), not to a create
        () -> AgentPlanner.TenantView.of(svc.observer().agents(app), svc.observer().spNumbers(app),
            observed.isPresent() ? svc.secrets().recordedExtensions(ns(agent), secretName(agent)) : Map.of()));
    return new Planned<>(app, records, AgentPlanner.plan(in));
  }

  /** After writes, status shows the seat as the platform now has it (the observer read it back). */
  @Override
  protected String applied(CcAgent agent, Planned<CcAgentStatus> planned, Executor.Result result) {
    CcAgentStatus status = planned.plan().status();
    if (!planned.plan().ops().isEmpty()) {
      svc.observer().agent(planned.app(), agent.getSpec().agentId).map(AgentPlanner::reported).ifPresent(seen -> {
        status.extensions = seen.extensions;
        status.queues = seen.queues;
      });
    }
    return planned.plan().message();
  }

  private <R extends CcResource<?, ?>> References.Resolved resolve(
      CcAgent agent, Context<CcAgent> context, Class<R> kind, String field, List<String> refs, Function<R, String> platformId) {
    Map<String, R> found = new HashMap<>();
    for (String ref : refs) {
      String name = Refs.nameOf(ref);
      referenced(context, kind, agent, name).ifPresent(r -> found.put(name, r));
    }
    return References.resolve(agent, agent.appName(), kind.getSimpleName(), field, refs, found, platformId, r -> Conditions.isReady(r.getStatus()));
  }

  @Override
  protected Plan<CcAgentStatus> planDelete(CcAgent agent, AppConnection app, Records records, Context<CcAgent> context) {
    String agentId = agent.getSpec().agentId;
    String ownExtension = svc.secrets().read(agent, secretName(agent)).get("extension");
    return AgentPlanner.planDelete(agentId, svc.observer().agent(app, agentId), ownExtension);
  }

  private static Set<String> names(List<String> refs) {
    return refs == null ? Set.of() : refs.stream().map(Refs::nameOf).collect(Collectors.toSet());
  }
}
