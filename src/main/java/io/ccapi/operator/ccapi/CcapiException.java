package io.ccapi.operator.ccapi;

/**
 * A failed ccapi call. The message names the endpoint (method and path, never the query with its Sign),
 * the platform's code and text, and the HTTP status; it never carries credentials or returned secrets.
 */
public class CcapiException extends RuntimeException {
  private final ErrorClass errorClass;
  private final String errCode;
  private final String errDesc;
  private final int httpStatus;
  private final String endpoint;
  private final boolean sent;

  public CcapiException(
      ErrorClass errorClass, String errCode, String errDesc, int httpStatus, String endpoint, Throwable cause) {
    this(errorClass, errCode, errDesc, httpStatus, endpoint, cause, true);
  }

  private CcapiException(
      ErrorClass errorClass, String errCode, String errDesc, int httpStatus, String endpoint, Throwable cause, boolean sent) {
    super(describe(errorClass, errCode, errDesc, httpStatus, endpoint), cause);
    this.sent = sent;
    this.errorClass = errorClass;
    this.errCode = errCode;
    this.errDesc = errDesc;
    this.httpStatus = httpStatus;
    this.endpoint = endpoint;
  }

  /** Classifies a platform answer. */
  public static CcapiException of(int httpStatus, String errCode, String errDesc, String endpoint) {
    return new CcapiException(
        ErrorClass.classify(httpStatus, errCode, errDesc), errCode, errDesc, httpStatus, endpoint, null);
  }

  /** A call that failed before reaching the platform (connection refused, unknown host, TLS handshake). */
  public static CcapiException notSent(String what, String endpoint) {
    return new CcapiException(ErrorClass.BACKEND, null, what, 0, endpoint, null, false);
  }

  /**
   * Whether the platform may have applied the request although the call failed: true for timeouts,
   * dropped connections and HTTP 5xx (the reference: "will not be able to determine if the request was
   * successful"). False when the platform answered with an ErrCode, 000003 included — an application
   * answer says the operation failed — or when it was never reached.
   */
  public boolean mayHaveBeenApplied() {
    return errorClass == ErrorClass.BACKEND && sent && (httpStatus == 0 || httpStatus >= 500);
  }

  private static String describe(
      ErrorClass errorClass, String errCode, String errDesc, int httpStatus, String endpoint) {
    StringBuilder sb = new StringBuilder(endpoint).append(": ");
    if (errCode != null) {
      sb.append(errCode).append(' ');
    }
    sb.append(errDesc == null || errDesc.isBlank() ? errorClass.name() : errDesc);
    if (httpStatus > 0) {
      sb.append(" (HTTP ").append(httpStatus).append(')');
    }
    return sb.toString();
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  /** The platform's ErrCode, or null when the answer had none (I/O error, HTTP error, malformed body). */
  public String errCode() {
    return errCode;
  }

  public String errDesc() {
    return errDesc;
  }

  /** HTTP status, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Method and path template, e.g. {@code DELETE agents/{AgentId}}. */
  public String endpoint() {
    return endpoint;
  }
}
