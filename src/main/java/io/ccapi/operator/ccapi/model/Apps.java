package io.ccapi.operator.ccapi.model;

/** Application management ("apps"): an application is a tenant of the call-center platform. */
public final class Apps {
  private Apps() {}

  /** Application type on create: the reference's integer codes. */
  public static final int TYPE_CALL_CENTER = 1;
  public static final int TYPE_TELEMARKETING = 0;

  /** POST apps. {@code Type} is the integer code (see {@link #TYPE_CALL_CENTER}). */
  public record CreateRequest(
      String name, int type, String callbackUrl, Boolean isHideUserNum, String memo) {}

  /**
   * PUT apps. The reference documents {@code Type} here as a different enum (default|external) than on
   * create (0|1); the type is therefore create-only and never sent on update.
   */
  public record UpdateRequest(String name, String callbackUrl, Boolean isHideUserNum, String memo) {}

  /** Result of POST and GET apps. {@code Secret} is the callback signing secret: never log it. */
  public record App(
      String appId,
      String extensionPrefix,
      String name,
      String memo,
      String type,
      String callbackUrl,
      Boolean isHideUserNum,
      String secret,
      String wrapUpTime) {
    @Override
    public String toString() {
      return "App[appId=" + appId + ", name=" + name + ", extensionPrefix=" + extensionPrefix + "]";
    }
  }
}
