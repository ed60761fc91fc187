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
 * hiding in line. POST apps has no natural key: a create whose answer was lost stops the resource
 * ({@code CreateOutcomeUnknown}) rather than risking a second tenant.
 */
public final class AppPlanner {
  private AppPlanner() {}

  /**
   * @param records the claim and the Secret {@code <name>-ccapp}
   * @param observed the application {@link #appIdToObserve} names, read from the platform
   * @param config its relay numbers and the webhook events this resource sent
   */
  public record Input(CcAppSpec spec, Records records, Optional<Apps.App> observed, AppConfigPlanner.Observed config) {
    public Input(CcAppSpec spec, Records records, Optional<Apps.App> observed) {
      this(spec, records, observed, AppConfigPlanner.Observed.NONE);
    }
  }

  /** The AppId this resource manages (its own records first, then spec.appId), or null before a create. */
  public static String appIdToObserve(CcAppSpec spec, Records records) {
    String known = known(records);
    return known != null ? known : spec.appId;
  }

  /** The Secret the operator keeps for the CcApp named {@code resourceName}. */
  public static String secretName(String resourceName) {
    return resourceName + "-ccapp";
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
    OwnershipRule.Decision decision = known != null ? OwnershipRule.Decision.OURS : OwnershipRule.Decision.ADOPT;
    List<Change> changes = diff(spec, app);
    List<Op> ops = new ArrayList<>();
    if (!changes.isEmpty()) {
      ops.add(new Op.UpdateApp(app.appId(), new Apps.UpdateRequest(spec.displayName, empty(spec.callbackUrl), spec.hideUserNumber, empty(spec.memo)), changes));
    }
    ops.addAll(AppConfigPlanner.plan(spec, app.appId(), in.config(), status));
    return Plan.go(subject, true, decision, app.appId(), ops, status, subject + " is ready", List.of());
  }

  private static Plan<CcAppStatus> create(Input in, String subject, CcAppStatus status) {
    Optional<Claim> pending = in.records().claim().filter(c -> !c.owned());
    if (pending.isPresent()) {
      return Plan.stop(subject, false, status, Reason.CreateOutcomeUnknown,
          "creating the application was attempted at " + pending.get().since() + " and its answer was lost; if the platform now has an application named '"
              + in.spec().displayName + "', set spec.appId to its AppId, otherwise remove the annotation " + Annotations.CLAIM + " to create it again");
    }
    CcAppSpec spec = in.spec();
    Apps.CreateRequest request = new Apps.CreateRequest(
        spec.displayName, typeCode(spec), empty(spec.callbackUrl), spec.hideUserNumber, spec.memo);
    return Plan.go(subject, false, OwnershipRule.Decision.CREATE, null,
        List.of(new Op.CreateApp(request, in.records().secret().name())), status, "application is ready", List.of());
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
