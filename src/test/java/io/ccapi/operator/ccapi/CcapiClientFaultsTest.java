package io.ccapi.operator.ccapi;

import static io.ccapi.operator.ccapi.CcapiClientErrorsTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.simulator.SimHarness;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults as the client sees them: all BACKEND, and the platform state untouched. */
class CcapiClientFaultsTest {
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1000);
  private static SimHarness sim;
  private static CcapiClient client;
  private String appId;

  @BeforeAll
  static void startSimulator() {
    sim = SimHarness.start(READ_TIMEOUT, Clock.systemUTC());
    client = sim.client;
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void newApp() {
    appId = sim.newApp().appId();
  }

  @AfterEach
  void noFaults() {
    faults("{\"latencyMs\":0,\"jitterMs\":0,\"errorRate\":0,\"timeoutRate\":0,\"dropRate\":0,\"hangMs\":30000}");
  }

  private static void faults(String json) {
    assertThat(sim.ops("PUT", "faults", json).status()).isEqualTo(200);
  }

  private void createQueue() {
    client.createQueue(appId, new Queues.Request("9001", "Q", null, null, null));
  }

  @Test
  void injectedHttp500() {
    faults("{\"errorRate\":1.0,\"errorMode\":\"http500\"}");
    CcapiException e = fails(this::createQueue, ErrorClass.BACKEND, ErrorCodes.INTERNAL_ERROR, "POST queues");
    assertThat(e.httpStatus()).isEqualTo(500);
    noFaults();
    assertThat(client.listQueues(appId)).as("an injected error applies nothing").isEmpty();
  }

  @Test
  void injectedErrCode() {
    faults("{\"errorRate\":1.0,\"errorMode\":\"errcode\"}");
    CcapiException e = fails(this::createQueue, ErrorClass.BACKEND, ErrorCodes.INTERNAL_ERROR, "POST queues");
    assertThat(e.httpStatus()).isEqualTo(200);
    noFaults();
    assertThat(client.listQueues(appId)).isEmpty();
  }

  @Test
  void hangLongerThanTheReadTimeout() throws Exception {
    faults("{\"timeoutRate\":1.0,\"hangMs\":3000}");
    long start = System.nanoTime();
    CcapiException e = fails(this::createQueue, ErrorClass.BACKEND, null, "POST queues");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.httpStatus()).isZero();
    assertThat(tookMs).isBetween(READ_TIMEOUT.toMillis() - 50, 2900L);
    noFaults();
    Thread.sleep(Math.max(0, 3200 - tookMs)); // let the hung request end on the server: it still must not apply
    assertThat(client.listQueues(appId)).isEmpty();
  }

  @Test
  void droppedConnection() {
    faults("{\"dropRate\":1.0}");
    CcapiException e = fails(this::createQueue, ErrorClass.BACKEND, null, "POST queues");
    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage()).contains("I/O error");
    noFaults();
    assertThat(client.listQueues(appId)).isEmpty();
  }

  @Test
  void latencyIsAdded() {
    faults("{\"latencyMs\":200,\"jitterMs\":50}");
    for (int i = 0; i < 3; i++) {
      assertThat(millisOfOneCall()).isGreaterThanOrEqualTo(200);
    }
    noFaults();
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      fastest = Math.min(fastest, millisOfOneCall());
    }
    assertThat(fastest).isLessThan(200);
  }

  private long millisOfOneCall() {
    long start = System.nanoTime();
    client.listQueues(appId);
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void faultsAreOnlyForTheApi() {
    faults("{\"errorRate\":1.0,\"dropRate\":1.0}");
    assertThat(sim.ops("GET", "stats", null).status()).isEqualTo(200);
  }
}
