package io.ccapi.operator.ccapi;

import java.util.Locale;

/**
 * What a failed ccapi call means to its caller. Everything above the client (conditions, retries, deletion
 * ordering, adoption of duplicates) decides on this, never on raw codes.
 */
public enum ErrorClass {
  /** 000001 and unknown codes: the request itself is wrong; retrying it unchanged cannot help. */
  INVALID_INPUT,
  /** 000003, HTTP 5xx, I/O errors, timeouts: the platform may succeed later. */
  BACKEND,
  /** 000004, 100018, "Queue Blank": the addressed record does not exist. */
  NOT_FOUND,
  /** 100002, 100017: the AppId is unknown, disabled or missing. */
  APP_NOT_FOUND,
  /** 100004 "Duplicate entry", 100015: the record exists already. */
  CONFLICT,
  /** 100004 "... can't delete", 100016: a binding keeps the record from being deleted. */
  BLOCKED_BY_DEPENDENCY,
  /** HTTP 401/403: bad or stale signature, wrong Sid or AuthToken. */
  UNAUTHORIZED,
  /** 100004 "unexpected end of JSON input", or an answer that is not the documented JSON. */
  MALFORMED;

  public boolean retryable() {
    return this == BACKEND;
  }

  /** Classifies a platform answer. {@code errCode} is null when the body had no code. */
  public static ErrorClass classify(int httpStatus, String errCode, String errDesc) {
    if (httpStatus == 401 || httpStatus == 403) {
      return UNAUTHORIZED;
    }
    if (errCode == null) {
      return httpStatus >= 500 ? BACKEND : MALFORMED;
    }
    String desc = errDesc == null ? "" : errDesc.toLowerCase(Locale.ROOT);
    return switch (errCode) {
      case ErrorCodes.INTERNAL_ERROR -> BACKEND;
      case ErrorCodes.DATA_NOT_EXIST, ErrorCodes.RECORD_NOT_FOUND -> NOT_FOUND;
      case ErrorCodes.APP_NOT_FOUND, ErrorCodes.APP_ID_BLANK -> APP_NOT_FOUND;
      case ErrorCodes.NUMBER_EXISTED -> CONFLICT;
      case ErrorCodes.VOIP_BIND_AGENT -> BLOCKED_BY_DEPENDENCY;
      case ErrorCodes.DUPLICATE_OR_BAD_REQUEST -> classify100004(desc);
      default -> desc.contains("queue blank") ? NOT_FOUND : httpStatus >= 500 ? BACKEND : INVALID_INPUT;
    };
  }

  private static ErrorClass classify100004(String desc) {
    if (desc.contains("duplicate")) {
      return CONFLICT;
    }
    if (desc.contains("can't delete") || desc.contains("cannot delete")) {
      return BLOCKED_BY_DEPENDENCY;
    }
    if (desc.contains("json")) {
      return MALFORMED;
    }
    return INVALID_INPUT;
  }
}
