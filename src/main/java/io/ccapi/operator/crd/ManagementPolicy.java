package io.ccapi.operator.crd;

/** Whether the operator may write to the platform object of a resource. */
public enum ManagementPolicy {
  /** Create, update and (by deletionPolicy) delete the platform object. */
  Manage,
  /**
   * Never write: read the platform object, report whether it matches the spec and list the operations
   * Manage would make. Deleting the resource leaves the platform object in place.
   */
  Observe
}
