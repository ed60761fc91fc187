package io.ccapi.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.ccapi.model.Queues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unsigned {@code /__sim/} endpoints, and concurrent signed traffic adding up in the stats. */
class SimulatorOpsTest {
  private SimHarness sim;

  @BeforeEach
  void start() {
    sim = SimHarness.start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private JsonNode stats() {
    return sim.ops("GET", "stats", null).json();
  }

  @Test
  void requestsAreRecordedInOrderWithUserAgentAndSign() {
    CcapiClient named =
        new CcapiClientFactory(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5), 0, CcapiClient.CallRecorder.NONE,
            java.time.Clock.systemUTC(), "ccapi-operator (pod-a)").create(sim.simulator.baseUrl(), SimHarness.CREDENTIALS);
    String appId = named.createApp(new Apps.CreateRequest("t", Apps.TYPE_CALL_CENTER, "", null, null)).appId();
    sim.client.listQueues(appId);

    JsonNode requests = sim.ops("GET", "requests", null).json().get("requests");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).get("endpoint").asText()).isEqualTo("POST apps");
    assertThat(requests.get(0).get("userAgent").asText()).isEqualTo("ccapi-operator (pod-a)");
    assertThat(requests.get(0).get("sign").asText()).matches("[0-9a-f]{40}");
    assertThat(requests.get(1).get("endpoint").asText()).isEqualTo("GET queues");
    assertThat(requests.get(1).get("appId").asText()).isEqualTo(appId);
    assertThat(requests.get(1).get("userAgent").asText()).isEqualTo(CcapiClientFactory.DEFAULT_USER_AGENT);
    sim.ops("POST", "reset", null);
    assertThat(sim.ops("GET", "requests", null).json().get("requests")).isEmpty();
  }

  @Test
  void statsCountPerEndpointTemplateAndApp() {
    String appId = sim.newApp().appId();
    sim.client.createQueue(appId, new Queues.Request("9001", "Q", null, null, null));
    sim.client.listQueues(appId);
    sim.client.listQueues(appId);
    expectNotFound(() -> sim.client.getAgent(appId, "1"));
    expectNotFound(() -> sim.client.getAgent(appId, "2"));
    sim.send("GET", sim.signedUrl("nowhere", null), null);

    JsonNode stats = stats();
    assertThat(stats.get("total").asLong()).isEqualTo(7);
    JsonNode byEndpoint = stats.get("byEndpoint");
    assertThat(byEndpoint.get("POST apps").asLong()).isEqualTo(1);
    assertThat(byEndpoint.get("POST queues").asLong()).isEqualTo(1);
    assertThat(byEndpoint.get("GET queues").asLong()).isEqualTo(2);
    assertThat(byEndpoint.get("GET agents/{AgentId}").asLong()).isEqualTo(2);
    assertThat(byEndpoint.get("GET (unmatched)").asLong()).isEqualTo(1);
    assertThat(stats.get("byApp").get(appId).asLong()).isEqualTo(5);
    assertThat(stats.get("byApp").get("-").asLong()).isEqualTo(2);
    JsonNode ofApp = stats.get("byAppEndpoint").get(appId);
    assertThat(ofApp.get("POST queues").asLong()).isEqualTo(1);
    assertThat(ofApp.get("GET queues").asLong()).isEqualTo(2);
    assertThat(ofApp.get("GET agents/{AgentId}").asLong()).isEqualTo(2);
    assertThat(ofApp.has("POST apps")).isFalse();
    assertThat(stats.get("byAppEndpoint").get("-").get("POST apps").asLong()).isEqualTo(1);
  }

  private static void expectNotFound(Runnable call) {
    try {
      call.run();
    } catch (CcapiException e) {
      assertThat(e.errorClass()).isEqualTo(ErrorClass.NOT_FOUND);
    }
  }

  @Test
  void stateDumpShowsObjectsWithTheirSecrets() {
    Apps.App app = sim.newApp();
    Extensions.Credentials ext = sim.client.createExtension(app.appId(), "8001");
    sim.client.createQueue(app.appId(), new Queues.Request("9001", "Q", null, null, null));

    JsonNode apps = sim.ops("GET", "state", null).json().get("apps");
    assertThat(apps).hasSize(1);
    JsonNode dumped = apps.get(0);
    assertThat(dumped.get("appId").asText()).isEqualTo(app.appId());
    assertThat(dumped.get("secret").asText()).isEqualTo(app.secret());
    assertThat(dumped.get("extensions").get(0).get("password").asText()).isEqualTo(ext.password());
    assertThat(dumped.get("extensions").get(0).get("agentId").isNull()).isTrue();
    assertThat(dumped.get("queues").get(0).get("queueId").asText()).isEqualTo("9001");
  }

  @Test
  void faultsRoundTripAndValidation() {
    JsonNode initial = sim.ops("GET", "faults", null).json();
    assertThat(initial.get("errorRate").asDouble()).isZero();
    assertThat(initial.get("errorMode").asText()).isEqualTo("http500");
    assertThat(initial.get("hangMs").asLong()).isEqualTo(FaultSettings.DEFAULT_HANG_MS);

    String all =
        "{\"latencyMs\":5,\"jitterMs\":2,\"errorRate\":0.25,\"errorMode\":\"errcode\",\"timeoutRate\":0.5,"
            + "\"hangMs\":100,\"dropRate\":0.125}";
    SimHarness.RawAnswer put = sim.ops("PUT", "faults", all);
    assertThat(put.status()).isEqualTo(200);
    JsonNode read = sim.ops("GET", "faults", null).json();
    assertThat(read).isEqualTo(put.json());
    assertThat(sim.simulator.faults())
        .isEqualTo(new FaultSettings(5, 2, 0.25, FaultSettings.ErrorMode.ERRCODE, 0.5, 100, 0.125));

    // A partial PUT changes only what it names.
    sim.ops("PUT", "faults", "{\"errorRate\":0}");
    assertThat(sim.simulator.faults().latencyMs()).isEqualTo(5);
    assertThat(sim.simulator.faults().errorRate()).isZero();

    for (String bad : List.of("{\"errorRate\":1.5}", "{\"errorMode\":\"teapot\"}", "{\"latencyMs\":-1}",
        "{\"latencyMS\":1}", "[]", "")) {
      SimHarness.RawAnswer refused = sim.ops("PUT", "faults", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().get("error").asText()).isNotBlank();
    }
    assertThat(sim.simulator.faults().latencyMs()).isEqualTo(5);
  }

  @Test
  void resetDropsStateAndStats() {
    String appId = sim.newApp().appId();
    assertThat(stats().get("total").asLong()).isEqualTo(1);

    assertThat(sim.ops("POST", "reset", "").status()).isEqualTo(200);
    assertThat(stats().get("total").asLong()).isZero();
    assertThat(sim.ops("GET", "state", null).json().get("apps")).isEmpty();
    try {
      sim.client.getApp(appId);
      throw new AssertionError("the app survived the reset");
    } catch (CcapiException e) {
      assertThat(e.errorClass()).isEqualTo(ErrorClass.APP_NOT_FOUND);
    }
  }

  @Test
  void unknownOpsEndpoint() {
    assertThat(sim.ops("GET", "nothing", null).status()).isEqualTo(404);
    assertThat(sim.ops("DELETE", "faults", null).status()).isEqualTo(404);
  }

  @Test
  void opsRefuseNonLoopbackCallers() throws Exception {
    // The server only listens on 127.0.0.1, so a remote caller is simulated at the exchange level.
    SimState state = new SimState();
    OpsApi ops = new OpsApi(state, new SimStats(), new SimRequests(), new Faults(FaultSettings.none()));
    FakeExchange remote = new FakeExchange("GET", "/__sim/state", new InetSocketAddress("192.0.2.10", 40000));
    ops.handle(remote);
    assertThat(remote.status).isEqualTo(403);
    assertThat(remote.response.toString()).doesNotContain("apps");

    FakeExchange local = new FakeExchange("GET", "/__sim/state", new InetSocketAddress("127.0.0.1", 40000));
    ops.handle(local);
    assertThat(local.status).isEqualTo(200);
  }

  @Test
  void concurrentSignedCallsAllSucceedAndAddUp() throws Exception {
    int threads = 8;
    int callsPerThread = 200;
    String app = sim.newApp().appId();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(() -> {
          CcapiClient client = sim.client;
          for (int i = 0; i < callsPerThread / 2; i++) {
            // Extension numbers 1000.. are distinct per thread and call.
            client.createExtension(app, Integer.toString(1000 + thread * 1000 + i));
            client.getApp(app);
          }
          return callsPerThread;
        });
      }
      int done = 0;
      for (Future<Integer> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        done += f.get();
      }
      assertThat(done).isEqualTo(threads * callsPerThread);
    } finally {
      pool.shutdownNow();
    }

    JsonNode stats = stats();
    assertThat(stats.get("total").asLong()).isEqualTo(1 + threads * callsPerThread);
    assertThat(stats.get("byEndpoint").get("POST extensions").asLong()).isEqualTo(threads * callsPerThread / 2);
    assertThat(stats.get("byEndpoint").get("GET apps").asLong()).isEqualTo(threads * callsPerThread / 2);
    assertThat(stats.get("byApp").get(app).asLong()).isEqualTo(threads * callsPerThread);
    JsonNode extensions = sim.ops("GET", "state", null).json().get("apps").get(0).get("extensions");
    assertThat(extensions).hasSize(threads * callsPerThread / 2);
  }

  /** Just enough of an exchange to call a handler directly. */
  private static final class FakeExchange extends HttpExchange {
    private final String method;
    private final URI uri;
    private final InetSocketAddress remote;
    private final Headers responseHeaders = new Headers();
    final ByteArrayOutputStream response = new ByteArrayOutputStream();
    int status;

    FakeExchange(String method, String path, InetSocketAddress remote) {
      this.method = method;
      this.uri = URI.create(path);
      this.remote = remote;
    }

    @Override
    public Headers getRequestHeaders() {
      return new Headers();
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return uri;
    }

    @Override
    public String getRequestMethod() {
      return method;
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public OutputStream getResponseBody() {
      return response;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
      status = rCode;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return remote;
    }

    @Override
    public int getResponseCode() {
      return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress("127.0.0.1", 18043);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream i, OutputStream o) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
