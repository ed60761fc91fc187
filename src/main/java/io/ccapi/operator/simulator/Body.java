package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a JSON request object. Field names are matched exactly first (UpperCamel as the records
 * write them, lower case for subscriptions), then case-insensitively, since the reference itself is not
 * consistent ({@code AppId}/{@code AppID}). A field holding JSON null counts as absent. A value of the wrong
 * type is {@code 000001 ParamsInvalid}.
 */
final class Body {
  static final Body EMPTY = new Body(JsonNodeFactory.instance.objectNode());

  private final ObjectNode node;

  Body(ObjectNode node) {
    this.node = node;
  }

  JsonNode get(String name) {
    JsonNode v = node.get(name);
    if (v == null) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          v = e.getValue();
          break;
        }
      }
    }
    return v == null || v.isNull() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  /** A string, or a number written as its text; null when absent. */
  String text(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw SimError.paramsInvalid(name + " must be a string");
    }
    return v.asText();
  }

  String text(String name, String fallback) {
    String v = text(name);
    return v == null ? fallback : v;
  }

  /** A JSON boolean, or the strings "true"/"false" the reference uses for IsDelExtensions. */
  Boolean bool(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.valueOf(v.asText());
    }
    throw SimError.paramsInvalid(name + " must be a boolean");
  }

  boolean bool(String name, boolean fallback) {
    Boolean v = bool(name);
    return v == null ? fallback : v;
  }

  /** A JSON integer (not a string): null when absent. */
  Integer integer(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw SimError.paramsInvalid(name + " must be an integer");
    }
    return v.intValue();
  }

  /** A list of strings (numbers accepted as text); null when absent. */
  List<String> texts(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw SimError.paramsInvalid(name + " must be a list");
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isTextual() && !e.isNumber()) {
        throw SimError.paramsInvalid(name + " must hold strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  /** A list of objects; null when absent. */
  List<Body> objects(String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      throw SimError.paramsInvalid(name + " must be a list");
    }
    List<Body> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw SimError.paramsInvalid(name + " must hold objects");
      }
      out.add(new Body((ObjectNode) e));
    }
    return out;
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
