package io.ccapi.operator.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters of {@code /ccapi/v2/}: per "METHOD path-template" and per AppId as sent (the AppId is
 * not checked here, "-" when none), and per AppId and "METHOD path-template" ({@code byAppEndpoint}), so a
 * test can tell which tenant's objects were read or written. Every request counts, including refused and
 * fault-injected ones. Also the shape of what each endpoint was sent ({@link RequestShapes}).
 */
final class SimStats {
  static final String NO_APP = "-";

  private final LongAdder total = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> byApp = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byAppEndpoint = new ConcurrentHashMap<>();
  private final RequestShapes shapes = new RequestShapes();

  void record(String endpoint, String appId) {
    total.increment();
    byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    String app = appId == null || appId.isEmpty() ? NO_APP : appId;
    byApp.computeIfAbsent(app, k -> new LongAdder()).increment();
    byAppEndpoint.computeIfAbsent(app, k -> new ConcurrentHashMap<>()).computeIfAbsent(endpoint, k -> new LongAdder()).increment();
  }

  void reset() {
    total.reset();
    byEndpoint.clear();
    byApp.clear();
    byAppEndpoint.clear();
    shapes.reset();
  }

  RequestShapes shapes() {
    return shapes;
  }

  Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total.sum());
    out.put("byEndpoint", sums(byEndpoint));
    out.put("byApp", sums(byApp));
    Map<String, Object> perApp = new TreeMap<>();
    byAppEndpoint.forEach((app, counters) -> perApp.put(app, sums(counters)));
    out.put("byAppEndpoint", perApp);
    out.put("requestShapes", shapes.snapshot());
    return out;
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
