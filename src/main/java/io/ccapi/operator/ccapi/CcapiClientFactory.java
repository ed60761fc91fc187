package io.ccapi.operator.ccapi;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Makes {@link CcapiClient}s that share one connection pool and dispatcher. Connection failures are not
 * retried by OkHttp either, for the same reason the client does not retry (non-idempotent POSTs).
 */
public final class CcapiClientFactory implements AutoCloseable {
  private static final int IDLE_CONNECTIONS = 16;
  public static final String DEFAULT_USER_AGENT = "ccapi-operator";
  private final OkHttpClient http;
  private final CcapiClient.CallRecorder recorder;
  private final Clock clock;

  public CcapiClientFactory(Duration connectTimeout, Duration readTimeout, CcapiClient.CallRecorder recorder) {
    this(connectTimeout, readTimeout, 0, recorder, Clock.systemUTC());
  }

  public CcapiClientFactory(
      Duration connectTimeout, Duration readTimeout, CcapiClient.CallRecorder recorder, Clock clock) {
    this(connectTimeout, readTimeout, 0, recorder, clock);
  }

  /**
   * @param callsPerSecond at most this many ccapi calls per second from this process, all accounts
   *     together; 0 for no limit. A call waits up to {@code readTimeout} for its turn.
   */
  public CcapiClientFactory(
      Duration connectTimeout, Duration readTimeout, int callsPerSecond, CcapiClient.CallRecorder recorder, Clock clock) {
    this(connectTimeout, readTimeout, callsPerSecond, recorder, clock, DEFAULT_USER_AGENT);
  }

  /**
   * @param userAgent sent with every call, e.g. {@code ccapi-operator (pod name)}: the platform's request
   *     logs then tell which replica called
   */
  public CcapiClientFactory(
      Duration connectTimeout, Duration readTimeout, int callsPerSecond, CcapiClient.CallRecorder recorder, Clock clock,
      String userAgent) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .writeTimeout(readTimeout)
            .retryOnConnectionFailure(false)
            // the reconcile threads (JOSDK's default pool) call concurrently: keep a connection for each
            .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()));
    if (callsPerSecond > 0) {
      builder.addInterceptor(new RateLimitInterceptor(callsPerSecond, readTimeout, recorder));
    }
    this.http = builder.build();
    this.recorder = recorder;
    this.clock = clock;
  }

  public CcapiClient create(String baseUrl, CcapiCredentials credentials) {
    return new CcapiClient(http, baseUrl, credentials, clock, recorder);
  }

  /** Releases pooled connections and dispatcher threads. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
