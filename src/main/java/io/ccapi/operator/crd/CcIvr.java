package io.ccapi.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** The IVR configuration of a CcApp: voice files, default voices and the fast router table. One per app. */
@Group(CcResource.GROUP)
@Version(CcResource.VERSION)
@ShortNames("ccivr")
@Categories("ccapi")
@AdditionalPrinterColumn(name = "Ready", jsonPath = Columns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = Columns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AppId", jsonPath = ".status.appId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "App", jsonPath = Columns.APP, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = Columns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class CcIvr extends CcResource<CcIvrSpec, CcIvrStatus> {
  /** An app's IVR has no id of its own: it is the app's. */
  @Override
  public String specExternalId() {
    return null;
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
