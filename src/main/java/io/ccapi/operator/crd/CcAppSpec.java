package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.generator.annotation.Size;

@ValidationRule(
    value = "!has(oldSelf.appId) || (has(self.appId) && self.appId == oldSelf.appId)",
    message = "spec.appId" + Rules.IMMUTABLE_MESSAGE,
    fieldPath = ".appId")
public class CcAppSpec {
  @Required
  @Pattern(Patterns.URL)
  @JsonPropertyDescription("Base URL of the ccapi platform, e.g. https://tenant.example.cn (the operator appends /ccapi/v2/).")
  public String endpoint;

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
