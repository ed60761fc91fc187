package io.ccapi.operator.reconciler;

import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionStatus;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.ExtensionPlanner;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.apply.Executor;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * CcExtension: observes whether a seat has the extension, plans with {@link ExtensionPlanner}, and keeps
 * extension and SIP number in {@code <name>-sip} next to the password.
 */
@ControllerConfiguration(name = "ccextension")
public class CcExtensionReconciler extends CcChildReconciler<CcExtension, CcExtensionStatus> {
  static final String PASSWORD_STORED = "PasswordStored";
  /** When this process last checked each unbound extension (by uid); a restart checks each once. */
  private final Map<String, Instant> checked = new ConcurrentHashMap<>();
  private final Duration checkEvery;
  private final Clock clock;

  public CcExtensionReconciler(OperatorServices svc, Duration checkEvery, Clock clock) {
    super(svc, CcExtension.class, CcExtensionStatus.class);
    this.checkEvery = checkEvery;
    this.clock = clock;
  }

  public static String secretName(CcExtension ext) {
    return ExtensionPlanner.secretName(ext.getMetadata().getName());
  }

  @Override
  protected Planned<CcExtensionStatus> observeAndPlan(CcExtension ext, Context<CcExtension> context, boolean observing) {
    AppConnection app = app(ext, context);
    String number = ext.getSpec().extension;
    requireSoleClaimant(ext, context, "extension " + number);
    Records records = records(ext, secretName(ext));
    Instant last = checked.get(ext.getMetadata().getUid());
    boolean checkDue = last == null || !last.plus(checkEvery).isAfter(clock.instant());
    Plan<CcExtensionStatus> plan =
        ExtensionPlanner.plan(new ExtensionPlanner.Input(number, boundAgent(app, number), forPlanner(records, observing), app.extensionPrefix(), checkDue));
    return new Planned<>(app, records, plan);
  }

  /** The Secret also carries extension and SIP number, also when the password is unknown. */
  @Override
  protected String applied(CcExtension ext, Planned<CcExtensionStatus> planned, Executor.Result result) {
    if (planned.plan().ops().stream().anyMatch(op -> op instanceof Op.ProbeExtension || op instanceof Op.CreateExtension)) {
      checked.put(ext.getMetadata().getUid(), clock.instant());
    }
    String number = planned.plan().status().number;
    svc.secrets().write(ext, secretName(ext), Map.of("extension", ext.getSpec().extension, "number", number == null ? "" : number));
    return planned.plan().message();
  }

  /**
   * PasswordKnown: whether {@code <name>-sip} holds the password. The platform shows it only in the answer
   * that creates the extension, so an adopted one (or one whose answer was lost) has none, and none is
   * invented.
   */
  @Override
  protected void moreConditions(CcExtension ext, CcExtensionStatus status) {
    String secret = secretName(ext);
    boolean known = svc.secrets().read(ext, secret).has("password");
    String message = known
        ? "the password of extension " + ext.getSpec().extension + " is in Secret " + secret
        : "the platform shows an extension's password only in the answer that creates it, and the operator does not hold the one of extension "
            + ext.getSpec().extension + " (Secret " + secret + " has none; no value is invented): to give it a new one, see the README, \"Renew an extension password\"";
    svc.conditions().set(ext.getStatus(), status, Conditions.PASSWORD_KNOWN, known,
        known ? PASSWORD_STORED : EventReason.PasswordUnknown.name(), message, generation(ext));
  }

  @Override
  protected DeleteControl released(CcExtension ext) {
    checked.remove(ext.getMetadata().getUid());
    return super.released(ext);
  }

  @Override
  protected Plan<CcExtensionStatus> planDelete(CcExtension ext, AppConnection app, Records records, Context<CcExtension> context) {
    return ExtensionPlanner.planDelete(ext.getSpec().extension, boundAgent(app, ext.getSpec().extension));
  }

  private Optional<String> boundAgent(AppConnection app, String number) {
    return ExtensionPlanner.boundAgent(svc.observer().agents(app), number);
  }
}
