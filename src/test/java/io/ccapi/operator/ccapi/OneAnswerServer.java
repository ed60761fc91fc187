package io.ccapi.operator.ccapi;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A loopback stub that gives every request the one answer set last, and a real client of it. (mockwebserver3
 * 5.5.1 cannot run here: the test classpath also holds fabric8's OkHttp 4.12, whose classes shadow OkHttp 5's.)
 */
final class OneAnswerServer implements AutoCloseable {
  private final HttpServer server;
  private final CcapiClientFactory factory;
  final CcapiClient client;
  private volatile int status = 200;
  private volatile String body = "";

  OneAnswerServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    factory = new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(2), CcapiClient.CallRecorder.NONE);
    client = factory.create("http://127.0.0.1:" + server.getAddress().getPort(), new CcapiCredentials("sid", "token"));
  }

  void answer(int status, String body) {
    this.status = status;
    this.body = body;
  }

  /** An OK envelope around {@code resultJson}. */
  void ok(String resultJson) {
    answer(200, "{\"ErrCode\":\"000000\",\"ErrDesc\":\"OK\",\"Result\":" + resultJson + "}");
  }

  @Override
  public void close() {
    factory.close();
    server.stop(0);
  }
}
