package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public class CcAppStatus extends CcStatus {
  @JsonPropertyDescription("The platform's AppId (also in the Secret named by secretName).")
  public String appId;

  @JsonPropertyDescription("Agent extension prefix of the application.")
  public String extensionPrefix;

  @JsonPropertyDescription("Secret holding appId, app secret, extensionPrefix and endpoint.")
  public String secretName;
}
