package io.ccapi.operator.ccapi;

import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Makes {@link CcapiClient}s that share one connection pool and dispatcher. Connection failures are not
 * retried by OkHttp either, for the same reason the client does not retry (non-idempotent POSTs).
 */
public final class CcapiClientFactory {
  private final OkHttpClient http;
  private final CcapiClient.CallRecorder recorder;
  private final Clock clock;

  public CcapiClientFactory(Duration connectTimeout, Duration readTimeout, CcapiClient.CallRecorder recorder) {
    this(connectTimeout, readTimeout, recorder, Clock.systemUTC());
  }

  public CcapiClientFactory(
      Duration connectTimeout, Duration readTimeout, CcapiClient.CallRecorder recorder, Clock clock) {
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(readTimeout)
            .retryOnConnectionFailure(false)
            .build();
    this.recorder = recorder;
    this.clock = clock;
  }

  public CcapiClient create(String baseUrl, CcapiCredentials credentials) {
    return new CcapiClient(http, baseUrl, credentials, clock, recorder);
  }

  /** Releases pooled connections and dispatcher threads. */
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
