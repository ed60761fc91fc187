package io.ccapi.operator.ccapi.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An extension number inside a seat's {@code Extensions}. The reference types that list as
 * "[Extension]" without saying whether an entry is a bare number or an object; both are accepted, and it
 * is written back as the bare number.
 */
public record ExtensionRef(@JsonValue String extension) {
  @JsonCreator
  public static ExtensionRef of(JsonNode node) {
    if (node.isObject()) {
      return new ExtensionRef(node.path("Extension").asText());
    }
    return new ExtensionRef(node.asText());
  }
}
