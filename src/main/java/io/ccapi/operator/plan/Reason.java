package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.CcapiException;

/**
 * Every condition reason the operator writes, and what it means for the kstatus conditions and for
 * retrying. This is the one table: a reason in a status comes from here and nowhere else.
 */
public enum Reason {
  /** The platform object matches the spec. */
  Ready(Kind.READY),
  /** Work is under way (creating, updating, binding). */
  Reconciling(Kind.PROGRESSING),
  /** The CcApp this object belongs to is missing or not Ready yet. */
  WaitingForApp(Kind.PROGRESSING),
  /**
   * The CcApp is Ready but this operator process has not connected to it yet (it just started or took
   * over the lease): transient, its children keep the Ready they had.
   */
  AppConnecting(Kind.PROGRESSING),
  /** A referenced CcExtension or CcQueue is missing or not Ready yet. */
  WaitingForReference(Kind.PROGRESSING),
  /** Deletion waits for bindings or child resources to go first. */
  DeletionBlocked(Kind.PROGRESSING),
  /** The platform did not answer or answered 000003 / 5xx; retried with backoff. */
  BackendUnavailable(Kind.PROGRESSING),
  /** A Kubernetes API call the operator needed failed (e.g. writing a Secret); retried with backoff. */
  ClusterApiError(Kind.PROGRESSING),
  /** The credentials Secret or one of its keys is missing. */
  CredentialsMissing(Kind.STALLED),
  /** The spec is refused by the platform (000001) or by the operator's own checks. */
  InvalidSpec(Kind.STALLED),
  /** An immutable field (agentId, queueId, extension, appId) was changed. */
  ImmutableFieldChanged(Kind.STALLED),
  /** The AppId is unknown, disabled or missing (100002, 100017). */
  AppNotFound(Kind.STALLED),
  /** The platform object exists and was not created by this resource (100004, 100015). */
  AlreadyExists(Kind.STALLED),
  /** Sid/AuthToken refused (HTTP 401/403). */
  Unauthorized(Kind.STALLED),
  /** The platform answered something that is not the documented JSON. */
  MalformedResponse(Kind.STALLED),
  /** A create may have been applied but its answer was lost; a person must decide (see message). */
  CreateOutcomeUnknown(Kind.STALLED),
  /**
   * A Secret with the name the operator writes exists but is not its record for this resource (no
   * owner reference to it): neither read nor overwritten.
   */
  SecretConflict(Kind.STALLED),
  /** The platform object is missing and the operator may not (Observe) or cannot repair it. */
  NotFound(Kind.STALLED),
  /** The annotation ccapi.io/paused=true: no platform calls until it is removed. */
  Paused(Kind.PAUSED);

  /** How a reason shows in the kstatus conditions. */
  public enum Kind {
    READY,
    PROGRESSING,
    STALLED,
    /** Neither Ready, Reconciling nor Stalled: a person stopped reconciliation. */
    PAUSED
  }

  private final Kind kind;

  Reason(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Whether the reconcile is repeated every poll although it stopped: the ways out of these stalls (an
   * annotation, a change in the platform such as a disabled app enabled again, a Secret deleted) change
   * no generation.
   */
  public boolean recheckedEveryPoll() {
    return kind == Kind.PAUSED || this == AlreadyExists || this == SecretConflict || this == NotFound || this == CreateOutcomeUnknown
        || this == AppNotFound;
  }

  /**
   * Whether this outcome says nothing about the platform object, only that this attempt could not look:
   * a resource that was Ready at this generation stays Ready, and the error shows in Synced.
   */
  public boolean transientError() {
    return this == BackendUnavailable || this == ClusterApiError || this == AppConnecting;
  }

  /** Maps a client error class to its reason. */
  public static Reason of(CcapiException e) {
    return switch (e.errorClass()) {
      case INVALID_INPUT -> InvalidSpec;
      case BACKEND -> BackendUnavailable;
      case NOT_FOUND -> NotFound;
      case APP_NOT_FOUND -> AppNotFound;
      case CONFLICT -> AlreadyExists;
      case BLOCKED_BY_DEPENDENCY -> DeletionBlocked;
      case UNAUTHORIZED -> Unauthorized;
      case MALFORMED -> MalformedResponse;
    };
  }
}
