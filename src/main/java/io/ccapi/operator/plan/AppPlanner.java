package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcAppStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans a CcApp: create the application, or keep the one this resource created or adopts
 * ({@code spec.appId}, the explicit way to adopt a tenant), and keep name, callback, memo and number
 * hiding in line. The create sends an AppId the operator generated (the reference has the caller generate
 * it), recorded in the pending claim first: a create whose answer was lost is found again by that AppId,
 * or sent again under it. Only where that cannot work — a pending claim without AppId (an older operator)
 * or a platform seen to ignore the supplied AppId — it stops ({@code CreateOutcomeUnknown}) rather than
 * risking a second tenant.
 */
public final class AppPlanner {
  private AppPlanner() {}

  /**
   * @param records the claim and the Secret {@code <name>-ccapp}
   * @param observed the application {@link #appIdToObserve} names, read from the platform (empty when
   *     none is named, or when only a pending claim names it and the platform does not know it)
   * @param newAppId a fresh AppId, sent if this plan creates the application
   * @param appIdsIgnored whether this endpoint was seen to answer a create with another AppId than the one sent
   * @param config its relay numbers and the webhook events this resource sent
   */
  public record Input(CcAppSpec spec, Records records, Optional<Apps.App> observed, String newAppId, boolean appIdsIgnored,
      AppConfigPlanner.Observed config) {
    public Input(CcAppSpec spec, Records records, Optional<Apps.App> observed, String newAppId, boolean appIdsIgnored) {
      this(spec, records, observed, newAppId, appIdsIgnored, AppConfigPlanner.Observed.NONE);
    }
  }

  /**
   * The AppId this resource manages (its own records first, then spec.appId, then the AppId a create whose
   * outcome is not known yet was sent with), or null before a create.
   */
  public static String appIdToObserve(CcAppSpec spec, Records records) {
    String known = known(records);
    if (known != null) {
      return known;
    }
    return spec.appId != null ? spec.appId : pendingAppId(records).orElse(null);
  }

  /** The AppId a create was sent with whose outcome is not known yet (its pending claim's id). */
  public static Optional<String> pendingAppId(Records records) {
    return records.claim().filter(c -> !c.owned()).map(Claim::id);
  }

  /** The Secret the operator keeps for the CcApp named {@code resourceName}. */
  public static String secretName(String resourceName) {
    return KubeNames.derived(resourceName, "-ccapp");
  }

  /** Refuses an http:// endpoint unless spec.insecure allows it: the AuthToken's signatures would travel in clear. */
  public static void requireTransport(CcAppSpec spec) {
    if (spec.endpoint != null && spec.endpoint.regionMatches(true, 0, "http://", 0, 7) && !Boolean.TRUE.equals(spec.insecure)) {
      throw new ReconcileException(Reason.InvalidSpec,
          "spec.endpoint: " + spec.endpoint + " is http://, unencrypted; use https://, or set spec.insecure: true (the simulator, local development only)");
    }
  }

  public static Plan<CcAppStatus> plan(Input in) {
    CcAppStatus status = new CcAppStatus();
    status.secretName = in.records().secret().name();
    in.observed().ifPresent(app -> {
      status.appId = app.appId();
      status.extensionPrefix = app.extensionPrefix() != null ? app.extensionPrefix() : in.records().secret().get("extensionPrefix");
    });
    String subject = in.observed().map(a -> "application " + a.appId()).orElse("application \"" + in.spec().displayName + "\"");
    return Plan.guarded(subject, in.observed().isPresent(), status, () -> decide(in, subject, status));
  }

  private static Plan<CcAppStatus> decide(Input in, String subject, CcAppStatus status) {
    CcAppSpec spec = in.spec();
    in.records().secret().requireNotForeign("CcApp");
    String known = known(in.records());
    if (spec.appId != null && known != null && !spec.appId.equals(known)) {
      throw new ReconcileException(
          Reason.ImmutableFieldChanged, "spec.appId is immutable: this resource manages application " + known + ", not " + spec.appId);
    }
    if (in.observed().isEmpty()) {
      return create(in, subject, status);
    }
    Apps.App app = in.observed().get();
    boolean ours = known != null || pendingAppId(in.records()).filter(app.appId()::equals).isPresent();
    OwnershipRule.Decision decision = ours ? OwnershipRule.Decision.OURS : OwnershipRule.Decision.ADOPT;
    List<Change> changes = diff(spec, app);
    List<Op> ops = new ArrayList<>();
    if (!changes.isEmpty()) {
      ops.add(new Op.UpdateApp(app.appId(), new Apps.UpdateRequest(spec.displayName, empty(spec.callbackUrl), spec.hideUserNumber, empty(spec.memo)), changes));
    }
    ops.addAll(AppConfigPlanner.plan(spec, app.appId(), in.config(), status));
    if (secretKnown(app, in.records())) {
      return Plan.go(subject, true, decision, app.appId(), ops, status, subject + " is ready", List.of());
    }
    String unknown = "the app Secret is not known: none is stored and GET apps did not return it; copy it from the platform into key 'secret' of Secret "
        + in.records().secret().name() + " (a value stored there is kept)";
    return Plan.go(subject, true, decision, app.appId(), ops, status, subject + " is ready; " + unknown,
        List.of(new Notice(EventReason.SecretUnknown, subject + ": " + unknown)));
  }

  private static Plan<CcAppStatus> create(Input in, String subject, CcAppStatus status) {
    Optional<Claim> pending = in.records().claim().filter(c -> !c.owned());
    String appId = pending.isPresent() ? pending.get().id() : in.newAppId();
    if (pending.isPresent() && (appId == null || in.appIdsIgnored())) {
      return Plan.stop(subject, false, status, Reason.CreateOutcomeUnknown, outcomeUnknown(in, pending.get()));
    }
    CcAppSpec spec = in.spec();
    Apps.CreateRequest request = new Apps.CreateRequest(
        spec.displayName, typeCode(spec), empty(spec.callbackUrl), spec.hideUserNumber, spec.memo);
    // a pending claim's AppId is sent again: the platform does not know it, and a duplicate would answer 100004
    return Plan.go(subject, false, OwnershipRule.Decision.CREATE, null,
        List.of(new Op.CreateApp(appId, request, in.records().secret().name())), status, "application is ready", List.of());
  }

  /** The AppId a create in {@code ops} sent, if the platform answered it with another one ({@code created}). */
  public static Optional<String> ignoredAppId(List<Op> ops, Apps.App created) {
    return ops.stream().filter(Op.CreateApp.class::isInstance).map(op -> ((Op.CreateApp) op).appId())
        .filter(sent -> sent != null && !sent.equals(created.appId())).findFirst();
  }

  private static String outcomeUnknown(Input in, Claim pending) {
    String why = pending.id() == null
        ? "it was sent without an AppId (by an older operator)"
        : "the platform ignores the AppId the operator sends (a create was answered with another one), so GET apps cannot find " + pending.id();
    return "creating the application was attempted at " + pending.since() + " and its answer was lost; " + why
        + ". If the platform now has an application named '" + in.spec().displayName + "', set spec.appId to its AppId, otherwise remove the annotation "
        + Annotations.CLAIM + " to create it again";
  }

  private static boolean secretKnown(Apps.App app, Records records) {
    String stored = records.secret().get("secret");
    return (app.secret() != null && !app.secret().isEmpty()) || (stored != null && !stored.isEmpty());
  }

  private static String known(Records records) {
    String stored = records.secret().get("appId");
    return stored != null && !stored.isEmpty() ? stored : records.ownedId().orElse(null);
  }

  private static List<Change> diff(CcAppSpec spec, Apps.App app) {
    return new Change.Diff()
        .field("displayName", app.name(), spec.displayName)
        .field("callbackUrl", app.callbackUrl(), spec.callbackUrl)
        .field("hideUserNumber", Boolean.TRUE.equals(app.isHideUserNum()), Boolean.TRUE.equals(spec.hideUserNumber))
        .field("memo", app.memo(), spec.memo)
        .changes();
  }

  private static int typeCode(CcAppSpec spec) {
    return spec.type == CcAppSpec.AppType.telemarketing ? Apps.TYPE_TELEMARKETING : Apps.TYPE_CALL_CENTER;
  }

  private static String empty(String s) {
    return s == null ? "" : s;
  }
}
