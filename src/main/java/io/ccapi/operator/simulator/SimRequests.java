package io.ccapi.operator.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last {@value #CAPACITY} requests of {@code /ccapi/v2/}, in arrival order: when, "METHOD
 * path-template", AppId, the caller's User-Agent and the Sign it sent. Tests read them to tell which
 * operator process wrote (two writers) and which Sign values must never show in logs.
 */
final class SimRequests {
  static final int CAPACITY = 200_000;

  record Request(long atMillis, String endpoint, String appId, String userAgent, String sign) {}

  private final ArrayDeque<Request> last = new ArrayDeque<>();

  synchronized void record(Request request) {
    if (last.size() == CAPACITY) {
      last.removeFirst();
    }
    last.addLast(request);
  }

  synchronized void reset() {
    last.clear();
  }

  /** Plain maps for the JSON dump. */
  synchronized List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> out = new ArrayList<>(last.size());
    for (Request r : last) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", r.atMillis());
      m.put("endpoint", r.endpoint());
      m.put("appId", r.appId());
      m.put("userAgent", r.userAgent());
      m.put("sign", r.sign());
      out.add(m);
    }
    return out;
  }
}
