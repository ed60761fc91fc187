package io.ccapi.operator.plan;

import io.ccapi.operator.crd.Annotations;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Collection;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Where ownership of platform objects is decided, from evidence only the operator writes: a {@link Claim}
 * naming the resource's uid, a Secret it created for that resource, or a person's adopt annotation.
 * Everything else — an object that merely exists, a Secret with the right name, a claim copied from
 * another resource — is a conflict, never taken over.
 */
public final class OwnershipRule {
  private OwnershipRule() {}

  /** What a resource may do with the platform object it names. */
  public enum Decision {
    /** The object does not exist: create it. */
    CREATE,
    /** This resource created it (or claimed it before an answer was lost): keep managing it. */
    OURS,
    /** It exists, is not ours, and a person allowed taking it over. */
    ADOPT,
    /** It exists and is not ours: stop with AlreadyExists. */
    CONFLICT
  }

  /**
   * The one create-or-adopt rule, decided from the records as they were before any claim of this attempt.
   * It also decides a create answered "already exists" (100004, 100015) with {@code exists = true}: that
   * object is ours only if a claim on it was recorded before this attempt (an earlier create whose answer
   * was lost); the pending claim this attempt wrote proves nothing, since the object may have been made by
   * hand after our last list.
   */
  public static Decision decide(boolean exists, Records records, String platformId) {
    if (!exists) {
      return Decision.CREATE;
    }
    if (records.claimOn(platformId).isPresent()) {
      return Decision.OURS;
    }
    return records.adoptAllowed() ? Decision.ADOPT : Decision.CONFLICT;
  }

  /**
   * Ownership of a part of an application that has no id of its own (its IVR): it belongs to the CcApp
   * that manages the application, so a resource configuring it may manage it when that CcApp does
   * (managementPolicy Manage), or when it already claimed it; otherwise only with the adopt annotation.
   */
  public static Decision decideAppPart(boolean appManaged, Records records, String appId) {
    if (records.claimOn(appId).isPresent() || appManaged) {
      return Decision.OURS;
    }
    return records.adoptAllowed() ? Decision.ADOPT : Decision.CONFLICT;
  }

  /** The AlreadyExists message for a part of an application its CcApp only observes. */
  public static String appPartConflict(String what) {
    return what + " belongs to an application its CcApp only observes (managementPolicy Observe); annotate this resource with "
        + Annotations.ADOPT + "=true to manage it anyway";
  }

  /** The AlreadyExists message for {@code what} (e.g. "agent 1001"). */
  public static String conflict(String what) {
    return what + " exists in the platform and was not created by this resource; annotate the resource with "
        + Annotations.ADOPT + "=true to take it over";
  }

  /** One resource that names a platform object. */
  public record Candidate(String namespace, String name, String uid, String createdAt, boolean claims) {
    public String ref() {
      return namespace + "/" + name;
    }
  }

  private static final Comparator<Candidate> PRECEDENCE =
      Comparator.comparing((Candidate c) -> !c.claims())
          .thenComparing(c -> Objects.requireNonNullElse(c.createdAt(), "~"))
          .thenComparing(Candidate::ref);

  /**
   * Of several resources naming one platform object, the one that may manage it: the one holding a claim
   * on it, else the oldest (then by namespace/name). Every resource computes the same winner.
   */
  public static Candidate winner(List<Candidate> candidates) {
    return candidates.stream().min(PRECEDENCE).orElseThrow();
  }

  /** Stops {@code self} when another resource wins the platform object {@code what}. */
  public static void requireWinner(Candidate self, List<Candidate> others, String kind, String what) {
    if (others.isEmpty()) {
      return;
    }
    List<Candidate> all = new java.util.ArrayList<>(others);
    all.add(self);
    Candidate winner = winner(all);
    if (!winner.uid().equals(self.uid())) {
      throw new ReconcileException(
          Reason.AlreadyExists,
          what + " is managed by " + kind + " " + winner.ref() + (winner.claims() ? "" : " (created first)")
              + "; one platform object has one resource: delete this one or change it to another id");
    }
  }

  /** The label, and its value, on every Secret the operator writes. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "ccapi-operator";

  /** Whether a Secret is the operator's record for the resource {@code uid}: its controller and our label. */
  public static boolean isOurSecret(Collection<String> controllerUids, String managedBy, String uid) {
    return uid != null && controllerUids.contains(uid) && MANAGED_BY.equals(managedBy);
  }

  /** {@link #isOurSecret(Collection, String, String)} of a Secret as the API server returns it. */
  public static boolean isOurSecret(Secret secret, String uid) {
    List<String> controllers =
        secret.getMetadata().getOwnerReferences().stream()
            .filter(r -> Boolean.TRUE.equals(r.getController()))
            .map(OwnerReference::getUid)
            .toList();
    Map<String, String> labels = secret.getMetadata().getLabels();
    return isOurSecret(controllers, labels == null ? null : labels.get(MANAGED_BY_LABEL), uid);
  }
}
