package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
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

  @Size(max = 2)
  @JsonPropertyDescription("CcExtension names to bind; a seat has at most two extensions in all.")
  public List<@Pattern(Patterns.REF) String> extensionRefs = new ArrayList<>();

  @JsonPropertyDescription("CcQueue names to bind the seat to.")
  public List<@Pattern(Patterns.REF) String> queueRefs = new ArrayList<>();

  @Pattern("^[0-9]{3,20}$")
  @JsonPropertyDescription("Default relay number of the seat; one of the app's relay numbers.")
  public String defaultSpNumber;

  /** Seat role; the constant names are the wire values. */
  @SuppressWarnings("java:S115")
  public enum Role {
    agent,
    leader
  }
}
