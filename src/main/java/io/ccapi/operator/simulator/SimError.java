package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.ErrorCodes;

/**
 * A refused simulator request. HTTP 200 errors are business answers ({@code ErrCode/ErrDesc/Result});
 * any other status is an HTTP-level refusal answered as {@code {"code","message"}}, the reference's second
 * envelope shape (see DESIGN.md).
 */
final class SimError extends RuntimeException {
  private final int httpStatus;
  private final String code;

  private SimError(int httpStatus, String code, String desc) {
    super(desc, null, false, false); // control flow, not a bug: no stack trace
    this.httpStatus = httpStatus;
    this.code = code;
  }

  static SimError business(String errCode, String errDesc) {
    return new SimError(200, errCode, errDesc);
  }

  static SimError http(int status, String message) {
    return new SimError(status, Integer.toString(status), message);
  }

  static SimError parameterError(String detail) {
    return business(ErrorCodes.PARAMETER_ERROR, withDetail(ErrorCodes.MSG_PARAMETER_ERROR, detail));
  }

  static SimError paramsInvalid(String detail) {
    return business(ErrorCodes.PARAMETER_ERROR, withDetail(ErrorCodes.MSG_PARAMS_INVALID, detail));
  }

  static SimError idsBlank() {
    return business(ErrorCodes.PARAMETER_ERROR, ErrorCodes.MSG_IDS_BLANK);
  }

  static SimError recordNotFound() {
    return business(ErrorCodes.RECORD_NOT_FOUND, ErrorCodes.MSG_RECORD_NOT_FOUND);
  }

  static SimError queueBlank() {
    return business(ErrorCodes.RECORD_NOT_FOUND, ErrorCodes.MSG_QUEUE_BLANK);
  }

  static SimError dataNotExist() {
    return business(ErrorCodes.DATA_NOT_EXIST, ErrorCodes.MSG_DATA_NOT_EXIST);
  }

  static SimError duplicate(String value, String key) {
    return business(ErrorCodes.DUPLICATE_OR_BAD_REQUEST, ErrorCodes.duplicateEntry(value, key));
  }

  static SimError badJson() {
    return business(ErrorCodes.DUPLICATE_OR_BAD_REQUEST, ErrorCodes.MSG_BAD_JSON);
  }

  /** The canonical text first, so callers matching on it still match; the detail helps manifest authors. */
  private static String withDetail(String text, String detail) {
    return detail == null ? text : text + ": " + detail;
  }

  int httpStatus() {
    return httpStatus;
  }

  String code() {
    return code;
  }
}
