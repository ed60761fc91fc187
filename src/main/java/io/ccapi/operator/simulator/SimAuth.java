package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;

/**
 * The server-side signature check: {@code Sign = SHA1(Sid + AuthToken + Timestamp)}, Timestamp in UTC
 * milliseconds and within 10 minutes of now either way. A seconds-valued Timestamp (as in the reference's
 * curl examples) is 50 years off and refused. Refusals never say what the expected Sign would have been.
 */
final class SimAuth {
  static final long WINDOW_MS = 10 * 60 * 1000L;

  private final String sid;
  private final String authToken;
  private final Clock clock;

  SimAuth(String sid, String authToken, Clock clock) {
    this.sid = sid;
    this.authToken = authToken;
    this.clock = clock;
  }

  void check(Map<String, String> query) {
    String timestamp = query.get("Timestamp");
    if (timestamp == null || timestamp.isEmpty()) {
      throw SimError.http(401, "Timestamp is missing");
    }
    long millis;
    try {
      millis = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw SimError.http(401, "Timestamp is not a number");
    }
    if (Math.abs(clock.millis() - millis) > WINDOW_MS) {
      throw SimError.http(401, "Timestamp is more than 10 minutes from now (UTC milliseconds expected)");
    }
    if (!sid.equals(query.get("Sid"))) {
      throw SimError.http(401, "unknown Sid");
    }
    String sign = query.get("Sign");
    String expected = Signer.sign(sid, authToken, millis);
    if (sign == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII), sign.getBytes(StandardCharsets.US_ASCII))) {
      throw SimError.http(401, "Sign mismatch");
    }
  }
}
