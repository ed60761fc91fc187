package io.ccapi.operator.ccapi;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Makes {@link CcapiClient}s that share one connection pool and dispatcher. Connection failures are not
 * retried by OkHttp either, for the same reason the client does not retry (non-idempotent POSTs).
 */
public final class CcapiClientFactory implements AutoCloseable {
  private static final int IDLE_CONNECTIONS = 16;
  public static final String DEFAULT_USER_AGENT = "ccapi-operator";
  /**
   * How long a call may wait for its turn under the rate limit. Waiting is the rate limit working, not
   * the platform failing: a wait bounded by the read timeout failed calls whenever more than 15 s of
   * calls were queued (a tenant converging), and their retries queued more.
   */
  static final Duration MAX_TURN_WAIT = Duration.ofMinutes(5);
  private final OkHttpClient http;
  private final CcapiClient.CallRecorder recorder;
  private final Clock clock;
  private final Map<String, OkHttpClient> withCa = new ConcurrentHashMap<>();

  public CcapiClientFactory(Duration connectTimeout, Duration readTimeout, CcapiClient.CallRecorder recorder) {
    this(connectTimeout, readTimeout, 0, recorder, Clock.systemUTC());
  }

  public CcapiClientFactory(
      Duration connectTimeout, Duration readTimeout, CcapiClient.CallRecorder recorder, Clock clock) {
    this(connectTimeout, readTimeout, 0, recorder, clock);
  }

  /**
   * @param callsPerSecond at most this many ccapi calls per second from this process to one platform
   *     endpoint, all accounts and apps together, turns fair across apps; 0 for no limit. A call waits up
   *     to {@link #MAX_TURN_WAIT} for its turn.
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
    // per endpoint: the rate limit, and as many calls in flight as connections are kept
    builder.addInterceptor(new RateLimitInterceptor(callsPerSecond, IDLE_CONNECTIONS, MAX_TURN_WAIT, recorder));
    this.http = builder.build();
    this.recorder = recorder;
    this.clock = clock;
  }

  /**
   * A client for tools and tests that talk to a local simulator: the URL is taken as given (http
   * included), with the system's CAs. The operator uses {@link #create(String, Supplier, Transport)}.
   */
  public CcapiClient create(String baseUrl, CcapiCredentials credentials) {
    return new CcapiClient(http, baseUrl, () -> credentials, clock, recorder);
  }

  /**
   * A client whose credentials are read at every call (a rotated Secret takes effect on the next one)
   * and whose transport is {@code transport}: an http:// URL is refused unless it allows plain http.
   * Clients with the same CA bundle share one TLS configuration; all share the pool and the rate limit.
   */
  public CcapiClient create(String baseUrl, Supplier<CcapiCredentials> credentials, Transport transport) {
    transport.requireAllowed(baseUrl);
    OkHttpClient client =
        transport.caBundlePem() == null
            ? http
            : withCa.computeIfAbsent(transport.caBundlePem(), pem -> {
                OkHttpClient.Builder builder = http.newBuilder();
                transport.configure(builder);
                return builder.build();
              });
    return new CcapiClient(client, baseUrl, credentials, clock, recorder);
  }

  /** Releases pooled connections and dispatcher threads. */
  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
