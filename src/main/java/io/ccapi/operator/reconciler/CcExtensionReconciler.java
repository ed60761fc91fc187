package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Ownership;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CcExtension: creates the extension and stores its password in {@code <name>-sip}. The platform has no
 * way to read an extension: a bound one is seen in its seat, an unbound one is checked by creating it
 * again (100015 means it is still there; success means it had been deleted behind our back, and the new
 * password replaces the old one).
 */
@ControllerConfiguration(name = "ccextension")
public class CcExtensionReconciler extends CcChildReconciler<CcExtension, CcExtensionStatus> {
  public CcExtensionReconciler(OperatorServices svc) {
    super(svc, CcExtension.class, CcExtensionStatus.class);
  }

  public static String secretName(CcExtension ext) {
    return ext.getMetadata().getName() + "-sip";
  }

  @Override
  protected String sync(CcExtension ext, CcExtensionStatus status, Context<CcExtension> context) {
    checkImmutable(ext, "spec.extension");
    AppConnection app = app(ext, context);
    String number = ext.getSpec().extension;
    Map<String, String> stored = svc.secrets().read(ns(ext), secretName(ext));
    Optional<String> boundAgent = boundAgent(app, number);
    boolean knownPassword = stored.containsKey("password");
    String note = "";
    if (boundAgent.isPresent()) {
      if (!knownPassword) {
        // bound to a seat, so it cannot be replaced to get a new password
        claimExisting(ext, "extension " + number);
        note = " (its password is unknown to the operator)";
        svc.events().warning(ext, "PasswordUnknown", "extension " + number + " is bound to agent " + boundAgent.get() + " and its password is unknown to the operator");
      }
    } else {
      note = ensureExists(ext, app, knownPassword);
    }
    Map<String, String> data =
        svc.secrets()
            .write(ext, secretName(ext), Map.of("extension", number, "number", sipNumber(app, number)));
    status.number = data.get("number");
    status.secretName = secretName(ext);
    status.boundAgent = boundAgent.orElse(null);
    return "extension " + number + " is ready" + note;
  }

  /**
   * Creates the extension, or learns from 100015 that it exists. Returns a note for the Ready message.
   * An unbound extension of ours whose password we do not hold (the answer of our create was lost, or its
   * Secret deleted) is replaced to get a new password: it is ours (intent recorded before the create) and
   * no seat uses it. One that is not ours is only taken over with the adopt annotation.
   */
  private String ensureExists(CcExtension ext, AppConnection app, boolean knownPassword) {
    String number = ext.getSpec().extension;
    boolean ours = ownsPlatformObject(ext);
    recordIntent(ext);
    try {
      boolean recreated = ours && knownPassword;
      create(ext, app, recreated ? KubeEvents.EventReason.Updated : KubeEvents.EventReason.Created,
          recreated ? "re-created missing extension " : "created extension ");
      return "";
    } catch (CcapiException e) {
      if (e.errorClass() != ErrorClass.CONFLICT) {
        throw e;
      }
    }
    if (knownPassword) {
      return "";
    }
    if (ours) {
      ignoringNotFound(() -> app.client().deleteExtension(app.appId(), number));
      create(ext, app, KubeEvents.EventReason.Updated, "replaced extension (its password was not known: the answer of its create was lost, or its Secret deleted) ");
      return "";
    }
    if (!svc.ownership().adoptionAllowed(ext)) {
      svc.ownership().set(ext, Ownership.EXTERNAL_ID, null);
      throw new ReconcileException(
          Reason.AlreadyExists,
          "extension " + number + " exists in the platform but was not created by this resource; delete it in the platform, or annotate this resource with "
              + Ownership.ADOPT + "=true to adopt it without a password");
    }
    svc.events().normal(ext, KubeEvents.EventReason.Adopted, "adopted extension " + number + " without its password");
    return " (adopted: password unknown)";
  }

  /** POST extensions; the password exists only in this answer, so it is stored at once. */
  private void create(CcExtension ext, AppConnection app, KubeEvents.EventReason reason, String what) {
    String number = ext.getSpec().extension;
    Extensions.Credentials created = app.client().createExtension(app.appId(), number);
    svc.secrets()
        .write(
            ext,
            secretName(ext),
            Map.of("extension", number, "password", created.password(), "number", Objects.requireNonNullElse(created.number(), "")));
    svc.events().normal(ext, reason, what + number + "; password stored in Secret " + secretName(ext));
  }

  private Optional<String> boundAgent(AppConnection app, String number) {
    return svc.observer().agents(app).stream()
        .filter(a -> a.extensions() != null && a.extensions().stream().map(ExtensionRef::extension).anyMatch(number::equals))
        .map(Agents.Details::agentId)
        .findFirst();
  }

  private static String sipNumber(AppConnection app, String number) {
    return app.extensionPrefix() == null ? "" : app.extensionPrefix() + number;
  }

  @Override
  protected void delete(CcExtension ext, AppConnection app, Context<CcExtension> context) {
    String number = ext.getSpec().extension;
    Optional<String> agent = boundAgent(app, number);
    if (agent.isPresent()) {
      throw new ReconcileException(
          Reason.DeletionBlocked,
          "extension " + number + " is bound to agent " + agent.get() + "; remove it from that CcAgent's spec.extensionRefs (or delete the CcAgent) first");
    }
    ignoringNotFound(() -> app.client().deleteExtension(app.appId(), number));
  }
}
