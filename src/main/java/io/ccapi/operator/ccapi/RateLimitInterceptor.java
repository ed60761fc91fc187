package io.ccapi.operator.ccapi;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Spaces ccapi calls to at most N per second; a call that cannot get a turn in time fails as I/O. */
final class RateLimitInterceptor implements Interceptor {
  private final RateLimiter limiter;
  private final CcapiClient.CallRecorder recorder;

  RateLimitInterceptor(int callsPerSecond, Duration maxWait, CcapiClient.CallRecorder recorder) {
    this.recorder = recorder;
    recorder.rateLimit(callsPerSecond);
    this.limiter =
        RateLimiter.of(
            "ccapi",
            RateLimiterConfig.custom()
                .limitForPeriod(callsPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(maxWait)
                .build());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    long start = System.nanoTime();
    boolean gotTurn = limiter.acquirePermission();
    recorder.rateLimitWait(gotTurn, System.nanoTime() - start);
    if (!gotTurn) {
      throw new InterruptedIOException("ccapi rate limit: no turn within the read timeout");
    }
    return chain.proceed(chain.request());
  }
}
