package io.ccapi.operator.plan;

/**
 * Reasons of the Events the operator records besides failures (which use their {@link Reason}); CamelCase,
 * as kubectl shows them. A plain create is no Event: it is what the manifest asked for, and Ready and the
 * claim say it happened (an Event a resource would cost a Kubernetes request each at tenant scale).
 */
public enum EventReason {
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
