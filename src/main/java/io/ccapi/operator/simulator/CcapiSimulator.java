package io.ccapi.operator.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A stateful ccapi v2 platform over HTTP on 127.0.0.1, for developing manifests and for tests: serves
 * {@code /ccapi/v2/} as the reference describes (choices on its contradictions: DESIGN.md beside this
 * class) and the unsigned operations endpoints under {@code /__sim/}. Thread-safe; start in-process with
 * {@link #start}, stop with {@link #close}.
 */
public final class CcapiSimulator implements AutoCloseable {
  static final int THREADS = 32;

  static {
    // Read once by the JDK server when its first instance starts, so set before that and only if unset.
    // nodelay: headers and body go out in two writes; without it Nagle + delayed ACK add ~40 ms per call.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    // Idle keep-alive connections outlive OkHttp's 5-minute pool, so a pooled connection is never one
    // the server already closed (the client does not retry such failures).
    System.getProperties().putIfAbsent("sun.net.httpserver.idleInterval", "330");
  }

  private final HttpServer server;
  private final boolean tls;
  private final ExecutorService executor;
  private final Faults faults;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CcapiSimulator(HttpServer server, ExecutorService executor, Faults faults) {
    this.server = server;
    this.tls = server instanceof HttpsServer;
    this.executor = executor;
    this.faults = faults;
  }

  public static CcapiSimulator start(SimulatorConfig config) throws IOException {
    return start(config, null);
  }

  /** Over HTTPS with {@code tls} (its key and certificate), or over HTTP when null. */
  public static CcapiSimulator start(SimulatorConfig config, SSLContext tls) throws IOException {
    SimState state = new SimState();
    SimStats stats = new SimStats();
    SimRequests requests = new SimRequests();
    Faults faults = new Faults(config.faults());
    ApiDispatcher api =
        new ApiDispatcher(state, stats, requests, faults, new SimAuth(config.sid(), config.authToken(), Clock.systemUTC()));
    OpsApi ops = new OpsApi(state, stats, requests, faults);

    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port());
    HttpServer server;
    if (tls == null) {
      server = HttpServer.create(address, 1024);
    } else {
      HttpsServer https = HttpsServer.create(address, 1024);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    }
    ExecutorService executor = newExecutor();
    server.setExecutor(executor);
    server.createContext("/", exchange -> dispatch(exchange, api, ops));
    server.start();
    return new CcapiSimulator(server, executor, faults);
  }

  /** Bounded: a flood queues instead of starting threads; hung (fault-injected) requests hold a thread. */
  private static ExecutorService newExecutor() {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "ccapi-sim-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static void dispatch(HttpExchange exchange, ApiDispatcher api, OpsApi ops) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith(ApiDispatcher.PREFIX)) {
        api.handle(exchange);
      } else if (path.startsWith(OpsApi.PREFIX)) {
        ops.handle(exchange);
      } else {
        HttpIo.readBody(exchange, 1 << 16);
        byte[] answer = "{\"code\":\"404\",\"message\":\"no such endpoint\"}".getBytes(StandardCharsets.UTF_8);
        HttpIo.sendJson(exchange, 404, answer);
      }
    } finally {
      exchange.close(); // without a sent answer this closes the connection: how a dropped request looks
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT} ({@code https://} over TLS), the base URL for {@code CcapiClientFactory.create}. */
  public String baseUrl() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + port();
  }

  /** The faults in force (also readable and settable at {@code /__sim/faults}). */
  public FaultSettings faults() {
    return faults.get();
  }

  public void setFaults(FaultSettings settings) {
    faults.set(settings);
  }

  /** Stops listening at once; requests in flight (even hung ones) are cut. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
