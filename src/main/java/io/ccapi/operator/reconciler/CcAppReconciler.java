package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Ownership;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.plan.Refs;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcAppStatus;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * CcApp: loads the account credentials, creates (or adopts) the application, keeps name, callback, memo
 * and number hiding in line, stores AppId and app Secret in {@code <name>-ccapp}, and publishes the
 * connection its children use. The platform has no app delete: deletion waits for the children, then
 * leaves the tenant in place and says so.
 */
@ControllerConfiguration(name = "ccapp")
public class CcAppReconciler extends CcReconciler<CcApp, CcAppStatus> {
  static final String KEY_SID = "sid";
  static final String KEY_AUTH_TOKEN = "authToken";

  public CcAppReconciler(OperatorServices svc) {
    super(svc, CcApp.class, CcAppStatus.class);
  }

  public static String secretName(CcApp app) {
    return app.getMetadata().getName() + "-ccapp";
  }

  @Override
  protected List<EventSource<?, CcApp>> moreEventSources(EventSourceContext<CcApp> context) {
    return List.of(
        referenceSource(context, Secret.class, app -> Set.of(Refs.nameOf(app.getSpec().credentialsSecretRef))));
  }

  @Override
  protected String sync(CcApp app, CcAppStatus status, Context<CcApp> context) {
    CcAppSpec spec = app.getSpec();
    CcapiClient client = svc.clients().create(spec.endpoint, credentials(app, context));
    String secretName = secretName(app);
    Map<String, String> stored = svc.secrets().read(ns(app), secretName);
    String known = stored.getOrDefault("appId", svc.ownership().get(app, Ownership.EXTERNAL_ID).orElse(null));
    if (spec.appId != null && known != null && !spec.appId.equals(known)) {
      throw new ReconcileException(
          Reason.ImmutableFieldChanged,
          "spec.appId is immutable: this resource manages application " + known + ", not " + spec.appId);
    }
    Apps.App platform;
    if (known != null || spec.appId != null) {
      platform = observeAndUpdate(app, client, Objects.requireNonNullElse(known, spec.appId), known == null);
      store(app, platform);
    } else {
      platform = create(app, client); // stores what it created before anything else
    }
    String prefix = Objects.requireNonNullElse(platform.extensionPrefix(), stored.get("extensionPrefix"));
    status.appId = platform.appId();
    status.extensionPrefix = prefix;
    status.secretName = secretName;
    svc.apps().put(new AppConnection(ns(app), name(app), platform.appId(), prefix, client));
    return "application " + platform.appId() + " is ready";
  }

  private Apps.App create(CcApp app, CcapiClient client) {
    svc.ownership()
        .get(app, Ownership.CREATE_PENDING)
        .ifPresent(
            since -> {
              throw new ReconcileException(
                  Reason.CreateOutcomeUnknown,
                  "creating the application was attempted at " + since + " and its answer was lost; if the platform now has an application named '"
                      + app.getSpec().displayName + "', set spec.appId to its AppId, otherwise remove the annotation "
                      + Ownership.CREATE_PENDING + " to create it again");
            });
    svc.ownership().set(app, Ownership.CREATE_PENDING, Instant.now().toString());
    Apps.App created;
    try {
      created = client.createApp(new Apps.CreateRequest(
          app.getSpec().displayName, typeCode(app.getSpec()), nullToEmpty(app.getSpec().callbackUrl),
          app.getSpec().hideUserNumber, app.getSpec().memo));
    } catch (CcapiException e) {
      if (!e.mayHaveBeenApplied()) {
        svc.ownership().set(app, Ownership.CREATE_PENDING, null); // refused or never sent: nothing was created
      }
      throw e;
    }
    // The AppId and Secret exist only in this answer: store them before anything else can fail.
    store(app, created);
    svc.ownership().set(app, Ownership.EXTERNAL_ID, created.appId());
    svc.ownership().set(app, Ownership.CREATE_PENDING, null);
    svc.events().normal(app, KubeEvents.EventReason.Created, "created application " + created.appId());
    return created;
  }

  /** Writes the application's AppId, callback Secret, prefix and endpoint into {@code <name>-ccapp}. */
  private void store(CcApp app, Apps.App platform) {
    svc.secrets()
        .write(
            app,
            secretName(app),
            Map.of(
                "appId", platform.appId(),
                "secret", Objects.requireNonNullElse(platform.secret(), ""),
                "extensionPrefix", Objects.requireNonNullElse(platform.extensionPrefix(), ""),
                "endpoint", app.getSpec().endpoint));
  }

  private Apps.App observeAndUpdate(CcApp app, CcapiClient client, String appId, boolean adopting) {
    Apps.App platform = client.getApp(appId);
    if (adopting) {
      svc.ownership().set(app, Ownership.EXTERNAL_ID, appId);
      svc.events().normal(app, KubeEvents.EventReason.Adopted, "adopted application " + appId);
    }
    CcAppSpec spec = app.getSpec();
    boolean differs =
        !Objects.equals(spec.displayName, platform.name())
            || !nullToEmpty(spec.callbackUrl).equals(nullToEmpty(platform.callbackUrl()))
            || !Objects.equals(Boolean.TRUE.equals(spec.hideUserNumber), Boolean.TRUE.equals(platform.isHideUserNum()))
            || !nullToEmpty(spec.memo).equals(nullToEmpty(platform.memo()));
    if (!differs) {
      return platform;
    }
    client.updateApp(
        appId, new Apps.UpdateRequest(spec.displayName, nullToEmpty(spec.callbackUrl), spec.hideUserNumber, nullToEmpty(spec.memo)));
    svc.events().normal(app, KubeEvents.EventReason.Updated, "updated application " + appId);
    return client.getApp(appId);
  }

  private CcapiCredentials credentials(CcApp app, Context<CcApp> context) {
    String name = Refs.name(app, "spec.credentialsSecretRef", app.getSpec().credentialsSecretRef);
    Secret secret =
        referenced(context, Secret.class, app, name)
            .orElseThrow(() -> new ReconcileException(Reason.CredentialsMissing, "Secret " + name + " (spec.credentialsSecretRef) does not exist"));
    return new CcapiCredentials(key(secret, KEY_SID), key(secret, KEY_AUTH_TOKEN));
  }

  private static String key(Secret secret, String key) {
    String value = null;
    if (secret.getData() != null && secret.getData().get(key) != null) {
      value = new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    } else if (secret.getStringData() != null) {
      value = secret.getStringData().get(key);
    }
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
        List.<Class<? extends CcResource<?, ?>>>of(CcAgent.class, CcQueue.class, CcExtension.class, CcSubscription.class)) {
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
        .normal(app, KubeEvents.EventReason.TenantRetained,
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
    Map<String, String> stored = svc.secrets().read(ns(app), secretName(app));
    String appId = stored.get("appId");
    try {
      if (appId != null) {
        CcapiClient client = svc.clients().create(app.getSpec().endpoint, credentials(app, context));
        svc.apps().put(new AppConnection(ns(app), name(app), appId, stored.get("extensionPrefix"), client));
      }
    } catch (ReconcileException e) {
      log.debug("CcApp {}/{} cannot connect for its children: {}", ns(app), name(app), e.getMessage());
    }
  }

  private static int typeCode(CcAppSpec spec) {
    return spec.type == CcAppSpec.AppType.telemarketing ? Apps.TYPE_TELEMARKETING : Apps.TYPE_CALL_CENTER;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
