package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The CRD schema of a status condition (never instantiated): Fabric8's Condition carries no
 * descriptions, so kubectl explain would show none; {@link CcStatus#conditions} takes its schema from here.
 */
@SuppressWarnings("unused")
final class ConditionSchema {
  @JsonPropertyDescription("Ready, Reconciling or Stalled.")
  public String type;

  @JsonPropertyDescription("True, False or Unknown.")
  public String status;

  @JsonPropertyDescription("One word in CamelCase: why the condition has this status (e.g. WaitingForApp, InvalidSpec).")
  public String reason;

  @JsonPropertyDescription("What happened, for people; platform errors carry the platform's code and text.")
  public String message;

  @JsonPropertyDescription("When the status last changed (RFC 3339).")
  public String lastTransitionTime;

  @JsonPropertyDescription("The metadata.generation the condition was set for.")
  public Long observedGeneration;

  private ConditionSchema() {}
}
