package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

public class CcQueueStatus extends CcStatus {
  @JsonPropertyDescription("AgentIds bound to this queue in the platform.")
  public List<String> agents;
}
