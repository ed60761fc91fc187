package io.ccapi.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A ccapi application: one tenant of the call-center platform. */
@Group(CcResource.GROUP)
@Version(CcResource.VERSION)
@ShortNames("ccapp")
@Categories("ccapi")
@AdditionalPrinterColumn(name = "Ready", jsonPath = Columns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = Columns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AppId", jsonPath = ".status.appId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "App", jsonPath = ".spec.displayName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = Columns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class CcApp extends CcResource<CcAppSpec, CcAppStatus> {
  @Override
  public String specExternalId() {
    return getSpec() == null ? null : getSpec().appId;
  }

  @Override
  public String appName() {
    return getMetadata().getName();
  }

  @Override
  public ManagementPolicy managementPolicy() {
    return orManage(getSpec() == null ? null : getSpec().managementPolicy);
  }
}
