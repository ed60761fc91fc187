package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcIvrSpec;
import io.ccapi.operator.crd.CcIvrStatus;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.IvrPlanner;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.Refs;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CcIvr: observes the app's voice files, default voices and fast router (one list each per poll),
 * resolves the router's CcQueue references (each must be Ready) and plans with {@link IvrPlanner}.
 */
@ControllerConfiguration(name = "ccivr")
public class CcIvrReconciler extends CcChildReconciler<CcIvr, CcIvrStatus> {
  public CcIvrReconciler(OperatorServices svc) {
    super(svc, CcIvr.class, CcIvrStatus.class);
  }

  @Override
  protected List<EventSource<?, CcIvr>> moreEventSources(EventSourceContext<CcIvr> context) {
    return List.of(referenceSource(context, CcQueue.class, ivr -> queueNames(ivr.getSpec())));
  }

  @Override
  protected Planned<CcIvrStatus> observeAndPlan(CcIvr ivr, Context<CcIvr> context, boolean observing) {
    AppConnection app = app(ivr, context);
    requireSoleClaimant(ivr, context, "the IVR of application " + app.appId(), app.appId());
    Records records = records(ivr, null);
    CcIvrSpec spec = ivr.getSpec();
    Plan<CcIvrStatus> plan = IvrPlanner.plan(new IvrPlanner.Input(
        spec, app.appId(), appManaged(ivr, context), forPlanner(records, observing), queueIds(ivr, context),
        svc.observer().voiceFiles(app),
        spec.defaultVoices == null ? Map.of() : svc.observer().defaultVoices(app),
        spec.fastRouter == null ? List.of() : svc.observer().fastRouter(app),
        registered(ivr)));
    return new Planned<>(app, records, plan);
  }

  /** After writes: the files this resource registered, and the router as it now is. */
  @Override
  protected String applied(CcIvr ivr, Planned<CcIvrStatus> planned, Executor.Result result) {
    CcIvrStatus status = planned.plan().status();
    Set<String> files = new LinkedHashSet<>(registered(ivr));
    for (Op op : planned.plan().ops()) {
      if (op instanceof Op.CreateVoiceFile o) {
        files.add(o.file().fileName());
      } else if (op instanceof Op.DeleteVoiceFile o) {
        files.remove(o.fileName());
      } else if (op instanceof Op.SetFastRouter o) {
        status.fastRouter = o.routes().isEmpty() ? null : IvrPlanner.lines(o.routes());
      }
    }
    status.voiceFiles = files.isEmpty() ? null : new ArrayList<>(files);
    return planned.plan().message();
  }

  @Override
  protected Plan<CcIvrStatus> planDelete(CcIvr ivr, AppConnection app, Records records, Context<CcIvr> context) {
    return IvrPlanner.planDelete(app.appId(), ivr.getSpec(), svc.observer().voiceFiles(app), registered(ivr));
  }

  /** Whether the app's CcApp manages the application: then its IVR is this resource's to manage. */
  private boolean appManaged(CcIvr ivr, Context<CcIvr> context) {
    return referenced(context, CcApp.class, ivr, Refs.nameOf(ivr.appName()))
        .map(a -> a.managementPolicy() == ManagementPolicy.Manage)
        .orElse(false);
  }

  /** The queue id of each fast router entry, in order ({@link IvrPlanner#queueIds}). */
  private List<String> queueIds(CcIvr ivr, Context<CcIvr> context) {
    Map<String, CcQueue> found = new HashMap<>();
    Objects.requireNonNullElse(ivr.getSpec().fastRouter, List.<CcIvrSpec.FastRoute>of())
        .forEach(r -> referenced(context, CcQueue.class, ivr, Refs.nameOf(r.queueRef)).ifPresent(q -> found.put(Refs.nameOf(r.queueRef), q)));
    return IvrPlanner.queueIds(ivr, found, q -> Conditions.isReady(q.getStatus()));
  }

  private static List<String> registered(CcIvr ivr) {
    return ivr.getStatus() == null || ivr.getStatus().voiceFiles == null ? List.of() : ivr.getStatus().voiceFiles;
  }

  private static Set<String> queueNames(CcIvrSpec spec) {
    return spec == null || spec.fastRouter == null ? Set.of() : spec.fastRouter.stream().map(r -> Refs.nameOf(r.queueRef)).collect(Collectors.toSet());
  }
}
