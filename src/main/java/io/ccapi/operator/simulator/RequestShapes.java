package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.CcapiJson;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each "METHOD path-template" was sent: the query parameter names and the body's field paths
 * ({@code Agents[].AgentId}, {@code DefVoices.Welcome.Type}), so a test can hold every request a client
 * made against the reference's parameter tables. Values are never kept.
 */
final class RequestShapes {
  /** The path of a body that is not a JSON object. */
  static final String NOT_AN_OBJECT = "(not a JSON object)";

  private final ConcurrentHashMap<String, Set<String>> query = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> body = new ConcurrentHashMap<>();

  void record(String endpoint, Set<String> queryNames, byte[] bytes) {
    query.computeIfAbsent(endpoint, k -> ConcurrentHashMap.newKeySet()).addAll(queryNames);
    Set<String> fields = body.computeIfAbsent(endpoint, k -> ConcurrentHashMap.newKeySet());
    if (bytes == null || bytes.length == 0) {
      return;
    }
    try {
      JsonNode node = CcapiJson.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        fields.add(NOT_AN_OBJECT);
      } else {
        paths("", node, fields);
      }
    } catch (IOException e) {
      fields.add(NOT_AN_OBJECT);
    }
  }

  private static void paths(String prefix, JsonNode object, Set<String> out) {
    object.properties().forEach(e -> {
      String path = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject() && !v.isEmpty()) {
        paths(path + ".", v, out);
      } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
        v.forEach(item -> paths(path + "[].", item, out));
      } else {
        out.add(path);
      }
    });
  }

  void reset() {
    query.clear();
    body.clear();
  }

  /** Per endpoint: {@code {"query": [...], "body": [...]}}, sorted. */
  Map<String, Object> snapshot() {
    Map<String, Object> out = new TreeMap<>();
    query.forEach((endpoint, names) ->
        out.put(endpoint, Map.of("query", new TreeSet<>(names), "body", new TreeSet<>(body.getOrDefault(endpoint, Set.of())))));
    return out;
  }
}
