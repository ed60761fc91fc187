package io.ccapi.operator.crd;

/** What deleting the Kubernetes resource does to the platform object. */
public enum DeletionPolicy {
  /** Delete the platform object (after removing its bindings). */
  Delete,
  /** Leave the platform object as it is. */
  Orphan
}
