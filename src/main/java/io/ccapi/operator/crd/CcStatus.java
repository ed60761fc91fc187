package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Status fields every kind shares: kstatus conditions (Ready, Reconciling, Stalled). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CcStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  public Long observedGeneration;

  @JsonPropertyDescription("Ready, Reconciling and Stalled, in kstatus form.")
  @SchemaFrom(type = ConditionSchema[].class)
  public List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Observe policy only: whether the platform object matches the spec.")
  public Boolean inSync;

  @JsonPropertyDescription(
      "Observe policy only: the operations Manage would make to bring the platform object to the spec, one per line (capped).")
  public List<String> plannedOperations;
}
