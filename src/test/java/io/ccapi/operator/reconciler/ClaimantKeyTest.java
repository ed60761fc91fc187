package io.ccapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

/** Resources naming one platform object meet under one index key: namespace, app and platform id. */
class ClaimantKeyTest {
  private static CcAgent agent(String namespace, String name, String appRef, String agentId) {
    CcAgent a = new CcAgent();
    a.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = appRef;
    spec.agentId = agentId;
    a.setSpec(spec);
    return a;
  }

  @Test
  void twoResourcesForOneSeatShareAKey() {
    assertThat(CcChildReconciler.claimantKey(agent("ns", "a", "app", "1001")))
        .isEqualTo(CcChildReconciler.claimantKey(agent("ns", "b", "app", "1001")));
  }

  @Test
  void anotherIdAppOrNamespaceIsAnotherKey() {
    var key = CcChildReconciler.claimantKey(agent("ns", "a", "app", "1001"));
    assertThat(CcChildReconciler.claimantKey(agent("ns", "a", "app", "1002"))).isNotEqualTo(key);
    assertThat(CcChildReconciler.claimantKey(agent("ns", "a", "other", "1001"))).isNotEqualTo(key);
    assertThat(CcChildReconciler.claimantKey(agent("ns2", "a", "app", "1001"))).isNotEqualTo(key);
  }

  @Test
  void resourcesWithoutAnIdMeetPerApp() {
    // a kind with one platform object per app (CcIvr) has no id: all of one app compete
    assertThat(CcChildReconciler.claimantKey(agent("ns", "a", "app", null)))
        .isEqualTo(CcChildReconciler.claimantKey(agent("ns", "b", "app", null)))
        .isNotEqualTo(CcChildReconciler.claimantKey(agent("ns", "b", "other", null)));
  }
}
