package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * The seat's configuration as the platform has it. Not its presence (the platform's State and ExtState: in
 * a call, logged out, …): that changes with the call center's traffic, and mirroring it would make the
 * status of every seat change every poll.
 */
public class CcAgentStatus extends CcStatus {
  @JsonPropertyDescription("Extensions bound to the seat in the platform.")
  public List<String> extensions;

  @JsonPropertyDescription("Queues the seat is bound to in the platform.")
  public List<String> queues;

  @JsonPropertyDescription("Secret holding passwords of extensions created with the seat, if any.")
  public String secretName;

  @JsonPropertyDescription("Default relay number of the seat in the platform (none when unset).")
  public String defaultSpNumber;

  @JsonPropertyDescription("Whether the seat is enabled in the platform.")
  public Boolean enabled;

  @JsonPropertyDescription("Wrap-up time of the seat in the platform, in seconds.")
  public Integer wrapUpTime;
}
