package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@ValidationRule(
    value = "!has(oldSelf.appId) || (has(self.appId) && self.appId == oldSelf.appId)",
    message = "spec.appId" + Rules.IMMUTABLE_MESSAGE,
    fieldPath = ".appId")
public class CcAppSpec {
  @Required
  @Pattern(Patterns.URL)
  @JsonPropertyDescription("Base URL of the ccapi platform, e.g. https://tenant.example.cn (the operator appends /ccapi/v2/). An http:// URL needs spec.insecure: true.")
  public String endpoint;

  @Default("false")
  @JsonPropertyDescription(
      "Allow an http:// endpoint: requests travel unencrypted, readable and replayable on the way. For the simulator and local development only; without it an http:// endpoint is refused. TLS certificates are verified whatever this says.")
  public Boolean insecure = false;

  @JsonPropertyDescription(
      "CA certificates (PEM) to trust, instead of the system's, for an https:// endpoint whose certificate a private CA issued. TLS verification stays on.")
  public CaBundleRef caBundleRef;

  @Required
  @Pattern(Patterns.REF)
  @JsonPropertyDescription("Secret in this namespace with keys 'sid' and 'authToken' of the ccapi account.")
  public String credentialsSecretRef;

  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription("Application name (ccapi Name).")
  public String displayName;

  @Default("callCenter")
  @ValidationRule(value = Rules.IMMUTABLE, message = "spec.type is fixed when the application is created")
  @JsonPropertyDescription("Application type, fixed at creation: callCenter (1) or telemarketing (0).")
  public AppType type = AppType.callCenter;

  @Pattern(Patterns.URL_OR_EMPTY)
  @JsonPropertyDescription("Server callback URL (ccapi CallbackUrl).")
  public String callbackUrl;

  @Default("false")
  @JsonPropertyDescription("Hide the user's number on agent extensions (ccapi IsHideUserNum).")
  public Boolean hideUserNumber = false;

  @Size(max = 256)
  @JsonPropertyDescription("Description (ccapi Memo).")
  public String memo;

  @Pattern(Patterns.UUID)
  @JsonPropertyDescription("AppId of an existing application to adopt instead of creating one. Immutable once set.")
  public String appId;

  @Pattern(Patterns.PHONE)
  @JsonPropertyDescription(
      "Default relay number of the application: one of its relay numbers (status.spNumbers). Removing the field deletes the platform's default.")
  public String defaultSpNumber;

  @Size(max = 4) // the reference's four categories; a bound keeps the CEL rule's cost within the API server's budget
  @ValidationRule(value = "self.all(x, self.exists_one(y, y.category == x.category))", message = "each category appears once")
  @JsonPropertyDescription(
      "Webhook event categories (webhooks/events), replacing whatever the application had. The platform cannot show them: they are sent when this list changes; removing the field deletes them (if this resource sent them).")
  public List<WebhookEventCategory> webhookEvents;

  @Default("Manage")
  @JsonPropertyDescription(
      "Manage: create and update the application. Observe (needs spec.appId): never write to the platform; report whether it matches the spec and list the operations Manage would make (status.plannedOperations).")
  public ManagementPolicy managementPolicy = ManagementPolicy.Manage;

  /** Application type; the constant names are the manifest's values. */
  public enum AppType {
    callCenter,
    telemarketing
  }
}
