package io.ccapi.operator.crd;

/** JSONPaths of the printer columns every kind shows. */
final class Columns {
  private Columns() {}

  static final String READY = ".status.conditions[?(@.type==\"Ready\")].status";
  static final String REASON = ".status.conditions[?(@.type==\"Ready\")].reason";
  static final String APP = ".spec.appRef";
  static final String AGE = ".metadata.creationTimestamp";
}
