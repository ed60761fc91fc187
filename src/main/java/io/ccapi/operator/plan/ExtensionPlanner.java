package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.crd.CcExtensionStatus;
import java.util.List;
import java.util.Optional;

/**
 * Plans a CcExtension. The platform has no way to read an extension: a bound one is seen in its seat; an
 * unbound one is checked by creating it again (100015 means it is still there; success means it had
 * vanished, and the new password replaces the old one). An unbound extension this resource created whose
 * password is lost is replaced to get a new one; a bound or adopted one cannot be, and says so.
 */
public final class ExtensionPlanner {
  private ExtensionPlanner() {}

  /**
   * @param boundAgent the seat the extension is bound to in the platform, if any
   * @param records the claim and the Secret {@code <name>-sip}
   * @param extensionPrefix the app's extension prefix (the SIP number is prefix + extension)
   * @param checkDue whether an unbound extension of ours is due for its existence check (a create)
   */
  public record Input(String extension, Optional<String> boundAgent, Records records, String extensionPrefix, boolean checkDue) {
    /** An input whose existence check is due. */
    public Input(String extension, Optional<String> boundAgent, Records records, String extensionPrefix) {
      this(extension, boundAgent, records, extensionPrefix, true);
    }
  }

  /** The Secret the operator keeps for the CcExtension named {@code resourceName}. */
  public static String secretName(String resourceName) {
    return KubeNames.derived(resourceName, "-sip");
  }

  public static Plan<CcExtensionStatus> plan(Input in) {
    String subject = "extension " + in.extension();
    CcExtensionStatus status = new CcExtensionStatus();
    status.number = in.extensionPrefix() == null ? null : in.extensionPrefix() + in.extension();
    status.secretName = in.records().secret().name();
    status.boundAgent = in.boundAgent().orElse(null);
    Boolean exists = in.boundAgent().isPresent() ? Boolean.TRUE : null;
    return Plan.guarded(subject, exists, status, () -> decide(in, subject, status));
  }

  private static Plan<CcExtensionStatus> decide(Input in, String subject, CcExtensionStatus status) {
    Immutable.require(in.records(), "spec.extension", in.extension());
    in.records().secret().requireNotForeign("CcExtension");
    return in.boundAgent().isPresent() ? bound(in, subject, status) : unbound(in, subject, status);
  }

  private static Plan<CcExtensionStatus> bound(Input in, String subject, CcExtensionStatus status) {
    OwnershipRule.Decision decision = OwnershipRule.decide(true, in.records(), in.extension());
    if (decision == OwnershipRule.Decision.CONFLICT) {
      return Plan.stop(subject, true, status, Reason.AlreadyExists, OwnershipRule.conflict(subject));
    }
    if (in.records().secret().has("password")) {
      return Plan.go(subject, true, decision, in.extension(), List.of(), status, subject + " is ready", List.of());
    }
    // bound to a seat, so it cannot be replaced to get a new password
    List<Notice> notices = List.of(new Notice(EventReason.PasswordUnknown,
        subject + " is bound to agent " + in.boundAgent().get() + " and its password is unknown to the operator"));
    return Plan.go(subject, true, decision, in.extension(), List.of(), status,
        subject + " is ready (its password is unknown to the operator)", notices);
  }

  private static Plan<CcExtensionStatus> unbound(Input in, String subject, CcExtensionStatus status) {
    String number = in.extension();
    String secret = in.records().secret().name();
    Optional<Claim> owned = in.records().claimOn(number).filter(Claim::owned);
    if (owned.isEmpty()) {
      // never created, or a create whose answer was lost: create; a duplicate answer is decided by the rule
      return Plan.go(subject, null, OwnershipRule.Decision.CREATE, number,
          List.of(new Op.CreateExtension(number, secret, Op.CreateExtension.Why.NEW)), status, subject + " is ready", List.of());
    }
    boolean knownPassword = in.records().secret().has("password");
    if (!knownPassword && owned.get().state() == Claim.State.CREATED) {
      List<Op> replace = List.of(new Op.DeleteExtension(number), new Op.CreateExtension(number, secret, Op.CreateExtension.Why.REPLACE));
      return Plan.go(subject, null, OwnershipRule.Decision.OURS, number, replace, status, subject + " is ready", List.of());
    }
    String note = knownPassword ? "" : " (adopted: password unknown)";
    List<Op> check = in.checkDue() ? List.of(new Op.ProbeExtension(number, secret)) : List.of();
    return Plan.go(subject, null, OwnershipRule.Decision.OURS, number, check, status, subject + " is ready" + note, List.of());
  }

  /** The seat {@code extension} is bound to among the observed seats ({@link Input#boundAgent}). */
  public static Optional<String> boundAgent(List<Agents.Details> seats, String extension) {
    return seats.stream()
        .filter(a -> a.extensions() != null && a.extensions().stream().map(ExtensionRef::extension).anyMatch(extension::equals))
        .map(Agents.Details::agentId)
        .findFirst();
  }

  /** A bound extension waits for its seat to let go; an unbound one is deleted. */
  public static Plan<CcExtensionStatus> planDelete(String extension, Optional<String> boundAgent) {
    String subject = "extension " + extension;
    if (boundAgent.isPresent()) {
      return Plan.stop(subject, true, new CcExtensionStatus(), Reason.DeletionBlocked,
          subject + " is bound to agent " + boundAgent.get() + "; remove it from that CcAgent's spec.extensionRefs (or delete the CcAgent) first");
    }
    return Plan.deleting(subject, null, List.of(new Op.DeleteExtension(extension)), new CcExtensionStatus());
  }
}
