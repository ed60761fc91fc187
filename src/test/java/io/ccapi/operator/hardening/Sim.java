package io.ccapi.operator.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.simulator.CcapiSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The simulator's operations endpoints as the hardening tests read them: state, request records, faults. */
record Sim(CcapiSimulator simulator) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded request of {@code GET /__sim/requests}. */
  record Request(long at, String endpoint, String appId, String userAgent, String sign) {
    boolean write() {
      return !endpoint.startsWith("GET ");
    }
  }

  JsonNode state() {
    return ops("GET", "state", null);
  }

  /** Every app of the state dump. */
  List<JsonNode> apps() {
    List<JsonNode> out = new ArrayList<>();
    state().get("apps").forEach(out::add);
    return out;
  }

  List<Request> requests() {
    List<Request> out = new ArrayList<>();
    for (JsonNode r : ops("GET", "requests", null).get("requests")) {
      out.add(new Request(r.get("at").asLong(), r.get("endpoint").asText(), r.path("appId").asText(null),
          r.path("userAgent").asText(null), r.path("sign").asText(null)));
    }
    return out;
  }

  long total() {
    return ops("GET", "stats", null).get("total").asLong();
  }

  /** Writes (POST, PUT, DELETE) received so far. */
  long writes() {
    long n = 0;
    for (var it = ops("GET", "stats", null).get("byEndpoint").fields(); it.hasNext(); ) {
      var e = it.next();
      n += e.getKey().startsWith("GET ") ? 0 : e.getValue().asLong();
    }
    return n;
  }

  /** Merges {@code json} into the fault settings. */
  void faults(String json) {
    ops("PUT", "faults", json);
  }

  private JsonNode ops(String method, String path, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__sim/" + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(method + " /__sim/" + path + ": HTTP " + answer.statusCode() + " " + answer.body());
      }
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
