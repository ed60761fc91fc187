package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

public class CcExtensionSpec extends CcChildSpec {
  @Required
  @Pattern(Patterns.EXTENSION)
  @JsonPropertyDescription("Extension number: four digits, not starting with 0. Immutable.")
  public String extension;
}
