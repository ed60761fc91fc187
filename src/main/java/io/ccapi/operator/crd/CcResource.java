package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;

/** What the shared reconcile lifecycle needs of every kind. */
public abstract class CcResource<S, T extends CcStatus> extends CustomResource<S, T> implements Namespaced {
  public static final String GROUP = "ccapi.io";
  public static final String VERSION = "v1alpha1";

  // overridden only to describe spec and status in the CRD schema (kubectl explain)
  @Override
  @JsonPropertyDescription("The wanted state of the platform object: the operator makes the platform match it.")
  public S getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("What the operator last saw and did, written only by the operator: kstatus conditions and platform fields.")
  public T getStatus() {
    return super.getStatus();
  }

  /** The platform id this resource names in its spec (agentId, queueId, ...), or null when assigned. */
  public abstract String specExternalId();

  /** The CcApp this resource belongs to (its own name for a CcApp). */
  public abstract String appName();

  /** The spec's managementPolicy (Manage when unset). */
  public abstract ManagementPolicy managementPolicy();

  /** Whether a person paused this resource with the annotation {@link Annotations#PAUSED}. */
  public boolean paused() {
    return Annotations.isTrue(getMetadata().getAnnotations(), Annotations.PAUSED);
  }

  /** Whether a person allowed taking over an existing platform object ({@link Annotations#ADOPT}). */
  public boolean adoptionAllowed() {
    return Annotations.isTrue(getMetadata().getAnnotations(), Annotations.ADOPT);
  }

  static ManagementPolicy orManage(ManagementPolicy policy) {
    return policy == null ? ManagementPolicy.Manage : policy;
  }
}
