package io.ccapi.operator.runtime;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes the benchmark's tenant ({@link BenchShape}) into a namespace and tells when it is all Ready. */
final class BenchTenant {
  static final String NAMESPACE = "default";
  private static final String APP = "bench";

  private BenchTenant() {}

  static void create(KubernetesClient kube, String endpoint, BenchShape shape) {
    kube.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .withData(Map.of("sid", b64(SimulatorConfig.DEFAULT_SID), "authToken", b64(SimulatorConfig.DEFAULT_AUTH_TOKEN))).build()).create();
    CcAppSpec app = new CcAppSpec();
    app.endpoint = endpoint;
    app.insecure = true; // the bench simulator speaks plain http
    app.credentialsSecretRef = "creds";
    app.displayName = APP;
    apply(kube, new CcApp(), APP, app);
    for (int q = 0; q < shape.queues(); q++) {
      CcQueueSpec queue = new CcQueueSpec();
      queue.appRef = APP;
      queue.queueId = Integer.toString(9000 + q);
      queue.queueName = "q" + q;
      apply(kube, new CcQueue(), "q" + q, queue);
    }
    for (int e = 0; e < shape.extensions(); e++) {
      CcExtensionSpec ext = new CcExtensionSpec();
      ext.appRef = APP;
      ext.extension = Integer.toString(1000 + e);
      apply(kube, new CcExtension(), "e" + e, ext);
    }
    for (int a = 0; a < shape.agents(); a++) {
      apply(kube, new CcAgent(), "a" + a, agent(a, shape));
    }
  }

  private static CcAgentSpec agent(int a, BenchShape shape) {
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = APP;
    spec.agentId = Integer.toString(10000 + a);
    spec.workId = "w" + a;
    if (a % 2 == 0 || shape.extensions() == 0) {
      spec.createExtension = true;
    } else {
      spec.extensionRefs = List.of("e" + ((a / 2) % shape.extensions()));
    }
    int queues = Math.max(1, shape.queues());
    List<String> refs = new ArrayList<>(List.of("q" + (a % queues)));
    if (a % 3 == 0 && queues > 1) {
      refs.add("q" + ((a + 1) % queues));
    }
    spec.queueRefs = shape.queues() == 0 ? List.of() : refs;
    return spec;
  }

  private static <S> void apply(KubernetesClient kube, CcResource<S, ?> resource, String name, S spec) {
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    resource.setSpec(spec);
    kube.resource(resource).create();
  }

  static long ready(KubernetesClient kube) {
    return Stream.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class)
        .flatMap(kind -> kube.resources(kind).inNamespace(NAMESPACE).list().getItems().stream())
        .filter(r -> Conditions.isReady(r.getStatus()))
        .count();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
