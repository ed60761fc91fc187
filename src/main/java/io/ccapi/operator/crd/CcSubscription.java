package io.ccapi.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A message subscription of a CcApp; its platform name is the resource's name. */
@Group(CcResource.GROUP)
@Version(CcResource.VERSION)
@ShortNames("ccsub")
@Categories("ccapi")
@AdditionalPrinterColumn(name = "Ready", jsonPath = Columns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = Columns.REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "SubscriptionId", jsonPath = ".status.subscriptionId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "App", jsonPath = Columns.APP, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = Columns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class CcSubscription extends CcResource<CcSubscriptionSpec, CcSubscriptionStatus> {
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
