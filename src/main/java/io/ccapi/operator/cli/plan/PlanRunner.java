package io.ccapi.operator.cli.plan;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.Transport;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcChildSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.crd.WebhookEventCategory;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.AppConfigPlanner;
import io.ccapi.operator.plan.AppPlanner;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.Refs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Plans every manifest as the operator's reconcilers would: CcApps first (credentials, records, the
 * application read from the platform), then their children in apply order through {@link ChildInputs}.
 * Reads only: nothing here can write to the platform or the cluster.
 */
public final class PlanRunner {
  private final ManifestSet manifests;
  private final RecordSource records;
  private final CredentialSource credentials;
  private final CcapiClientFactory clients;
  private final Map<String, AppView> apps = new HashMap<>();
  private final Map<String, PlannedResource> planned = new HashMap<>();

  public PlanRunner(ManifestSet manifests, RecordSource records, CredentialSource credentials, CcapiClientFactory clients) {
    this.manifests = manifests;
    this.records = records;
    this.credentials = credentials;
    this.clients = clients;
  }

  /** One entry per manifest, in apply order ({@link ManifestSet#APPLY_ORDER}). */
  public List<PlannedResource> run(ChildInputs children) {
    List<PlannedResource> out = new ArrayList<>();
    manifests.all(CcApp.class).forEach(app -> out.add(remember(planApp(app, children))));
    for (Class<? extends CcResource<?, ?>> kind : ManifestSet.APPLY_ORDER.subList(1, ManifestSet.APPLY_ORDER.size())) {
      for (CcResource<?, ?> child : manifests.all(kind)) {
        out.add(remember(planChild(cast(child), children)));
      }
    }
    return out;
  }

  /** The CcApps whose tenant could be observed (they have an AppId), after {@link #run}. */
  public List<AppConnection> observedApps() {
    return apps.values().stream().flatMap(a -> a.observable().stream()).toList();
  }

  /** What is already planned of {@code kind} {@code namespace/name} (references are planned first). */
  public Optional<PlannedResource> planned(String kind, String namespace, String name) {
    return Optional.ofNullable(planned.get(kind + " " + namespace + "/" + name));
  }

  private PlannedResource remember(PlannedResource entry) {
    planned.put(entry.kind() + " " + entry.namespace() + "/" + entry.name(), entry);
    return entry;
  }

  /** The live object's status ({@link RecordSource#liveStatus}). */
  public <S extends CcStatus, R extends CcResource<?, S>> Optional<S> liveStatus(R manifest) {
    return records.liveStatus(manifest);
  }

  private PlannedResource planApp(CcApp app, ChildInputs children) {
    if (app.paused()) {
      apps.put(key(app), AppView.stopped("CcApp " + app.getMetadata().getName() + " is paused"));
      return paused(app);
    }
    List<String> notes = new ArrayList<>();
    Plan<?> plan = guarded("application \"" + app.getSpec().displayName + "\"", () -> planAppOrThrow(app, notes, children));
    if (plan.stopped()) {
      apps.put(key(app), AppView.stopped("CcApp " + app.getMetadata().getName() + " cannot be planned (" + plan.reason() + ")"));
    }
    return entry(app, plan, notes);
  }

  private Plan<?> planAppOrThrow(CcApp app, List<String> notes, ChildInputs children) {
    AppPlanner.requireTransport(app.getSpec());
    CcapiCredentials account = credentials.of(app);
    // plan reads the endpoint with the system's CAs (a spec.caBundleRef is not read here)
    CcapiClient client = clients.create(app.getSpec().endpoint, () -> account, new Transport(Boolean.TRUE.equals(app.getSpec().insecure), null));
    Records recs = records.records(app, AppPlanner.secretName(app.getMetadata().getName()));
    String appId = AppPlanner.appIdToObserve(app.getSpec(), recs);
    Optional<Apps.App> observed = appId == null ? Optional.empty() : observeApp(client, appId, recs);
    AppConnection connection = new AppConnection(ns(app), app.getMetadata().getName(), appId, null, client);
    AppConfigPlanner.Observed config = new AppConfigPlanner.Observed(
        observed.map(a -> children.observer().spNumbers(connection)), observed.isPresent() ? sentWebhookEvents(app, notes) : null);
    Plan<?> plan = AppPlanner.plan(new AppPlanner.Input(app.getSpec(), forPlanner(app, recs), observed, UUID.randomUUID().toString(), false, config));
    if (observed.isPresent()) {
      String prefix = Objects.requireNonNullElse(observed.get().extensionPrefix(), recs.secret().get("extensionPrefix"));
      apps.put(key(app), AppView.connected(new AppConnection(ns(app), app.getMetadata().getName(), appId, prefix, client)));
    } else {
      apps.put(key(app), AppView.notCreated());
      notes.add("no AppId yet (spec.appId unset" + (records.known() ? ", none recorded" : "") + "): its children cannot be observed and are planned as creates");
      if (app.getSpec().defaultSpNumber != null || app.getSpec().webhookEvents != null) {
        notes.add("spec.defaultSpNumber and spec.webhookEvents are applied right after the create, once the AppId is known");
      }
    }
    return plan;
  }

  /** The application; one only a pending claim names that the platform does not know was not created. */
  private static Optional<Apps.App> observeApp(CcapiClient client, String appId, Records recs) {
    try {
      return Optional.of(client.getApp(appId));
    } catch (CcapiException e) {
      if (e.errorClass() == ErrorClass.APP_NOT_FOUND && AppPlanner.pendingAppId(recs).filter(appId::equals).isPresent()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * What the operator last sent to webhooks/events, from the live CcApp's status: ccapi has no read of
   * them. Without a cluster that record is not known; the manifest's list is assumed sent, and a note
   * says so.
   */
  private List<WebhookEventCategory> sentWebhookEvents(CcApp app, List<String> notes) {
    if (records.known()) {
      return liveStatus(app).map(s -> s.webhookEvents).orElse(null);
    }
    if (app.getSpec().webhookEvents != null) {
      notes.add("spec.webhookEvents: ccapi cannot show webhook events and without a cluster the operator's record of what it sent was not read; assumed as the manifest says");
    }
    return app.getSpec().webhookEvents;
  }

  private <R extends CcResource<? extends CcChildSpec, ?>> PlannedResource planChild(R child, ChildInputs children) {
    if (child.paused()) {
      return paused(child);
    }
    Plan<?> plan = guarded(child.getKind() + " " + child.getMetadata().getName(), () -> {
      AppView app = appOf(child);
      return children.plan(child, app.observable(), (resource, secretName) -> forPlanner(resource, records.records(resource, secretName)));
    });
    return entry(child, plan, List.of());
  }

  /** The app a child belongs to, among the manifests; WaitingForApp otherwise, as the reconcilers. */
  private AppView appOf(CcResource<? extends CcChildSpec, ?> child) {
    String appName = Refs.name(child, "spec.appRef", child.appName());
    AppView app = apps.get(ns(child) + "/" + appName);
    if (app == null) {
      throw new ReconcileException(Reason.WaitingForApp, "CcApp " + appName + " is not among the manifests in namespace " + ns(child));
    }
    if (app.stopped() != null) {
      throw new ReconcileException(Reason.WaitingForApp, app.stopped());
    }
    return app;
  }

  private PlannedResource entry(CcResource<?, ?> resource, Plan<?> plan, List<String> notes) {
    List<String> all = new ArrayList<>(notes);
    boolean observing = resource.managementPolicy() == ManagementPolicy.Observe;
    if (observing && !plan.stopped()) {
      all.add("managementPolicy Observe: these operations are reported, never applied");
    }
    if (plan.ops().stream().anyMatch(op -> op.verb() == Op.Verb.PROBE)) {
      all.add("if it is missing, the operator's check creates it; not counted as a change");
    }
    if (records.known()) {
      plan.notices().forEach(n -> all.add(n.message()));
    }
    return new PlannedResource(resource.getKind(), ns(resource), resource.getMetadata().getName(), plan, !observing, all);
  }

  private static PlannedResource paused(CcResource<?, ?> resource) {
    return new PlannedResource(resource.getKind(), ns(resource), resource.getMetadata().getName(), null, false,
        List.of("paused (annotation ccapi.io/paused=true): the operator neither reads nor writes it"));
  }

  /** Under managementPolicy Observe the planner is told adoption is allowed, as the reconcilers do. */
  private static Records forPlanner(CcResource<?, ?> resource, Records recs) {
    return resource.managementPolicy() == ManagementPolicy.Observe ? recs.withAdoptAllowed(true) : recs;
  }

  /** A planner run; the checks the reconcilers make before planning, and platform errors, become a stop. */
  private static Plan<?> guarded(String subject, Supplier<Plan<?>> planner) {
    try {
      return planner.get();
    } catch (ReconcileException e) {
      return Plan.stop(subject, null, null, e.reason(), e.getMessage());
    } catch (CcapiException e) {
      return Plan.stop(subject, null, null, Reason.of(e), e.getMessage());
    }
  }

  /** How a child's planner gets its records (a resource and the Secret the operator keeps for it). */
  public interface RecordsFor extends BiFunction<CcResource<?, ?>, String, Records> {}

  @SuppressWarnings("unchecked")
  private static <R extends CcResource<? extends CcChildSpec, ?>> R cast(CcResource<?, ?> resource) {
    return (R) resource;
  }

  private static String key(CcApp app) {
    return ns(app) + "/" + app.getMetadata().getName();
  }

  private static String ns(CcResource<?, ?> r) {
    return r.getMetadata().getNamespace();
  }
}
