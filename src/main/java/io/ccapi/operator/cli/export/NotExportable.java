package io.ccapi.operator.cli.export;

/** A platform object whose values the CRD cannot hold as they are: reported, not exported, nothing invented. */
final class NotExportable extends RuntimeException {
  NotExportable(String why) {
    super(why, null, false, false);
  }

  /** {@code value} if it fits {@code pattern} (null passes: the field is left out). */
  static String fit(String field, String value, String pattern) {
    if (value != null && !value.matches(pattern)) {
      throw new NotExportable(field + " \"" + value + "\" does not fit the CRD (" + pattern + ")");
    }
    return value;
  }

  /** {@code value} if it has at most {@code max} characters (and at least {@code min}). */
  static String length(String field, String value, int min, int max) {
    int n = value == null ? 0 : value.length();
    if (n < min || n > max) {
      throw new NotExportable(field + " has " + n + " characters; the CRD takes " + min + " to " + max);
    }
    return value;
  }

  /** {@code value} if it is at least {@code min} (null passes: the field is left out). */
  static Integer atLeast(String field, Integer value, int min) {
    if (value != null && value < min) {
      throw new NotExportable(field + " " + value + " is below the CRD's minimum " + min);
    }
    return value;
  }

  /** The constant of {@code type} named {@code value}. */
  static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotExportable(field + " \"" + value + "\" is not one the CRD knows");
    }
  }
}
