package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unsigned operations endpoints under {@code /__sim/}: stats, a state dump, the last requests (with
 * their Sign), faults and reset. Only
 * loopback callers are served (403 otherwise). The state dump holds app secrets and extension passwords:
 * it is a test and development tool, like the simulator itself.
 */
final class OpsApi {
  static final String PREFIX = "/__sim/";
  /** Plain camelCase JSON, unlike the platform's UpperCamel. Unknown fields in PUT faults are refused. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** {@code DELETE /__sim/apps/{AppId}}: the tenant vanishes (the ccapi API itself has no app delete). */
  private static final String DELETE_APP = "DELETE apps/";

  private final SimState state;
  private final SimStats stats;
  private final SimRequests requests;
  private final Faults faults;

  OpsApi(SimState state, SimStats stats, SimRequests requests, Faults faults) {
    this.state = state;
    this.stats = stats;
    this.requests = requests;
    this.faults = faults;
  }

  void handle(HttpExchange exchange) throws IOException {
    byte[] body = HttpIo.readBody(exchange, 1 << 16);
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
      reply(exchange, 403, Map.of("error", "loopback callers only"));
      return;
    }
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring(PREFIX.length());
    if (route.startsWith(DELETE_APP)) {
      boolean removed = state.remove(route.substring(DELETE_APP.length()));
      reply(exchange, removed ? 200 : 404, Map.of("removed", removed));
      return;
    }
    switch (route) {
      case "GET stats" -> reply(exchange, 200, stats.snapshot());
      case "GET state" -> reply(exchange, 200, Map.of("apps", dump()));
      case "GET requests" -> reply(exchange, 200, Map.of("requests", requests.snapshot()));
      case "GET faults" -> reply(exchange, 200, faults.get());
      case "PUT faults" -> putFaults(exchange, body);
      case "POST reset" -> {
        state.clear();
        stats.reset();
        requests.reset();
        reply(exchange, 200, Map.of("reset", true));
      }
      default -> reply(exchange, 404, Map.of("error", "no such endpoint: " + route));
    }
  }

  /** PUT faults merges the given fields into the current settings. */
  private void putFaults(HttpExchange exchange, byte[] body) throws IOException {
    FaultSettings next;
    try {
      ObjectNode merged = JSON.valueToTree(faults.get());
      JsonNode given = body == null || body.length == 0 ? null : JSON.readTree(body);
      if (given == null || !given.isObject()) {
        reply(exchange, 400, Map.of("error", "a JSON object is required"));
        return;
      }
      merged.setAll((ObjectNode) given);
      next = JSON.treeToValue(merged, FaultSettings.class);
    } catch (IOException | IllegalArgumentException e) {
      reply(exchange, 400, Map.of("error", rootMessage(e)));
      return;
    }
    faults.set(next);
    reply(exchange, 200, next);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  private List<Map<String, Object>> dump() {
    List<AppState> apps = new ArrayList<>(state.apps());
    apps.sort(Comparator.comparing(a -> a.appId));
    List<Map<String, Object>> out = new ArrayList<>();
    for (AppState app : apps) {
      out.add(app.locked(() -> dump(app)));
    }
    return out;
  }

  private static Map<String, Object> dump(AppState app) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("appId", app.appId);
    m.put("name", app.name);
    m.put("type", app.type);
    m.put("callbackUrl", app.callbackUrl);
    m.put("isHideUserNum", app.hideUserNum);
    m.put("memo", app.memo);
    m.put("secret", app.secret);
    m.put("extensionPrefix", app.extensionPrefix);
    m.put("spNumbers", app.spNumbers);
    m.put("defSpNumber", app.defSpNumber);
    List<Map<String, Object>> agents = new ArrayList<>();
    for (AppState.Agent a : app.agents.values()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("agentId", a.id);
      am.put("workId", a.workId);
      am.put("name", a.name);
      am.put("mobile", a.mobile);
      am.put("email", a.email);
      am.put("role", a.role);
      am.put("enable", a.enable);
      am.put("defSpNumber", a.defSpNumber);
      am.put("queues", List.copyOf(a.queues));
      am.put("extensions", List.copyOf(a.extensions));
      agents.add(am);
    }
    m.put("agents", agents);
    List<Map<String, Object>> queues = new ArrayList<>();
    for (AppState.Queue q : app.queues.values()) {
      Map<String, Object> qm = new LinkedHashMap<>();
      qm.put("id", q.id);
      qm.put("queueId", q.queueId);
      qm.put("name", q.name);
      qm.put("strategy", q.strategy);
      qm.put("timeout", q.timeout);
      qm.put("maxLength", q.maxLength);
      qm.put("createdAt", q.createdAt.toString());
      qm.put("updatedAt", q.updatedAt.toString());
      qm.put("agents", app.agentsOfQueue(q.queueId));
      queues.add(qm);
    }
    m.put("queues", queues);
    List<Map<String, Object>> extensions = new ArrayList<>();
    for (AppState.Extension e : app.extensions.values()) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("extension", e.number);
      em.put("password", e.password);
      em.put("number", app.extensionPrefix + e.number);
      em.put("agentId", e.agentId);
      extensions.add(em);
    }
    m.put("extensions", extensions);
    List<Map<String, Object>> subscriptions = new ArrayList<>();
    for (AppState.Subscription s : app.subscriptions.values()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("id", s.id);
      sm.put("name", s.name);
      sm.put("callback", s.callback);
      sm.put("events", s.events);
      sm.put("enable", s.enable);
      subscriptions.add(sm);
    }
    m.put("subscriptions", subscriptions);
    Map<String, List<String>> webhookEvents = new LinkedHashMap<>();
    app.webhookEvents.forEach((k, v) -> webhookEvents.put(k, List.copyOf(v)));
    m.put("webhookEvents", webhookEvents);
    m.put("voiceFiles", List.copyOf(app.voiceFiles.values()));
    m.put("defVoices", app.defVoices);
    m.put("fastRouter", app.fastRouter);
    return m;
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    HttpIo.sendJson(exchange, status, JSON.writeValueAsBytes(body));
  }
}
