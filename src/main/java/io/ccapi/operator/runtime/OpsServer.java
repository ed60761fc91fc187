package io.ccapi.operator.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The operator's own HTTP port: {@code /metrics} (Prometheus text), {@code /healthz} (liveness: the
 * informers of a leader are healthy; a standby is alive) and {@code /readyz} (leader with started,
 * synced controllers, or a standby waiting for the lease).
 */
public final class OpsServer implements AutoCloseable {
  private final HttpServer server;

  public OpsServer(int port, PrometheusMeterRegistry registry, CcapiOperator operator) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "ops-http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/healthz", ex -> health(ex, operator.health(), false));
    server.createContext("/readyz", ex -> health(ex, operator.health(), true));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void health(HttpExchange ex, CcapiOperator.Health health, boolean readiness) throws IOException {
    boolean ok = readiness ? health.ready() : health.alive();
    send(ex, ok ? 200 : 503, "text/plain; charset=utf-8", health.describe() + "\n");
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
