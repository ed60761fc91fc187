package io.ccapi.operator.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Faults injected into {@code /ccapi/v2/} requests. Each request first waits {@code latencyMs} plus a
 * uniform {@code [0, jitterMs]}; then, on independent dice, it is dropped ({@code dropRate}), hung for
 * {@code hangMs} and then refused ({@code timeoutRate}), or refused at once ({@code errorRate}). A refused,
 * hung or dropped request is never applied. A write (POST, PUT, DELETE) that passes may still lose its
 * answer ({@code lostAnswerRate}): applied, then the connection ends unanswered — the case that makes a
 * client unable to tell whether a create happened. {@code ignoreSuppliedAppId} plays a platform that assigns
 * its own AppId on POST apps whatever the caller sent.
 */
public record FaultSettings(
    long latencyMs,
    long jitterMs,
    double errorRate,
    ErrorMode errorMode,
    double timeoutRate,
    long hangMs,
    double dropRate,
    double lostAnswerRate,
    boolean ignoreSuppliedAppId) {

  public static final long DEFAULT_HANG_MS = 30_000;

  public FaultSettings {
    requireNonNegative("latencyMs", latencyMs);
    requireNonNegative("jitterMs", jitterMs);
    requireNonNegative("hangMs", hangMs);
    requireRate("errorRate", errorRate);
    requireRate("timeoutRate", timeoutRate);
    requireRate("dropRate", dropRate);
    requireRate("lostAnswerRate", lostAnswerRate);
    if (errorMode == null) {
      throw new IllegalArgumentException("errorMode must be http500 or errcode");
    }
  }

  /** Settings that honour a supplied AppId. */
  public FaultSettings(
      long latencyMs, long jitterMs, double errorRate, ErrorMode errorMode, double timeoutRate, long hangMs, double dropRate,
      double lostAnswerRate) {
    this(latencyMs, jitterMs, errorRate, errorMode, timeoutRate, hangMs, dropRate, lostAnswerRate, false);
  }

  /** Settings without lost answers. */
  public FaultSettings(
      long latencyMs, long jitterMs, double errorRate, ErrorMode errorMode, double timeoutRate, long hangMs, double dropRate) {
    this(latencyMs, jitterMs, errorRate, errorMode, timeoutRate, hangMs, dropRate, 0);
  }

  public static FaultSettings none() {
    return new FaultSettings(0, 0, 0, ErrorMode.HTTP500, 0, DEFAULT_HANG_MS, 0);
  }

  /** These settings with a fixed latency of {@code ms} per request. */
  public FaultSettings withLatency(long ms) {
    return new FaultSettings(ms, jitterMs, errorRate, errorMode, timeoutRate, hangMs, dropRate, lostAnswerRate, ignoreSuppliedAppId);
  }

  /** These settings with lost answers at {@code rate}. */
  public FaultSettings withLostAnswerRate(double rate) {
    return new FaultSettings(latencyMs, jitterMs, errorRate, errorMode, timeoutRate, hangMs, dropRate, rate, ignoreSuppliedAppId);
  }

  /** These settings with POST apps assigning its own AppId ({@code ignore}) or honouring the caller's. */
  public FaultSettings withIgnoreSuppliedAppId(boolean ignore) {
    return new FaultSettings(latencyMs, jitterMs, errorRate, errorMode, timeoutRate, hangMs, dropRate, lostAnswerRate, ignore);
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0");
    }
  }

  private static void requireRate(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1]");
    }
  }

  /** How an injected error is answered. */
  public enum ErrorMode {
    /** HTTP 500 with {@code {"ErrCode":"000003","ErrDesc":"System internal error"}}. */
    HTTP500,
    /** HTTP 200 with ErrCode 000003, as the platform answers its own internal errors. */
    ERRCODE;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ErrorMode parse(String text) {
      for (ErrorMode m : values()) {
        if (m.wire().equalsIgnoreCase(text)) {
          return m;
        }
      }
      throw new IllegalArgumentException("errorMode must be http500 or errcode, not " + text);
    }
  }
}
