package io.ccapi.operator.plan;

import java.util.Optional;

/**
 * What the operator itself recorded for one resource, and a person's word on adoption: the only evidence
 * the ownership rule accepts. {@code claim} is present only if it names this resource's uid.
 */
public record Records(Optional<Claim> claim, boolean adoptAllowed, StoredSecret secret) {
  public static Records none(String secretName) {
    return new Records(Optional.empty(), false, StoredSecret.absent(secretName));
  }

  /** The claim if it is about {@code platformId}. */
  public Optional<Claim> claimOn(String platformId) {
    return claim.filter(c -> c.covers(platformId));
  }

  /** The platform id this resource owns, if any. */
  public Optional<String> ownedId() {
    return claim.filter(Claim::owned).map(Claim::id);
  }

  public Records withAdoptAllowed(boolean allowed) {
    return new Records(claim, allowed, secret);
  }
}
