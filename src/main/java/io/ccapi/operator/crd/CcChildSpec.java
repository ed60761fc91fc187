package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Fields of every kind that lives inside a CcApp. */
public abstract class CcChildSpec {
  @Required
  @Pattern(Patterns.REF)
  @JsonPropertyDescription("Name of the CcApp in this namespace that this object belongs to.")
  public String appRef;

  @Default("Delete")
  @JsonPropertyDescription("Delete: remove the platform object with this resource. Orphan: leave it.")
  public DeletionPolicy deletionPolicy = DeletionPolicy.Delete;

  @Default("Manage")
  @JsonPropertyDescription(
      "Manage: create and update the platform object. Observe: never write to the platform; report whether it matches the spec and list the operations Manage would make (status.plannedOperations).")
  public ManagementPolicy managementPolicy = ManagementPolicy.Manage;
}
