package io.ccapi.operator.crd;

/** Annotations the operator reads or writes on its resources. */
public final class Annotations {
  private Annotations() {}

  /** Set by a person: take over a platform object that exists but was not created by this resource. */
  public static final String ADOPT = "ccapi.io/adopt";
  /** Set by a person: no platform calls at all until removed; deleting the resource leaves the object. */
  public static final String PAUSED = "ccapi.io/paused";
  /** Written by the operator only: what this very resource (by uid) created or adopted in the platform. */
  public static final String CLAIM = "ccapi.io/claim";

  /** Whether {@code value} of an annotation means yes. */
  public static boolean isTrue(java.util.Map<String, String> annotations, String key) {
    return annotations != null && "true".equalsIgnoreCase(annotations.get(key));
  }
}
