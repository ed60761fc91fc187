package io.ccapi.operator.ccapi;

/** An account's Sid and AuthToken. {@link #toString()} never shows the token. */
public record CcapiCredentials(String sid, String authToken) {
  @Override
  public String toString() {
    return "CcapiCredentials[sid=" + sid + ", authToken=***]";
  }
}
