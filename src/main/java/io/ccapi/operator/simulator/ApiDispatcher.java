package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.ccapi.operator.ccapi.CcapiJson;
import io.ccapi.operator.ccapi.ErrorCodes;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /ccapi/v2/}. Fixed order per request: count and record it, inject faults, route (404/405), check the
 * signature (401), resolve the app (100017/100002), parse the body (100004), run the handler, answer
 * {@code {"ErrCode","ErrDesc","Result"}}.
 */
final class ApiDispatcher {
  static final String PREFIX = "/ccapi/v2/";
  private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
  private static final int MAX_BODY_BYTES = 4 << 20;

  private final SimState state;
  private final SimStats stats;
  private final SimRequests requests;
  private final Faults faults;
  private final SimAuth auth;
  private final SimRouter router = new SimRouter();

  ApiDispatcher(SimState state, SimStats stats, SimRequests requests, Faults faults, SimAuth auth) {
    this.state = state;
    this.stats = stats;
    this.requests = requests;
    this.faults = faults;
    this.auth = auth;
    new AppsApi(state, faults).register(router);
    new AgentsApi(state).register(router);
    new QueuesApi(state).register(router);
    new ExtensionsApi(state).register(router);
    new SubscriptionsApi(state).register(router);
    new IvrApi().register(router);
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = stripTrailingSlashes(exchange.getRequestURI().getPath().substring(PREFIX.length()));
    Map<String, String> query = HttpIo.query(exchange.getRequestURI().getRawQuery());
    // app_id: the reference's agent/logout example names AppId so.
    String appId = query.containsKey("AppId") ? query.get("AppId") : query.get("app_id");
    SimRouter.Match match = router.match(method, path);
    String endpoint = method + " " + (match.route() == null ? "(unmatched)" : match.route().template());
    stats.record(endpoint, appId);
    requests.record(new SimRequests.Request(
        System.currentTimeMillis(), endpoint, appId, exchange.getRequestHeaders().getFirst("User-Agent"), query.get("Sign")));

    FaultSettings settings = faults.get();
    Faults.Outcome outcome;
    try {
      outcome = Faults.roll(settings, method);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the simulator is closing: no answer
      return;
    }
    if (outcome == Faults.Outcome.DROP) {
      return; // the caller closes the exchange before any header is sent: the connection just ends
    }
    byte[] body = HttpIo.readBody(exchange, MAX_BODY_BYTES);
    stats.shapes().record(endpoint, query.keySet(), body);
    if (outcome == Faults.Outcome.ERROR || outcome == Faults.Outcome.HANG) {
      sendInternalError(exchange, settings.errorMode() == FaultSettings.ErrorMode.HTTP500 ? 500 : 200);
      return;
    }
    try {
      Object result = serve(method, match, query, appId, body);
      if (outcome == Faults.Outcome.LOSE_ANSWER) {
        return; // applied; the caller closes the exchange before any header is sent
      }
      send(exchange, ErrorCodes.OK, ErrorCodes.MSG_OK, result);
    } catch (SimError e) {
      if (e.httpStatus() == 200) {
        send(exchange, e.code(), e.getMessage(), null);
      } else {
        ObjectNode answer = CcapiJson.MAPPER.createObjectNode().put("code", e.code()).put("message", e.getMessage());
        HttpIo.sendJson(exchange, e.httpStatus(), CcapiJson.MAPPER.writeValueAsBytes(answer));
      }
    } catch (RuntimeException e) {
      LOG.error("simulator bug serving {} {}", method, match.route() == null ? path : match.route().template(), e);
      sendInternalError(exchange, 500);
    }
  }

  private static String stripTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  private Object serve(
      String method, SimRouter.Match match, Map<String, String> query, String appId, byte[] body) {
    SimRouter.Route route = match.route();
    if (route == null) {
      throw match.pathKnown()
          ? SimError.http(405, "method " + method + " not allowed here")
          : SimError.http(404, "no such endpoint");
    }
    auth.check(query);
    AppState app = null;
    if (route.needsApp()) {
      if (appId == null || appId.isBlank()) {
        throw SimError.business(ErrorCodes.APP_ID_BLANK, ErrorCodes.MSG_APP_ID_BLANK);
      }
      app = state.app(appId);
      if (app == null) {
        throw SimError.business(ErrorCodes.APP_NOT_FOUND, ErrorCodes.MSG_APP_NOT_FOUND);
      }
    }
    // GET bodies, and those of calls whose parameters are all in the path, are optional and ignored
    Body parsed = route.readsBody() ? parse(body) : Body.EMPTY;
    return route.handler().handle(new SimCall(app, parsed, match.params(), query));
  }

  private static Body parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw SimError.badJson();
    }
    try {
      JsonNode node = CcapiJson.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw SimError.badJson();
      }
      return new Body((ObjectNode) node);
    } catch (IOException e) {
      throw SimError.badJson();
    }
  }

  private static void send(HttpExchange exchange, String code, String desc, Object result) throws IOException {
    ObjectNode answer = CcapiJson.MAPPER.createObjectNode();
    answer.put("ErrCode", code);
    answer.put("ErrDesc", desc);
    JsonNode r = result == null ? NullNode.getInstance() : CcapiJson.MAPPER.valueToTree(result);
    answer.set("Result", r == null ? NullNode.getInstance() : r);
    HttpIo.sendJson(exchange, 200, CcapiJson.MAPPER.writeValueAsBytes(answer));
  }

  private static void sendInternalError(HttpExchange exchange, int status) throws IOException {
    ObjectNode answer = CcapiJson.MAPPER.createObjectNode();
    answer.put("ErrCode", ErrorCodes.INTERNAL_ERROR);
    answer.put("ErrDesc", ErrorCodes.MSG_INTERNAL_ERROR);
    HttpIo.sendJson(exchange, status, CcapiJson.MAPPER.writeValueAsBytes(answer));
  }
}
