package io.ccapi.operator.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Method + path-template routing for {@code /ccapi/v2/}. A template segment in braces matches any one
 * segment; when several templates match, the one with the most literal segments wins, so
 * {@code agents/extensions} is not taken for {@code agents/{AgentId}}.
 */
final class SimRouter {
  /** A request handler: returns the envelope's Result (null, "", a record, a list or a JSON node). */
  @FunctionalInterface
  interface Handler {
    Object handle(SimCall call);
  }

  /**
   * @param readsBody whether the call has body parameters: only then is a body required and parsed (the
   *     reference's examples of calls whose parameters are all in the path send none)
   */
  record Route(String method, String template, String[] segments, boolean needsApp, boolean readsBody, Handler handler) {
    int literals() {
      int n = 0;
      for (String s : segments) {
        n += s.startsWith("{") ? 0 : 1;
      }
      return n;
    }
  }

  /** {@code route} is null when nothing matched; {@code pathKnown} tells 405 from 404 then. */
  record Match(Route route, List<String> params, boolean pathKnown) {}

  private final List<Route> routes = new ArrayList<>();

  /** {@code needsApp}: the request must name an existing app with AppId (all but POST apps). */
  void add(String method, String template, boolean needsApp, Handler handler) {
    routes.add(new Route(method, template, template.split("/"), needsApp, !method.equals("GET"), handler));
  }

  /** A call of an app whose parameters are all in the path or query: a body is neither required nor read. */
  void addWithoutBody(String method, String template, Handler handler) {
    routes.add(new Route(method, template, template.split("/"), true, false, handler));
  }

  Match match(String method, String path) {
    String[] parts = path.isEmpty() ? new String[0] : path.split("/");
    Route best = null;
    List<String> bestParams = null;
    boolean pathKnown = false;
    for (Route r : routes) {
      List<String> params = bind(r.segments(), parts);
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (r.method().equals(method) && (best == null || r.literals() > best.literals())) {
        best = r;
        bestParams = params;
      }
    }
    return new Match(best, bestParams == null ? List.of() : bestParams, pathKnown);
  }

  private static List<String> bind(String[] template, String[] parts) {
    if (template.length != parts.length) {
      return null;
    }
    List<String> params = new ArrayList<>(1);
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        params.add(parts[i]);
      } else if (!template[i].equals(parts[i])) {
        return null;
      }
    }
    return params;
  }
}
