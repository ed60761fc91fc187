package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the simulator's request counters ({@code GET /__sim/stats}) and the arithmetic tests do
 * with two of them: which platform calls were made in between, in total or for one AppId, and which of
 * them were writes (anything but GET).
 */
public record SimCounts(Map<String, Long> byEndpoint, Map<String, Map<String, Long>> byAppEndpoint) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public static SimCounts of(String simulatorBaseUrl) {
    try {
      HttpResponse<String> answer =
          HTTP.send(HttpRequest.newBuilder(URI.create(simulatorBaseUrl + "/__sim/stats")).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode stats = JSON.readTree(answer.body());
      Map<String, Map<String, Long>> perApp = new TreeMap<>();
      stats.path("byAppEndpoint").fields().forEachRemaining(e -> perApp.put(e.getKey(), counters(e.getValue())));
      return new SimCounts(counters(stats.path("byEndpoint")), perApp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Calls per "METHOD template" made since {@code earlier} (only the ones that grew). */
  public Map<String, Long> since(SimCounts earlier) {
    return minus(byEndpoint, earlier.byEndpoint);
  }

  /** Calls with {@code appId} made since {@code earlier}. */
  public Map<String, Long> since(SimCounts earlier, String appId) {
    return minus(byAppEndpoint.getOrDefault(appId, Map.of()), earlier.byAppEndpoint.getOrDefault(appId, Map.of()));
  }

  /** Writes (POST, PUT, DELETE) made since {@code earlier}, all apps. */
  public Map<String, Long> writesSince(SimCounts earlier) {
    return writes(since(earlier));
  }

  /** Writes with {@code appId} made since {@code earlier}. */
  public Map<String, Long> writesSince(SimCounts earlier, String appId) {
    return writes(since(earlier, appId));
  }

  /** Calls of one endpoint with {@code appId} so far. */
  public long count(String appId, String endpoint) {
    return byAppEndpoint.getOrDefault(appId, Map.of()).getOrDefault(endpoint, 0L);
  }

  /**
   * The platform endpoint ("METHOD template") the executor calls for one line of {@code
   * status.plannedOperations} ({@code Op.describe()}), so planned operations can be compared with the
   * writes the simulator received.
   */
  public static String endpointOf(String plannedLine) {
    String op = plannedLine.substring(2);
    if (op.startsWith("update queue ")) return "PUT queues";
    if (op.startsWith("create queue ")) return "POST queues";
    if (op.startsWith("delete queue ")) return "DELETE queues";
    if (op.startsWith("update application ")) return "PUT apps";
    if (op.startsWith("create application ")) return "POST apps";
    if (op.startsWith("update agent ") && op.contains(": defaultSpNumber: ")) return "PUT spnumbers/agent/default/{AgentId}";
    if (op.startsWith("update agent ")) return "PUT agents/{AgentId}";
    if (op.startsWith("create agent ")) return "POST agents";
    if (op.startsWith("delete agent ")) return "DELETE agents/{AgentId}";
    if (op.startsWith("bind agent ") && op.contains(" to queues ")) return "POST queues/agents"; // batched per queue
    if (op.startsWith("unbind agent ") && op.contains(" from queues ")) return "DELETE agents/queues";
    if (op.startsWith("bind agent ") && op.contains(" to extensions ")) return "POST agents/extensions";
    if (op.startsWith("unbind agent ") && op.contains(" from extensions ")) return "DELETE agents/extensions";
    if (op.startsWith("update subscription ")) return "PUT subscriptions/{id}";
    if (op.startsWith("create subscription ")) return "POST subscriptions";
    if (op.startsWith("delete subscription ")) return "DELETE subscriptions/{id}";
    if (op.startsWith("create extension ")) return "POST extensions";
    if (op.startsWith("delete extension ")) return "DELETE extensions";
    throw new IllegalArgumentException("no endpoint known for the planned operation: " + plannedLine);
  }

  /** The writes a list of planned lines stands for, counted by endpoint. */
  public static Map<String, Long> endpointsOf(List<String> plannedLines) {
    Map<String, Long> out = new TreeMap<>();
    plannedLines.forEach(line -> out.merge(endpointOf(line), 1L, Long::sum));
    return out;
  }

  private static Map<String, Long> writes(Map<String, Long> calls) {
    Map<String, Long> out = new TreeMap<>();
    calls.forEach((endpoint, n) -> {
      if (!endpoint.startsWith("GET ")) {
        out.put(endpoint, n);
      }
    });
    return out;
  }

  private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> out = new TreeMap<>();
    now.forEach((endpoint, n) -> {
      long grown = n - before.getOrDefault(endpoint, 0L);
      if (grown != 0) {
        out.put(endpoint, grown);
      }
    });
    return out;
  }

  private static Map<String, Long> counters(JsonNode node) {
    Map<String, Long> out = new TreeMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }
}
