package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

public class CcSubscriptionStatus extends CcStatus {
  @JsonPropertyDescription("Subscription id assigned by the platform.")
  public Long subscriptionId;
}
