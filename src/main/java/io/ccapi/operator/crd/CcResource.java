package io.ccapi.operator.crd;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;

/** What the shared reconcile lifecycle needs of every kind. */
public abstract class CcResource<S, T extends CcStatus> extends CustomResource<S, T> implements Namespaced {
  public static final String GROUP = "ccapi.io";
  public static final String VERSION = "v1alpha1";

  /** The platform id this resource names in its spec (agentId, queueId, ...), or null when assigned. */
  public abstract String specExternalId();

  /** The CcApp this resource belongs to (its own name for a CcApp). */
  public abstract String appName();
}
