package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.Annotations;
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
import io.ccapi.operator.ccapi.Transport;
import io.ccapi.operator.crd.CaBundleRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

  /** Endpoints seen to answer a create with another AppId than the one sent (see {@link #appIdIgnored}). */
  private final Set<String> appIdsIgnored = ConcurrentHashMap.newKeySet();

  public CcAppReconciler(OperatorServices svc) {
    super(svc, CcApp.class, CcAppStatus.class);
  }

  public static String secretName(CcApp app) {
    return AppPlanner.secretName(app.getMetadata().getName());
  }

  @Override
  protected List<EventSource<?, CcApp>> moreEventSources(EventSourceContext<CcApp> context) {
    return List.of(
        referenceSource(context, Secret.class, app -> referencedNames(app, CaBundleRef.Kind.Secret, Refs.nameOf(app.getSpec().credentialsSecretRef))),
        referenceSource(context, ConfigMap.class, app -> referencedNames(app, CaBundleRef.Kind.ConfigMap, null)));
  }

  /** The names of {@code kind} this CcApp reads: {@code also} (may be null) and its CA bundle's object. */
  private static Set<String> referencedNames(CcApp app, CaBundleRef.Kind kind, String also) {
    Set<String> names = new java.util.HashSet<>();
    if (also != null) {
      names.add(also);
    }
    CaBundleRef ca = app.getSpec().caBundleRef;
    if (ca != null && ca.kind == kind) {
      names.add(Refs.nameOf(ca.name));
    }
    return names;
  }

  @Override
  protected boolean adoptionNeedsAnnotation() {
    return false; // spec.appId is the explicit adoption
  }

  @Override
  protected Planned<CcAppStatus> observeAndPlan(CcApp app, Context<CcApp> context, boolean observing) {
    CcapiClient client = client(app, context);
    Records records = records(app, secretName(app));
    String appId = AppPlanner.appIdToObserve(app.getSpec(), records);
    if (appId != null) {
      requireSoleManager(app, context, appId, records);
    }
    boolean onlyPending = appId != null && appId.equals(AppPlanner.pendingAppId(records).orElse(null)) && !appId.equals(app.getSpec().appId);
    Optional<Apps.App> observed = appId == null ? Optional.empty() : observe(app, client, appId, observing, onlyPending);
    AppConnection connection = new AppConnection(ns(app), name(app), appId, null, client);
    Plan<CcAppStatus> plan = AppPlanner.plan(new AppPlanner.Input(app.getSpec(), forPlanner(records, observing), observed,
        UUID.randomUUID().toString(), appIdsIgnored.contains(app.getSpec().endpoint), config(app, connection, observed)));
    observed.filter(a -> !plan.stopped()).ifPresent(a -> keepConnection(app, client, a));
    return new Planned<>(connection, records, plan);
  }

  /** Its relay numbers (read once the application exists) and the webhook events this resource last sent. */
  private AppConfigPlanner.Observed config(CcApp app, AppConnection connection, Optional<Apps.App> observed) {
    return new AppConfigPlanner.Observed(
        observed.map(a -> svc.observer().spNumbers(connection)), app.getStatus() == null ? null : app.getStatus().webhookEvents);
  }

  /** A new application gets its relay number and webhook events once its AppId is known: plan again at once. */
  @Override
  protected boolean planAgainAfter(CcApp app, Executor.Result result) {
    return result.createdApp() != null && (app.getSpec().defaultSpNumber != null || app.getSpec().webhookEvents != null);
  }

  /**
   * Reads the application. An AppId only a pending claim names that the platform does not know was not
   * created: empty, so the create is sent again. Under Observe an AppId the platform does not know is
   * NotFound, as for every kind (Manage keeps AppNotFound; both are re-checked every poll). Under Manage an
   * application this resource created that the platform no longer knows says what happened and what to do
   * ({@link #vanished}).
   */
  private static Optional<Apps.App> observe(CcApp app, CcapiClient client, String appId, boolean observing, boolean onlyPending) {
    try {
      return Optional.of(client.getApp(appId));
    } catch (CcapiException e) {
      if (onlyPending && e.errorClass() == ErrorClass.APP_NOT_FOUND) {
        return Optional.empty();
      }
      if (!observing && e.errorClass() == ErrorClass.APP_NOT_FOUND && app.getSpec().appId == null) {
        throw new ReconcileException(Reason.AppNotFound, vanished(app, appId, e));
      }
      if (observing && e.errorClass() == ErrorClass.APP_NOT_FOUND) {
        throw new ReconcileException(Reason.NotFound,
            "application " + appId + " does not exist in the platform or this account cannot see it (" + e.getMessage() + "); Observe never creates it");
      }
      throw e;
    }
  }

  /**
   * The application this resource created is gone or disabled (100002 says either): never replaced by a
   * new tenant on the operator's own initiative, since a disabled one may come back with its data.
   */
  private static String vanished(CcApp app, String appId, CcapiException e) {
    return "application " + appId + ", created by this resource, is gone from the platform or disabled (" + e.getMessage()
        + "); no new application is created by itself. If it was disabled, enable it in the platform. To start a new one instead, delete Secret "
        + secretName(app) + ", then remove the annotation " + Annotations.CLAIM
        + ": a new application is created at once and this app's resources are created again in it";
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
    AppPlanner.ignoredAppId(planned.plan().ops(), created).ifPresent(sent -> appIdIgnored(app, sent, created.appId()));
    return "application " + created.appId() + " is ready";
  }

  /**
   * The platform answered a create with another AppId than the one sent: from now on (in this process) a
   * lost create answer on this endpoint cannot be resolved by GET apps, and stalls with CreateOutcomeUnknown.
   */
  private void appIdIgnored(CcApp app, String sent, String answered) {
    appIdsIgnored.add(app.getSpec().endpoint);
    svc.events().warning(app, EventReason.AppIdIgnored, "the platform created application " + answered + " although the operator sent AppId " + sent
        + "; a create on " + app.getSpec().endpoint + " whose answer is lost will stop with CreateOutcomeUnknown instead of being found again");
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

  /**
   * The client of this CcApp: the endpoint as spec.insecure and spec.caBundleRef allow, signed with the
   * credentials Secret as it is at each call (a rotated token takes effect on the next call, children's
   * included; a Secret that went away or lost a key leaves the last good values, and this CcApp stalls).
   */
  private CcapiClient client(CcApp app, Context<CcApp> context) {
    AppPlanner.requireTransport(app.getSpec());
    String pem = caBundle(app, context);
    AtomicReference<CcapiCredentials> last = new AtomicReference<>(credentials(app, context));
    Supplier<CcapiCredentials> live = () -> {
      try {
        last.set(credentials(app, context));
      } catch (ReconcileException e) {
        log.debug("CcApp {}/{}: credentials Secret unusable, keeping the last good values: {}", ns(app), name(app), e.getMessage());
      }
      return last.get();
    };
    return svc.clients().create(app.getSpec().endpoint, live, new Transport(Boolean.TRUE.equals(app.getSpec().insecure), pem));
  }

  /** The PEM of spec.caBundleRef, from its informer; null without one. */
  private String caBundle(CcApp app, Context<CcApp> context) {
    CaBundleRef ref = app.getSpec().caBundleRef;
    if (ref == null) {
      return null;
    }
    String name = Refs.name(app, "spec.caBundleRef.name", ref.name);
    Optional<Map<String, String>> data = ref.kind == CaBundleRef.Kind.ConfigMap
        ? referenced(context, ConfigMap.class, app, name).map(c -> c.getData() == null ? Map.<String, String>of() : c.getData())
        : referenced(context, Secret.class, app, name).map(StoredSecret::decode);
    String pem = data
        .orElseThrow(() -> new ReconcileException(Reason.InvalidSpec, "spec.caBundleRef: " + ref.kind + " " + name + " does not exist"))
        .get(ref.key);
    if (pem == null || pem.isBlank()) {
      throw new ReconcileException(Reason.InvalidSpec, "spec.caBundleRef: " + ref.kind + " " + name + " has no key '" + ref.key + "'");
    }
    try {
      Transport.trustManager(pem);
    } catch (IllegalArgumentException e) {
      throw new ReconcileException(Reason.InvalidSpec, "spec.caBundleRef: key '" + ref.key + "' of " + ref.kind + " " + name + " holds " + e.getMessage());
    }
    return pem;
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
  protected boolean alwaysFinalized() {
    return true;
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
        CcapiClient client = client(app, context);
        svc.apps().put(new AppConnection(ns(app), name(app), appId, records.secret().get("extensionPrefix"), client));
      }
    } catch (ReconcileException e) {
      log.debug("CcApp {}/{} cannot connect for its children: {}", ns(app), name(app), e.getMessage());
    }
  }
}
