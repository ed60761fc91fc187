package io.ccapi.operator.ccapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A parsed ccapi answer. Most endpoints answer {@code ErrCode/ErrDesc/Result}; call control answers
 * {@code code/message/results}; both are read. {@code Result} may be null, "", an object or a list; an
 * empty string reads as null.
 */
public record Envelope(String errCode, String errDesc, JsonNode result, JsonNode root) {

  public static Envelope of(JsonNode root) {
    String code = text(root, "ErrCode", "code");
    String desc = text(root, "ErrDesc", "message");
    JsonNode result = first(root, "Result", "result", "results");
    if (result.isTextual() && result.asText().isEmpty()) {
      result = NullNode.getInstance();
    }
    return new Envelope(code, desc, result, root);
  }

  public boolean ok() {
    return ErrorCodes.OK.equals(errCode);
  }

  private static String text(JsonNode root, String... names) {
    JsonNode n = first(root, names);
    return n.isNull() ? null : n.asText();
  }

  private static JsonNode first(JsonNode root, String... names) {
    for (String name : names) {
      JsonNode n = root.get(name);
      if (n != null && !n.isNull()) {
        return n;
      }
    }
    return NullNode.getInstance();
  }
}
