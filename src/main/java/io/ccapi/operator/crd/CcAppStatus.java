package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

public class CcAppStatus extends CcStatus {
  @JsonPropertyDescription("The platform's AppId (also in the Secret named by secretName).")
  public String appId;

  @JsonPropertyDescription("Agent extension prefix of the application.")
  public String extensionPrefix;

  @JsonPropertyDescription("Relay numbers of the application (GET spnumbers): the values spec.defaultSpNumber may take.")
  public List<String> spNumbers;

  @JsonPropertyDescription("The application's default relay number in the platform.")
  public String defaultSpNumber;

  @JsonPropertyDescription("The webhook event categories this resource last sent (the platform has no read of them).")
  public List<WebhookEventCategory> webhookEvents;

  @JsonPropertyDescription("Secret holding appId, app secret, extensionPrefix and endpoint.")
  public String secretName;
}
