package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.Signer;
import io.ccapi.operator.ccapi.model.Apps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A simulator on an ephemeral port plus the real client (through {@link CcapiClientFactory}) and a raw
 * OkHttp client for what the typed client cannot send. Shared by the ccapi and simulator tests.
 */
public final class SimHarness implements AutoCloseable {
  public static final CcapiCredentials CREDENTIALS =
      new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final ObjectMapper PLAIN = new ObjectMapper();

  public final CcapiSimulator simulator;
  public final CcapiClientFactory factory;
  public final CcapiClient client;
  private final OkHttpClient raw = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  private SimHarness(CcapiSimulator simulator, CcapiClientFactory factory) {
    this.simulator = simulator;
    this.factory = factory;
    this.client = factory.create(simulator.baseUrl(), CREDENTIALS);
  }

  public static SimHarness start() {
    return start(Duration.ofSeconds(5), Clock.systemUTC());
  }

  public static SimHarness start(Duration readTimeout, Clock clock) {
    try {
      CcapiSimulator sim = CcapiSimulator.start(SimulatorConfig.ephemeral());
      return new SimHarness(
          sim, new CcapiClientFactory(Duration.ofSeconds(2), readTimeout, CcapiClient.CallRecorder.NONE, clock));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of this simulator with other credentials or another clock. */
  public CcapiClient client(CcapiCredentials credentials) {
    return factory.create(simulator.baseUrl(), credentials);
  }

  /** A fresh app, so each test has its own state. */
  public Apps.App newApp() {
    return client.createApp(new Apps.CreateRequest("test", Apps.TYPE_CALL_CENTER, "", null, null));
  }

  /** {@code /ccapi/v2/<path>} with a valid signature and, unless null, AppId. */
  public String signedUrl(String path, String appId) {
    long ts = System.currentTimeMillis();
    String sep = path.contains("?") ? "&" : "?";
    return simulator.baseUrl() + "/ccapi/v2/" + path + sep + "Timestamp=" + ts
        + (appId == null ? "" : "&AppId=" + appId)
        + "&Sid=" + CREDENTIALS.sid() + "&Sign=" + Signer.sign(CREDENTIALS.sid(), CREDENTIALS.authToken(), ts);
  }

  /** One raw HTTP exchange; {@code body} null sends none. */
  public RawAnswer send(String method, String url, String body) {
    Request request =
        new Request.Builder()
            .url(url)
            .method(method, requestBody(method, body))
            .build();
    try (Response response = raw.newCall(request).execute()) {
      String text = response.body().string();
      return new RawAnswer(response.code(), text.isEmpty() ? null : PLAIN.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** OkHttp refuses a GET body and insists on a POST/PUT one: "no body" is then an empty one. */
  private static RequestBody requestBody(String method, String body) {
    if (body != null) {
      return RequestBody.create(body, JSON);
    }
    return method.equals("GET") ? null : RequestBody.create(new byte[0]);
  }

  /** An operations endpoint, {@code /__sim/<path>}. */
  public RawAnswer ops(String method, String path, String body) {
    return send(method, simulator.baseUrl() + "/__sim/" + path, body);
  }

  public record RawAnswer(int status, JsonNode json) {}

  @Override
  public void close() {
    factory.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    simulator.close();
  }
}
