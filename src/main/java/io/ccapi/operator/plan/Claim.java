package io.ccapi.operator.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's record of what one resource created or adopted in the platform, kept in the annotation
 * {@code ccapi.io/claim} as JSON. It names the resource's uid, so a claim copied onto another resource
 * (an exported manifest, a renamed copy) is no evidence for it.
 *
 * <p>{@code PENDING}: a create of an application, or of an object the platform numbers ({@code id} null),
 * was sent and its outcome is not known yet. {@code CREATED}: this resource created it — recorded just
 * before the create for an object whose id the operator names (seat, queue, extension): should that
 * create's answer be lost, the next observe tells whether the object exists. {@code ADOPTED}: it existed
 * and a person let this resource take it over (a password it had is not known).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Claim(State state, String id, String uid, String since) {
  // a claim written by a newer operator (more fields) is still a claim, e.g. after a rollback
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** How far a claim has got. */
  public enum State {
    PENDING,
    CREATED,
    ADOPTED
  }

  public static Claim pending(String id, String uid, String since) {
    return new Claim(State.PENDING, id, uid, since);
  }

  public static Claim created(String id, String uid) {
    return new Claim(State.CREATED, Objects.requireNonNull(id), uid, null);
  }

  public static Claim adopted(String id, String uid) {
    return new Claim(State.ADOPTED, Objects.requireNonNull(id), uid, null);
  }

  /** Created or adopted: this resource manages the object. */
  public boolean owned() {
    return state != State.PENDING;
  }

  /** Whether this claim is about platform object {@code platformId} (a pending claim without id is about any). */
  public boolean covers(String platformId) {
    return id == null ? state == State.PENDING : id.equals(platformId);
  }

  public String toAnnotation() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claim in an annotation value if it is well formed and names {@code uid}; anything else is no claim. */
  public static Optional<Claim> of(String annotation, String uid) {
    if (annotation == null || annotation.isBlank() || uid == null) {
      return Optional.empty();
    }
    try {
      Claim claim = JSON.readValue(annotation, Claim.class);
      return claim.state() != null && uid.equals(claim.uid()) ? Optional.of(claim) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
