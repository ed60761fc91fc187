package io.ccapi.operator.ccapi;

import org.apache.commons.codec.digest.DigestUtils;

/** The server-side API signature: lowercase hex SHA1(Sid + AuthToken + Timestamp). */
public final class Signer {
  private Signer() {}

  public static String sign(String sid, String authToken, long timestampMillis) {
    return DigestUtils.sha1Hex(sid + authToken + timestampMillis);
  }
}
