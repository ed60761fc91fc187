package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

@ValidationRule(
    value = "(has(self.extensionRefs) ? size(self.extensionRefs) : 0) + (has(self.createExtension) && self.createExtension ? 1 : 0) <= 2",
    message = "spec.extensionRefs: a seat has at most two extensions, and spec.createExtension adds one",
    fieldPath = ".extensionRefs")
public class CcAgentSpec extends CcChildSpec {
  @Required
  @Pattern(Patterns.AGENT_ID)
  @ValidationRule(value = Rules.IMMUTABLE, message = "spec.agentId" + Rules.IMMUTABLE_MESSAGE)
  @JsonPropertyDescription("Agent (seat) ID: digits, at most 32. Immutable.")
  public String agentId;

  @Required
  @Pattern(Patterns.WORK_ID)
  @JsonPropertyDescription("Work number: letters, digits or _, at most 32.")
  public String workId;

  @Size(max = 64)
  @JsonPropertyDescription("Seat name (ccapi Name).")
  public String displayName;

  @Pattern(Patterns.PHONE)
  @JsonPropertyDescription("Mobile number.")
  public String mobile;

  @Pattern(Patterns.EMAIL)
  @Size(max = 128)
  @JsonPropertyDescription("Email address.")
  public String email;

  @Default("agent")
  @JsonPropertyDescription("agent or leader.")
  public Role role = Role.agent;

  @Default("true")
  @JsonPropertyDescription("Whether the seat is enabled.")
  public Boolean enabled = true;

  @Default("false")
  @JsonPropertyDescription(
      "Let the platform create and bind an extension with the seat (IsCreateExtension); its password goes to the Secret <name>-extensions. Only read at creation.")
  public Boolean createExtension = false;

  @Pattern(Patterns.EXTENSION)
  @JsonPropertyDescription(
      "The number of the extension created with the seat (createExtension): a non-zero digit and three digits, free in the app. Unset: the platform picks one (and the seat's create cannot be batched with others). Only read at creation.")
  public String extension;

  @Size(max = 2)
  @JsonPropertyDescription("CcExtension names to bind; a seat has at most two extensions in all.")
  public List<@Pattern(Patterns.REF) String> extensionRefs = new ArrayList<>();

  @JsonPropertyDescription("CcQueue names to bind the seat to.")
  public List<@Pattern(Patterns.REF) String> queueRefs = new ArrayList<>();

  @Pattern("^[0-9]{3,20}$")
  @JsonPropertyDescription("Default relay number of the seat; one of the app's relay numbers. Removing it deletes the seat's default.")
  public String defaultSpNumber;

  @Min(0)
  @JsonPropertyDescription(
      "Wrap-up time after a call, in seconds (ccapi WrapUpTime). Unset: the platform's value is left as it is (0 for a new seat).")
  public Integer wrapUpTime;

  /** Seat role; the constant names are the wire values. */
  @SuppressWarnings("java:S115")
  public enum Role {
    agent,
    leader
  }
}
