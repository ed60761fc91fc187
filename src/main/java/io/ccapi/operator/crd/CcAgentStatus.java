package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

public class CcAgentStatus extends CcStatus {
  @JsonPropertyDescription("Seat state reported by the platform (READY, LOCKED, NOT_AVAILABLE, ...).")
  public String state;

  @JsonPropertyDescription("Extension state reported by the platform (IDLE, ONLINE, OFFLINE, ...).")
  public String extState;

  @JsonPropertyDescription("Extensions bound to the seat in the platform.")
  public List<String> extensions;

  @JsonPropertyDescription("Queues the seat is bound to in the platform.")
  public List<String> queues;

  @JsonPropertyDescription("Secret holding passwords of extensions created with the seat, if any.")
  public String secretName;
}
