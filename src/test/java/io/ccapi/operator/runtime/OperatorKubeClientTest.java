package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcAgent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** What the operator's client keeps of an object it reads. */
class OperatorKubeClientTest {
  private static final String AGENT = """
      {"apiVersion":"ccapi.io/v1alpha1","kind":"CcAgent",
       "metadata":{"name":"alice","namespace":"t","uid":"u1","resourceVersion":"7","generation":2,
         "annotations":{"ccapi.io/claim":"{}"},"finalizers":["ccagents.ccapi.io/finalizer"],
         "managedFields":[{"manager":"kubectl","operation":"Update","fieldsType":"FieldsV1",
           "fieldsV1":{"f:spec":{"f:agentId":{},"f:appRef":{}}}}]},
       "spec":{"appRef":"tenant","agentId":"1001"}}""";

  @Test
  void readsObjectsWithoutTheirManagedFieldsAndKeepsTheRest() {
    KubernetesSerialization lean = OperatorKubeClient.serialization();
    CcAgent agent = lean.unmarshal(AGENT, CcAgent.class);

    assertThat(agent.getMetadata().getManagedFields()).isEmpty();
    assertThat(agent.getMetadata().getAdditionalProperties()).doesNotContainKey("managedFields");
    assertThat(agent.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(agent.getMetadata().getFinalizers()).containsExactly("ccagents.ccapi.io/finalizer");
    assertThat(agent.getMetadata().getAnnotations()).containsKey("ccapi.io/claim");
    assertThat(agent.getSpec().agentId).isEqualTo("1001");
    assertThat(lean.asJson(agent)).doesNotContain("managedFields").contains("\"agentId\":\"1001\"");
  }

  @Test
  void fabric8sOwnSerializationKeepsThem() {
    CcAgent agent = new KubernetesSerialization().unmarshal(AGENT, CcAgent.class);
    assertThat(agent.getMetadata().getManagedFields()).hasSize(1);
  }
}
