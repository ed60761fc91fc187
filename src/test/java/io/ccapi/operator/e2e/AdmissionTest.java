package io.ccapi.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD schemas refuse manifests that break the reference's formats, and their CEL rules
 * (x-kubernetes-validations) refuse changes to external ids, naming the field.
 */
@Tag("apiserver")
public class AdmissionTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  static EmbeddedCluster cluster;
  static KubernetesClient kube;

  @BeforeAll
  static void start() {
    cluster = RealApiServer.startOrSkip();
    kube = cluster.client();
    Crds.install(kube);
    Crds.awaitEstablished(kube);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  public static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("extension 0123", ext("extension: \"0123\""), "spec.extension"),
        Arguments.of("extension of five digits", ext("extension: \"81011\""), "spec.extension"),
        Arguments.of("queue 1234", queue("queueId: \"1234\"", ""), "spec.queueId"),
        Arguments.of("maxLength 600", queue("queueId: \"9001\"", "maxLength: 600"), "spec.maxLength"),
        Arguments.of("negative timeout", queue("queueId: \"9001\"", "timeoutSeconds: -1"), "spec.timeoutSeconds"),
        Arguments.of("unknown strategy", queue("queueId: \"9001\"", "strategy: fastest"), "spec.strategy"),
        Arguments.of("role boss", agent("role: boss"), "spec.role"),
        Arguments.of("three extensionRefs", agent("extensionRefs: [a, b, c]"), "spec.extensionRefs"),
        Arguments.of("two extensionRefs and createExtension", agent("extensionRefs: [a, b]\n  createExtension: true"), "spec.extensionRefs"),
        Arguments.of("agent id with letters", agent("agentId: \"12a\""), "spec.agentId"),
        Arguments.of("agent id of 33 digits", agent("agentId: \"" + "1".repeat(33) + "\""), "spec.agentId"),
        Arguments.of("work id with a dash", agent("workId: \"w-1\""), "spec.workId"),
        Arguments.of("unknown event name", sub("events: [user_ringing, coffee_break]"), "spec.events"),
        Arguments.of("no events", sub("events: []"), "spec.events"),
        Arguments.of("deletionPolicy Keep", ext("extension: \"8001\"\n  deletionPolicy: Keep"), "spec.deletionPolicy"),
        Arguments.of("app without endpoint", app("credentialsSecretRef: c\n  displayName: x"), "spec.endpoint"),
        Arguments.of("app type unknown", app("endpoint: https://a.example\n  credentialsSecretRef: c\n  displayName: x\n  type: bank"), "spec.type"),
        Arguments.of("appId not a UUID", app("endpoint: https://a.example\n  credentialsSecretRef: c\n  displayName: x\n  appId: abc"), "spec.appId"),
        Arguments.of("relay number with letters", app(APP + "\n  defaultSpNumber: \"0571-abc\""), "spec.defaultSpNumber"),
        Arguments.of("unknown webhook event", app(APP + "\n  webhookEvents: [{category: call, events: [user_answer, coffee_break]}]"), "spec.webhookEvents[0].events[1]"),
        Arguments.of("unknown webhook category", app(APP + "\n  webhookEvents: [{category: billing, events: [begin]}]"), "spec.webhookEvents[0].category"),
        Arguments.of("unknown prompt", ivr("defaultVoices: [{prompt: Greeting, type: tts, content: hi}]"), "spec.defaultVoices[0].prompt"),
        Arguments.of("voice type mp3", ivr("defaultVoices: [{prompt: Welcome, type: mp3, content: a.mp3}]"), "spec.defaultVoices[0].type"),
        Arguments.of("voice file type mp3", ivr("voiceFiles: [{name: a.mp3, type: mp3}]"), "spec.voiceFiles[0].type"),
        Arguments.of("DTMF key 12", ivr("fastRouter: [{dtmf: \"12\", queueRef: q, description: d}]"), "spec.fastRouter[0].dtmf"),
        Arguments.of("route without description", ivr("fastRouter: [{dtmf: \"1\", queueRef: q}]"), "spec.fastRouter[0].description"),
        Arguments.of("DTMF key routed twice (CEL)", ivr("fastRouter: [{dtmf: \"1\", queueRef: a, description: A}, {dtmf: \"1\", queueRef: b, description: B}]"), "spec.fastRouter"),
        Arguments.of("missing appRef", "apiVersion: ccapi.io/v1alpha1\nkind: CcExtension\nmetadata: {name: x}\nspec:\n  extension: \"8001\"\n", "spec.appRef"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusedAtAdmissionNamingTheField(String what, String yaml, String field) {
    HasMetadata item = kube.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items().get(0);
    assertThatThrownBy(() -> kube.resource(item).inNamespace("default").create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> {
          assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains(field);
        });
  }

  static Stream<Arguments> immutable() {
    String app = "endpoint: https://a.example, credentialsSecretRef: c, displayName: x";
    String appWithId = app + ", appId: 0e8a7a8e-6c1f-4a53-9d8e-0f6c5a1b2c3d";
    return Stream.of(
        Arguments.of("agentId changed", "CcAgent", "appRef: t, agentId: '1001', workId: W1", "agentId", "1002"),
        Arguments.of("queueId changed", "CcQueue", "appRef: t, queueId: '9001', queueName: Q", "queueId", "9002"),
        Arguments.of("extension changed", "CcExtension", "appRef: t, extension: '8001'", "extension", "8002"),
        Arguments.of("appId changed", "CcApp", appWithId, "appId", "1e8a7a8e-6c1f-4a53-9d8e-0f6c5a1b2c3d"),
        Arguments.of("appId removed", "CcApp", appWithId, "appId", null),
        Arguments.of("app type changed", "CcApp", app + ", type: callCenter", "type", "telemarketing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutable")
  void aChangeIsRefusedNamingTheField(String what, String kind, String spec, String field, String value) {
    Resource<GenericKubernetesResource> created = create(kind, spec);
    assertThatThrownBy(() -> created.edit(setSpec(field, value)))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> {
          assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec." + field).containsAnyOf("is immutable", "is fixed");
        });
  }

  @Test
  void anAppIdMayBeSetLaterAndOtherFieldsChange() {
    Resource<GenericKubernetesResource> app = create("CcApp", "endpoint: https://a.example, credentialsSecretRef: c, displayName: x");
    app.edit(setSpec("appId", "0e8a7a8e-6c1f-4a53-9d8e-0f6c5a1b2c3d"));
    app.edit(setSpec("displayName", "y"));
    assertThat(spec(app.get())).containsEntry("appId", "0e8a7a8e-6c1f-4a53-9d8e-0f6c5a1b2c3d").containsEntry("displayName", "y");

    Resource<GenericKubernetesResource> agent =
        create("CcAgent", "appRef: t, agentId: '1001', workId: W1, extensionRefs: [a], createExtension: true");
    agent.edit(setSpec("workId", "W2"));
    assertThat(spec(agent.get())).containsEntry("workId", "W2");
  }

  private static Resource<GenericKubernetesResource> create(String kind, String spec) {
    String yaml = "apiVersion: ccapi.io/v1alpha1\nkind: " + kind + "\nmetadata: {name: cel-" + NAMES.incrementAndGet() + "}\nspec: {" + spec + "}\n";
    GenericKubernetesResource item = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    kube.resource(item).inNamespace("default").create();
    return kube.genericKubernetesResources("ccapi.io/v1alpha1", kind).inNamespace("default").withName(item.getMetadata().getName());
  }

  private static UnaryOperator<GenericKubernetesResource> setSpec(String field, String value) {
    return r -> {
      Consumer<Map<String, Object>> change = value == null ? s -> s.remove(field) : s -> s.put(field, value);
      change.accept(spec(r));
      return r;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource r) {
    return (Map<String, Object>) r.getAdditionalProperties().get("spec");
  }

  /** The required fields of a CcApp. */
  private static final String APP = "endpoint: https://a.example\n  credentialsSecretRef: c\n  displayName: x";

  private static String ivr(String fields) {
    return "apiVersion: ccapi.io/v1alpha1\nkind: CcIvr\nmetadata: {name: x}\nspec:\n  appRef: t\n  " + fields + "\n";
  }

  private static String ext(String fields) {
    return "apiVersion: ccapi.io/v1alpha1\nkind: CcExtension\nmetadata: {name: x}\nspec:\n  appRef: t\n  " + fields + "\n";
  }

  private static String queue(String id, String more) {
    return "apiVersion: ccapi.io/v1alpha1\nkind: CcQueue\nmetadata: {name: x}\nspec:\n  appRef: t\n  queueName: Q\n  " + id + "\n  " + more + "\n";
  }

  private static String agent(String override) {
    String base = "apiVersion: ccapi.io/v1alpha1\nkind: CcAgent\nmetadata: {name: x}\nspec:\n  appRef: t\n";
    String fields = "";
    if (!override.startsWith("agentId")) {
      fields += "  agentId: \"1001\"\n";
    }
    if (!override.startsWith("workId")) {
      fields += "  workId: W1\n";
    }
    return base + fields + "  " + override + "\n";
  }

  private static String sub(String events) {
    return "apiVersion: ccapi.io/v1alpha1\nkind: CcSubscription\nmetadata: {name: x}\nspec:\n  appRef: t\n  callbackUrl: https://h.example/x\n  " + events + "\n";
  }

  private static String app(String fields) {
    return "apiVersion: ccapi.io/v1alpha1\nkind: CcApp\nmetadata: {name: x}\nspec:\n  " + fields + "\n";
  }
}
