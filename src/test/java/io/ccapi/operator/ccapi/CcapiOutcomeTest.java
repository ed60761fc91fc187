package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.simulator.SimHarness;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whether a failed call may have been applied: what decides if a create can safely be sent again. */
class CcapiOutcomeTest {
  private static final Apps.CreateRequest APP = new Apps.CreateRequest("x", Apps.TYPE_CALL_CENTER, "", null, null);

  @Test
  void refusedConnectionWasNeverApplied() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CcapiClientFactory factory = new CcapiClientFactory(Duration.ofSeconds(1), Duration.ofSeconds(1), CcapiClient.CallRecorder.NONE);
    CcapiClient client = factory.create("http://127.0.0.1:" + port, SimHarness.CREDENTIALS);
    CcapiException e = catchThrowableOfType(CcapiException.class, () -> client.createApp(APP));
    factory.close();
    assertThat(e.errorClass()).isEqualTo(ErrorClass.BACKEND);
    assertThat(e.errorClass().retryable()).isTrue();
    assertThat(e.mayHaveBeenApplied()).isFalse();
  }

  @Test
  void timeoutsAndHttp5xxMayHaveBeenAppliedErrCodeAnswersWereNot() {
    try (SimHarness sim = SimHarness.start(Duration.ofMillis(500), Clock.systemUTC())) {
      sim.ops("PUT", "faults", "{\"timeoutRate\":1.0,\"hangMs\":1500}");
      CcapiException timeout = catchThrowableOfType(CcapiException.class, () -> sim.client.createApp(APP));
      assertThat(timeout.mayHaveBeenApplied()).isTrue();

      sim.ops("PUT", "faults", "{\"timeoutRate\":0,\"errorRate\":1.0,\"errorMode\":\"http500\"}");
      assertThat(catchThrowableOfType(CcapiException.class, () -> sim.client.createApp(APP)).mayHaveBeenApplied()).isTrue();

      // an application answer, even 000003, says the operation failed
      sim.ops("PUT", "faults", "{\"errorRate\":1.0,\"errorMode\":\"errcode\"}");
      CcapiException errCode = catchThrowableOfType(CcapiException.class, () -> sim.client.createApp(APP));
      assertThat(errCode.errorClass()).isEqualTo(ErrorClass.BACKEND);
      assertThat(errCode.mayHaveBeenApplied()).isFalse();

      sim.ops("PUT", "faults", "{\"errorRate\":0,\"timeoutRate\":0}");
      CcapiException refused =
          catchThrowableOfType(CcapiException.class, () -> sim.client.createApp(new Apps.CreateRequest("", 1, "", null, null)));
      assertThat(refused.errorClass()).isEqualTo(ErrorClass.INVALID_INPUT);
      assertThat(refused.mayHaveBeenApplied()).isFalse();
    }
  }
}
