package io.ccapi.operator.simulator;

import java.util.List;
import java.util.Map;

/**
 * One authenticated request as a handler sees it: the app named by AppId (null for POST apps), the JSON
 * body (empty for GET), the values of the path template's {@code {...}} segments, and the query.
 */
record SimCall(AppState app, Body body, List<String> pathParams, Map<String, String> query) {
  String pathParam(int index) {
    return pathParams.get(index);
  }

  /** An optional positive integer query parameter such as PageNum. */
  Integer queryInt(String name) {
    String v = query.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw SimError.paramsInvalid(name + " must be a positive integer");
  }
}
