package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

public class CcExtensionSpec extends CcChildSpec {
  @Required
  @Pattern(Patterns.EXTENSION)
  @ValidationRule(value = Rules.IMMUTABLE, message = "spec.extension" + Rules.IMMUTABLE_MESSAGE)
  @JsonPropertyDescription("Extension number: four digits, not starting with 0. Immutable.")
  public String extension;
}
