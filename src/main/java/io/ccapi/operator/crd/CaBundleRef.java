package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Where the CA certificates of a private ccapi endpoint are: a key of a Secret or ConfigMap in this namespace. */
public class CaBundleRef {
  @Default("Secret")
  @JsonPropertyDescription("Secret or ConfigMap.")
  public Kind kind = Kind.Secret;

  @Required
  @Pattern(Patterns.REF)
  @JsonPropertyDescription("Name of the Secret or ConfigMap, in this namespace.")
  public String name;

  @Default("ca.crt")
  @Pattern("^[-._a-zA-Z0-9]+$")
  @JsonPropertyDescription("Key holding the PEM certificates.")
  public String key = "ca.crt";

  /** The kinds of object a CA bundle can be read from; the constant names are the manifest's values. */
  public enum Kind {
    Secret,
    ConfigMap
  }
}
