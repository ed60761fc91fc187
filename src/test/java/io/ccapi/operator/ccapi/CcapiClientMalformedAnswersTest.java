package io.ccapi.operator.ccapi;

import static io.ccapi.operator.ccapi.CcapiClientErrorsTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers the simulator never gives, from a one-answer stub server. */
class CcapiClientMalformedAnswersTest {
  private OneAnswerServer server;
  private CcapiClient client;

  @BeforeEach
  void start() {
    server = new OneAnswerServer();
    client = server.client;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void answer(int status, String body) {
    server.answer(status, body);
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
