package io.ccapi.operator.ccapi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * One rate limit and one concurrency limit per platform endpoint (scheme, host and port), shared by every
 * controller of this process, with turns taken fairly across apps: a tenant with a thousand writes
 * waiting does not starve another's few. A call that cannot get a turn in time fails as I/O.
 */
final class RateLimitInterceptor implements Interceptor {
  private final int callsPerSecond;
  private final int maxInFlight;
  private final Duration maxWait;
  private final CcapiClient.CallRecorder recorder;
  private final Map<String, EndpointLimiter> endpoints = new ConcurrentHashMap<>();

  RateLimitInterceptor(int callsPerSecond, int maxInFlight, Duration maxWait, CcapiClient.CallRecorder recorder) {
    this.callsPerSecond = callsPerSecond;
    this.maxInFlight = maxInFlight;
    this.maxWait = maxWait;
    this.recorder = recorder;
    recorder.rateLimit(callsPerSecond);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    String endpoint = url.scheme() + "://" + url.host() + ":" + url.port();
    EndpointLimiter limiter = endpoints.computeIfAbsent(endpoint, e -> new EndpointLimiter(e, callsPerSecond, maxInFlight));
    long start = System.nanoTime();
    try {
      boolean gotTurn = limiter.acquire(tenant(url), maxWait);
      recorder.rateLimitWait(gotTurn, System.nanoTime() - start);
      if (!gotTurn) {
        throw new InterruptedIOException("ccapi rate limit: no turn within " + maxWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for a ccapi turn");
    }
    try {
      return chain.proceed(chain.request());
    } finally {
      limiter.release();
    }
  }

  /** The app a call is for (its AppId), else the account (calls about apps themselves). */
  static String tenant(HttpUrl url) {
    return Objects.requireNonNullElse(url.queryParameter("AppId"), "Sid:" + Objects.requireNonNullElse(url.queryParameter("Sid"), ""));
  }
}
