package io.ccapi.operator.cli.export;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcSubscription;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/**
 * The manifests of one tenant, each list in platform-id order, and what was not exported: platform
 * objects the manifests do not mention (never deleted by the operator), one line each.
 */
public record Exported(
    Secret credentials,
    CcApp app,
    List<CcQueue> queues,
    List<CcExtension> extensions,
    List<CcAgent> agents,
    List<CcIvr> ivrs,
    List<CcSubscription> subscriptions,
    List<String> notExported) {

  /** Resources written (the Secret template not counted). */
  public int resources() {
    return 1 + queues.size() + extensions.size() + agents.size() + ivrs.size() + subscriptions.size();
  }
}
