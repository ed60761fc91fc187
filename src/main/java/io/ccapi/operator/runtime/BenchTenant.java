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
  private static final int FIRST_EXTENSION = 1000;

  private BenchTenant() {}

  static void create(KubernetesClient kube, String endpoint, BenchShape shape) {
    kube.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .withData(Map.of("sid", b64(SimulatorConfig.DEFAULT_SID), "authToken", b64(SimulatorConfig.DEFAULT_AUTH_TOKEN))).build()).create();
    for (int i = 0; i < shape.apps(); i++) {
      app(kube, endpoint, shape.apps() == 1 ? "" : i + "-", shape.part(i));
    }
  }

  /** One app of the tenant; {@code prefix} keeps its resource names apart from the other apps'. */
  private static void app(KubernetesClient kube, String endpoint, String prefix, BenchShape shape) {
    String appName = prefix + APP;
    CcAppSpec app = new CcAppSpec();
    app.endpoint = endpoint;
    app.insecure = true; // the bench simulator speaks plain http
    app.credentialsSecretRef = "creds";
    app.displayName = appName;
    apply(kube, new CcApp(), appName, app);
    for (int q = 0; q < shape.queues(); q++) {
      CcQueueSpec queue = new CcQueueSpec();
      queue.appRef = appName;
      queue.queueId = Integer.toString(9000 + q);
      queue.queueName = "q" + q;
      apply(kube, new CcQueue(), prefix + "q" + q, queue);
    }
    for (int e = 0; e < shape.extensions(); e++) {
      CcExtensionSpec ext = new CcExtensionSpec();
      ext.appRef = appName;
      ext.extension = Integer.toString(FIRST_EXTENSION + e);
      apply(kube, new CcExtension(), prefix + "e" + e, ext);
    }
    for (int a = 0; a < shape.agents(); a++) {
      apply(kube, new CcAgent(), prefix + "a" + a, agent(appName, prefix, a, shape));
    }
  }

  /** Seat {@code a}: even ones create their own extension, numbered after the app's CcExtensions. */
  static CcAgentSpec agent(String appName, String prefix, int a, BenchShape shape) {
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = appName;
    spec.agentId = Integer.toString(10000 + a);
    spec.workId = "w" + a;
    if (a % 2 == 0 || shape.extensions() == 0) {
      spec.createExtension = true;
      spec.extension = Integer.toString(FIRST_EXTENSION + shape.extensions() + (shape.extensions() == 0 ? a : a / 2));
    } else {
      spec.extensionRefs = List.of(prefix + "e" + ((a / 2) % shape.extensions()));
    }
    int queues = Math.max(1, shape.queues());
    List<String> refs = new ArrayList<>(List.of(prefix + "q" + (a % queues)));
    if (a % 3 == 0 && queues > 1) {
      refs.add(prefix + "q" + ((a + 1) % queues));
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
