package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public class CcExtensionStatus extends CcStatus {
  @JsonPropertyDescription("SIP number: the app's extension prefix followed by the extension.")
  public String number;

  @JsonPropertyDescription("Secret holding extension, password and number.")
  public String secretName;

  @JsonPropertyDescription("AgentId this extension is bound to, if any.")
  public String boundAgent;
}
