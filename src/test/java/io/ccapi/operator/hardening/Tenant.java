package io.ccapi.operator.hardening;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One tenant in one namespace: CcApp "t", {@code queues} CcQueues (9000+i), {@code extensions}
 * CcExtensions (1000+i, below the platform's automatic numbers) and {@code agents} CcAgents (10000+i):
 * even seats create their own extension, odd ones bind a CcExtension of their own, every seat is in one
 * queue and every third in two. {@link #problems} compares the platform and the cluster with that spec.
 */
record Tenant(KubernetesClient kube, String ns, int queues, int extensions, int agents) {
  static final String APP = "t";
  static final String DISPLAY_NAME = "Hardening tenant";

  Tenant {
    if (extensions < agents / 2) {
      throw new IllegalArgumentException("each odd seat binds an extension of its own: extensions >= agents / 2");
    }
  }

  int resources() {
    return 1 + queues + extensions + agents;
  }

  /** The namespace, the credentials Secret and the CcApp. */
  void createApp(String endpoint) {
    kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .withData(Map.of("sid", b64(SimulatorConfig.DEFAULT_SID), "authToken", b64(SimulatorConfig.DEFAULT_AUTH_TOKEN))).build()).create();
    CcAppSpec app = new CcAppSpec();
    app.endpoint = endpoint;
    app.insecure = true; // the simulator speaks plain http
    app.credentialsSecretRef = "creds";
    app.displayName = DISPLAY_NAME;
    create(new CcApp(), APP, app);
  }

  /** Every child resource. */
  void createChildren() {
    for (int q = 0; q < queues; q++) {
      CcQueueSpec queue = new CcQueueSpec();
      queue.appRef = APP;
      queue.queueId = queueId(q);
      queue.queueName = "q" + q;
      create(new CcQueue(), "q" + q, queue);
    }
    for (int e = 0; e < extensions; e++) {
      CcExtensionSpec ext = new CcExtensionSpec();
      ext.appRef = APP;
      ext.extension = Integer.toString(1000 + e);
      create(new CcExtension(), "e" + e, ext);
    }
    for (int a = 0; a < agents; a++) {
      create(new CcAgent(), "a" + a, agent(a));
    }
  }

  private CcAgentSpec agent(int a) {
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = APP;
    spec.agentId = Integer.toString(10000 + a);
    spec.workId = "w" + a;
    if (a % 2 == 0) {
      spec.createExtension = true;
    } else {
      spec.extensionRefs = List.of("e" + (a / 2));
    }
    spec.queueRefs = queuesOf(a).stream().map(q -> "q" + q).toList();
    return spec;
  }

  private List<Integer> queuesOf(int a) {
    List<Integer> out = new ArrayList<>(List.of(a % queues));
    if (a % 3 == 0 && queues > 1) {
      out.add((a + 1) % queues);
    }
    return out;
  }

  private static String queueId(int q) {
    return Integer.toString(9000 + q);
  }

  private <S> void create(CcResource<S, ?> resource, String name, S spec) {
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    resource.setSpec(spec);
    kube.resource(resource).create();
  }

  List<CcResource<?, ?>> all() {
    return Stream.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class)
        .flatMap(kind -> kube.resources(kind).inNamespace(ns).list().getItems().stream())
        .<CcResource<?, ?>>map(r -> r)
        .toList();
  }

  long ready() {
    return all().stream().filter(r -> Conditions.isReady(r.getStatus())).count();
  }

  /** Resources not Ready, with their reason and message, for a failure message. */
  List<String> notReady() {
    return all().stream().filter(r -> !Conditions.isReady(r.getStatus()))
        .map(r -> r.getKind() + "/" + r.getMetadata().getName() + ": " + (r.getStatus() == null ? "no status"
            : Conditions.readyReason(r.getStatus()) + " " + r.getStatus().conditions.stream()
                .filter(c -> Conditions.READY.equals(c.getType())).map(c -> c.getMessage()).findFirst().orElse("")))
        .toList();
  }

  /**
   * What differs from the spec: apps other than the one tenant, missing or extra seats, queues and
   * extensions, wrong bindings, Secrets whose password is not the platform's, resources not Ready.
   */
  List<String> problems(Sim sim) {
    List<String> out = new ArrayList<>();
    List<JsonNode> apps = sim.apps();
    if (apps.size() != 1) {
      out.add("the platform has " + apps.size() + " apps, not 1: " + apps.stream().map(a -> a.get("name").asText()).toList());
    }
    if (apps.isEmpty()) {
      return out;
    }
    JsonNode app = apps.get(0);
    String appId = app.get("appId").asText();
    CcApp ccapp = kube.resources(CcApp.class).inNamespace(ns).withName(APP).get();
    if (ccapp.getStatus() == null || !appId.equals(ccapp.getStatus().appId)) {
      out.add("CcApp status.appId is not the platform's " + appId);
    }
    Map<String, String> appSecret = secret(APP + "-ccapp");
    if (appSecret == null || !appId.equals(appSecret.get("appId")) || !app.get("secret").asText().equals(appSecret.get("secret"))) {
      out.add("Secret t-ccapp does not hold the platform's AppId and app Secret");
    }
    queueProblems(app, out);
    Map<String, String> passwords = new HashMap<>();
    app.get("extensions").forEach(e -> passwords.put(e.get("extension").asText(), e.get("password").asText()));
    agentProblems(app, passwords, out);
    extensionProblems(passwords, out);
    out.addAll(notReady());
    return out;
  }

  private void queueProblems(JsonNode app, List<String> out) {
    List<String> ids = new ArrayList<>();
    app.get("queues").forEach(q -> ids.add(q.get("queueId").asText()));
    Set<String> wanted = new TreeSet<>();
    for (int q = 0; q < queues; q++) {
      wanted.add(queueId(q));
    }
    if (ids.size() != wanted.size() || !new TreeSet<>(ids).equals(wanted)) {
      out.add("queues on the platform " + new TreeSet<>(ids) + " (" + ids.size() + "), wanted " + wanted.size());
    }
  }

  private void agentProblems(JsonNode app, Map<String, String> passwords, List<String> out) {
    Map<String, JsonNode> seats = new HashMap<>();
    app.get("agents").forEach(a -> seats.put(a.get("agentId").asText(), a));
    if (seats.size() != agents) {
      out.add("the platform has " + seats.size() + " seats, wanted " + agents);
    }
    for (int a = 0; a < agents; a++) {
      JsonNode seat = seats.get(Integer.toString(10000 + a));
      if (seat == null) {
        out.add("seat " + (10000 + a) + " missing");
        continue;
      }
      Set<String> seatQueues = new TreeSet<>();
      seat.get("queues").forEach(q -> seatQueues.add(q.asText()));
      Set<String> wantedQueues = new TreeSet<>(queuesOf(a).stream().map(Tenant::queueId).toList());
      if (!seatQueues.equals(wantedQueues)) {
        out.add("seat " + (10000 + a) + " is in queues " + seatQueues + ", wanted " + wantedQueues);
      }
      List<String> exts = new ArrayList<>();
      seat.get("extensions").forEach(e -> exts.add(e.asText()));
      if (a % 2 == 1) {
        if (!exts.equals(List.of(Integer.toString(1000 + a / 2)))) {
          out.add("seat " + (10000 + a) + " has extensions " + exts + ", wanted [" + (1000 + a / 2) + "]");
        }
        continue;
      }
      Map<String, String> own = secret("a" + a + "-extensions");
      if (exts.size() != 1) {
        out.add("seat " + (10000 + a) + " has extensions " + exts + ", wanted its own one");
      } else if (own == null || !exts.get(0).equals(own.get("extension")) || !passwords.get(exts.get(0)).equals(own.get("password"))) {
        out.add("Secret a" + a + "-extensions does not hold the password of extension " + exts.get(0) + (own == null ? " (no Secret)" : ""));
      }
    }
    int wantedExtensions = extensions + (agents + 1) / 2;
    if (passwords.size() != wantedExtensions) {
      Set<String> unbound = new TreeSet<>(passwords.keySet());
      app.get("agents").forEach(seat -> seat.get("extensions").forEach(e -> unbound.remove(e.asText())));
      out.add("the platform has " + passwords.size() + " extensions, wanted " + wantedExtensions + "; bound to no seat: " + unbound);
    }
  }

  private void extensionProblems(Map<String, String> passwords, List<String> out) {
    for (int e = 0; e < extensions; e++) {
      String number = Integer.toString(1000 + e);
      Map<String, String> sip = secret("e" + e + "-sip");
      if (!passwords.containsKey(number)) {
        out.add("extension " + number + " missing");
      } else if (sip == null || !passwords.get(number).equals(sip.get("password"))) {
        out.add("Secret e" + e + "-sip does not hold the platform's password of " + number + (sip == null ? " (no Secret)" : ""));
      }
    }
  }

  /** Decoded data of a Secret, or null. */
  Map<String, String> secret(String name) {
    Secret s = kube.secrets().inNamespace(ns).withName(name).get();
    if (s == null || s.getData() == null) {
      return null;
    }
    Map<String, String> out = new HashMap<>();
    s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return out;
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
