package io.ccapi.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A seat (agent) of a CcApp, with its extension and queue bindings. */
@Group(CcResource.GROUP)
@Version(CcResource.VERSION)
@ShortNames("ccagent")
@Categories("ccapi")
@AdditionalPrinterColumn(name = "Ready", jsonPath = Columns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = Columns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AgentId", jsonPath = ".spec.agentId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "App", jsonPath = Columns.APP, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = Columns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class CcAgent extends CcResource<CcAgentSpec, CcAgentStatus> {
  @Override
  public String specExternalId() {
    return getSpec() == null ? null : getSpec().agentId;
  }

  @Override
  public String appName() {
    return getSpec() == null ? null : getSpec().appRef;
  }

  @Override
  public ManagementPolicy managementPolicy() {
    return orManage(getSpec() == null ? null : getSpec().managementPolicy);
  }
}
