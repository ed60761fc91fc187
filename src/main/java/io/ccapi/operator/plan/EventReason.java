package io.ccapi.operator.plan;

/**
 * Reasons of the Events the operator records besides failures (which use their {@link Reason}); CamelCase,
 * as kubectl shows them.
 */
public enum EventReason {
  Created,
  /** An object this resource had made or adopted vanished from the platform and was created again. */
  Recreated,
  Updated,
  Adopted,
  Deleted,
  Orphaned,
  TenantRetained,
  /** A password the platform returned once is not known to the operator. */
  PasswordUnknown,
  /** The app Secret is stored nowhere and GET apps does not return it. */
  SecretUnknown,
  /** The platform answered a create with another AppId than the one the operator sent. */
  AppIdIgnored
}
