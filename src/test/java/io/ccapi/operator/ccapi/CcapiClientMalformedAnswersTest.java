package io.ccapi.operator.ccapi;

import static io.ccapi.operator.ccapi.CcapiClientErrorsTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the simulator never gives, from a one-answer stub server. (mockwebserver3 5.5.1 cannot run here:
 * the test classpath also holds fabric8's OkHttp 4.12, whose classes shadow OkHttp 5's.)
 */
class CcapiClientMalformedAnswersTest {
  private HttpServer server;
  private CcapiClientFactory factory;
  private CcapiClient client;
  private volatile int status;
  private volatile String body;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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

  @AfterEach
  void stop() {
    factory.close();
    server.stop(0);
  }

  private void answer(int status, String body) {
    this.status = status;
    this.body = body;
  }

  @Test
  void anHtmlPageIsMalformed() {
    answer(200, "<html><body>gateway</body></html>");
    CcapiException e = fails(() -> client.getApp("a"), ErrorClass.MALFORMED, null, "GET apps");
    assertThat(e.httpStatus()).isEqualTo(200);
  }

  @Test
  void aJsonListIsMalformed() {
    answer(200, "[]");
    fails(() -> client.listQueues("a"), ErrorClass.MALFORMED, null, "GET queues");
  }

  @Test
  void aGatewayErrorPageIsBackend() {
    answer(502, "Bad Gateway");
    CcapiException e = fails(() -> client.listQueues("a"), ErrorClass.BACKEND, null, "GET queues");
    assertThat(e.errorClass().retryable()).isTrue();
  }

  @Test
  void a401WithoutJsonIsStillUnauthorized() {
    answer(401, "Unauthorized");
    fails(() -> client.getApp("a"), ErrorClass.UNAUTHORIZED, null, "GET apps");
  }

  @Test
  void aResultOfTheWrongShapeNamesTheEndpoint() {
    answer(200, "{\"ErrCode\":\"000000\",\"ErrDesc\":\"OK\",\"Result\":\"not an app\"}");
    CcapiException e = fails(() -> client.getApp("a"), ErrorClass.MALFORMED, null, "GET apps");
    assertThat(e.getMessage()).contains("App");
  }
}
