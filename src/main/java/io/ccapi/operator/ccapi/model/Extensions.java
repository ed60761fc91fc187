package io.ccapi.operator.ccapi.model;

/** Extension management: "extensions". */
public final class Extensions {
  private Extensions() {}

  /** POST and DELETE extensions. */
  public record Request(String extension) {}

  /**
   * Result of POST extensions (and of POST agents with IsCreateExtension). {@code Number} is the SIP number:
   * the app's extension prefix followed by the extension. The password is never logged.
   */
  public record Credentials(String extension, String password, String number) {
    @Override
    public String toString() {
      return "Credentials[extension=" + extension + ", number=" + number + "]";
    }
  }
}
