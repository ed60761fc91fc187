package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcAppStatus;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.AppConfigPlanner;
import io.ccapi.operator.plan.AppPlanner;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.Refs;
import io.ccapi.operator.plan.StoredSecret;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * CcApp: loads the account credentials, observes the application this resource manages (or adopts with
 * spec.appId), plans with {@link AppPlanner}, keeps AppId and app Secret in {@code <name>-ccapp} and
 * publishes the connection its children use. One application has one CcApp, across namespaces. The
 * platform has no app delete: deletion waits for the children, then leaves the tenant and says so.
 */
@ControllerConfiguration(name = "ccapp")
public class CcAppReconciler extends CcReconciler<CcApp, CcAppStatus> {
  static final String KEY_SID = "sid";
  static final String KEY_AUTH_TOKEN = "authToken";

  public CcAppReconciler(OperatorServices svc) {
    super(svc, CcApp.class, CcAppStatus.class);
  }

  public static String secretName(CcApp app) {
    return AppPlanner.secretName(app.getMetadata().getName());
  }

  @Override
  protected List<EventSource<?, CcApp>> moreEventSources(EventSourceContext<CcApp> context) {
    return List.of(
        referenceSource(context, Secret.class, app -> Set.of(Refs.nameOf(app.getSpec().credentialsSecretRef))));
  }

  @Override
  protected boolean adoptionNeedsAnnotation() {
    return false; // spec.appId is the explicit adoption
  }

  @Override
  protected Planned<CcAppStatus> observeAndPlan(CcApp app, Context<CcApp> context, boolean observing) {
    CcapiClient client = svc.clients().create(app.getSpec().endpoint, credentials(app, context));
    Records records = records(app, secretName(app));
    String appId = AppPlanner.appIdToObserve(app.getSpec(), records);
    if (appId != null) {
      requireSoleManager(app, context, appId, records);
    }
    Optional<Apps.App> observed = appId == null ? Optional.empty() : Optional.of(observe(client, appId, observing));
    AppConnection connection = new AppConnection(ns(app), name(app), appId, null, client);
    AppConfigPlanner.Observed config = new AppConfigPlanner.Observed(
        observed.map(a -> svc.observer().spNumbers(connection)), app.getStatus() == null ? null : app.getStatus().webhookEvents);
    Plan<CcAppStatus> plan = AppPlanner.plan(new AppPlanner.Input(app.getSpec(), forPlanner(records, observing), observed, config));
    observed.filter(a -> !plan.stopped()).ifPresent(a -> keepConnection(app, client, a));
    return new Planned<>(connection, records, plan);
  }

  /** A new application gets its relay number and webhook events once its AppId is known: plan again at once. */
  @Override
  protected boolean planAgainAfter(CcApp app, Executor.Result result) {
    return result.createdApp() != null && (app.getSpec().defaultSpNumber != null || app.getSpec().webhookEvents != null);
  }

  /**
   * Reads the application. Under Observe an AppId the platform does not know is NotFound, as for every
   * kind: re-checked every poll (Manage keeps AppNotFound, which waits for a spec change).
   */
  private static Apps.App observe(CcapiClient client, String appId, boolean observing) {
    try {
      return client.getApp(appId);
    } catch (CcapiException e) {
      if (observing && e.errorClass() == ErrorClass.APP_NOT_FOUND) {
        throw new ReconcileException(Reason.NotFound,
            "application " + appId + " does not exist in the platform or this account cannot see it (" + e.getMessage() + "); Observe never creates it");
      }
      throw e;
    }
  }

  @Override
  protected String applied(CcApp app, Planned<CcAppStatus> planned, Executor.Result result) {
    for (Op op : planned.plan().ops()) {
      if (op instanceof Op.ReplaceWebhookEvents o) {
        planned.plan().status().webhookEvents = AppConfigPlanner.asStatus(o.categories());
      } else if (op instanceof Op.DeleteWebhookEvents) {
        planned.plan().status().webhookEvents = null;
      }
    }
    Apps.App created = result.createdApp();
    if (created == null) {
      return planned.plan().message();
    }
    planned.plan().status().appId = created.appId();
    planned.plan().status().extensionPrefix = created.extensionPrefix();
    keepConnection(app, planned.app().client(), created);
    return "application " + created.appId() + " is ready";
  }

  /** Stores what the platform shows of the app in {@code <name>-ccapp} and publishes the children's connection. */
  private void keepConnection(CcApp app, CcapiClient client, Apps.App platform) {
    Map<String, String> stored =
        svc.secrets().write(app, secretName(app), Map.of(
            "appId", platform.appId(),
            "secret", Objects.requireNonNullElse(platform.secret(), ""),
            "extensionPrefix", Objects.requireNonNullElse(platform.extensionPrefix(), ""),
            "endpoint", app.getSpec().endpoint));
    String prefix = Objects.requireNonNullElse(platform.extensionPrefix(), stored.get("extensionPrefix"));
    svc.apps().put(new AppConnection(ns(app), name(app), platform.appId(), prefix, client));
  }

  /** Refuses an application that another CcApp of this operator manages, in any watched namespace. */
  private void requireSoleManager(CcApp app, Context<CcApp> context, String appId, Records records) {
    List<OwnershipRule.Candidate> others =
        context.getPrimaryCache()
            .list(other -> !other.getMetadata().getUid().equals(app.getMetadata().getUid())
                && (appId.equals(other.getSpec().appId) || svc.claims().get(other).filter(c -> c.owned() && c.covers(appId)).isPresent()))
            .map(other -> candidate(other, svc.claims().get(other).filter(c -> c.covers(appId)).isPresent()))
            .toList();
    boolean claims = records.claimOn(appId).isPresent() || appId.equals(records.secret().get("appId"));
    OwnershipRule.requireWinner(candidate(app, claims), others, "CcApp", "application " + appId);
  }

  private static OwnershipRule.Candidate candidate(CcApp app, boolean claims) {
    return new OwnershipRule.Candidate(ns(app), name(app), app.getMetadata().getUid(), app.getMetadata().getCreationTimestamp(), claims);
  }

  private CcapiCredentials credentials(CcApp app, Context<CcApp> context) {
    String name = Refs.name(app, "spec.credentialsSecretRef", app.getSpec().credentialsSecretRef);
    Secret secret =
        referenced(context, Secret.class, app, name)
            .orElseThrow(() -> new ReconcileException(Reason.CredentialsMissing, "Secret " + name + " (spec.credentialsSecretRef) does not exist"));
    return new CcapiCredentials(key(secret, KEY_SID), key(secret, KEY_AUTH_TOKEN));
  }

  private static String key(Secret secret, String key) {
    String value = StoredSecret.decode(secret).get(key);
    if (value == null || value.isBlank()) {
      throw new ReconcileException(
          Reason.CredentialsMissing, "Secret " + secret.getMetadata().getName() + " has no key '" + key + "'");
    }
    return value.trim();
  }

  @Override
  public DeleteControl cleanup(CcApp app, Context<CcApp> context) {
    List<String> children = new ArrayList<>();
    for (Class<? extends CcResource<?, ?>> kind :
        List.<Class<? extends CcResource<?, ?>>>of(CcAgent.class, CcQueue.class, CcExtension.class, CcSubscription.class, CcIvr.class)) {
      context.getClient().resources(kind).inNamespace(ns(app)).list().getItems().stream()
          .filter(child -> name(app).equals(Refs.nameOf(child.appName())))
          .forEach(child -> children.add(child.getKind() + "/" + name(child)));
    }
    if (!children.isEmpty()) {
      connectForChildren(app, context);
      return waitForDeletion(
          app, context, Reason.DeletionBlocked, "waiting for " + children.size() + " resources of this app to be deleted first: " + String.join(", ", children));
    }
    String appId = app.getStatus() == null ? null : app.getStatus().appId;
    svc.events()
        .normal(app, EventReason.TenantRetained,
            "application " + Objects.requireNonNullElse(appId, "(never created)") + " is left in the platform: ccapi has no API to delete an application");
    svc.apps().remove(ns(app), name(app));
    return released(app);
  }

  /**
   * Children being deleted need this app's connection even though the app is not Ready any more (and,
   * after a restart, was never reconciled by this process). Best effort: without credentials the
   * children wait, as does this app.
   */
  private void connectForChildren(CcApp app, Context<CcApp> context) {
    if (svc.apps().get(ns(app), name(app)).isPresent()) {
      return;
    }
    Records records = records(app, secretName(app));
    String appId = records.secret().get("appId");
    try {
      if (appId != null) {
        CcapiClient client = svc.clients().create(app.getSpec().endpoint, credentials(app, context));
        svc.apps().put(new AppConnection(ns(app), name(app), appId, records.secret().get("extensionPrefix"), client));
      }
    } catch (ReconcileException e) {
      log.debug("CcApp {}/{} cannot connect for its children: {}", ns(app), name(app), e.getMessage());
    }
  }
}
