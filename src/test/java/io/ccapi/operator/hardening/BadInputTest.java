package io.ccapi.operator.hardening;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.e2e.AdmissionTest;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.reconciler.OperatorHarness;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.ccapi.operator.reconciler.Conditions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input at runtime, one row per case: references (missing, to another namespace, to another app),
 * credentials, platform refusals, one platform id claimed twice, foreign platform objects and Secrets,
 * immutable fields and the platform's limits. Each ends in its reason with a message naming the field or
 * the platform's code, and the platform is exactly as it was before the bad input (nothing half-created).
 * With {@link AdmissionTest}'s table (refused by the API server) the cases count at least 30.
 */
@Tag("hardening")
class BadInputTest {
  static OperatorHarness h;

  /** One row: {@code arrange} makes valid objects (awaited Ready), {@code act} the bad input on {@code kind}/{@code name}. */
  record Case(String what, BiConsumer<String, String> arrange, BiConsumer<String, String> act,
      Class<? extends CcResource<?, ?>> kind, String name, Reason reason, String names) {
    @Override
    public String toString() {
      return what;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static final BiConsumer<String, String> NOTHING = (ns, appId) -> {};

  static Stream<Case> cases() {
    return Stream.of(
        new Case("appRef to a missing CcApp", NOTHING, (ns, id) -> h.queue(ns, "q", "nope", "9001", s -> {}),
            CcQueue.class, "q", Reason.WaitingForApp, "spec.appRef"),
        new Case("appRef to another namespace", NOTHING, (ns, id) -> h.queue(ns, "q", "elsewhere/tenant", "9001", s -> {}),
            CcQueue.class, "q", Reason.InvalidSpec, "spec.appRef"),
        new Case("extensionRefs to a missing CcExtension", NOTHING, (ns, id) -> h.agent(ns, "a", "tenant", "1001", s -> s.extensionRefs = List.of("nope")),
            CcAgent.class, "a", Reason.WaitingForReference, "spec.extensionRefs[0]"),
        new Case("queueRefs to a missing CcQueue", NOTHING, (ns, id) -> h.agent(ns, "a", "tenant", "1001", s -> s.queueRefs = List.of("nope")),
            CcAgent.class, "a", Reason.WaitingForReference, "spec.queueRefs[0]"),
        new Case("extensionRefs to another namespace", NOTHING,
            (ns, id) -> h.agent(ns, "a", "tenant", "1001", s -> s.extensionRefs = List.of("elsewhere/e")),
            CcAgent.class, "a", Reason.InvalidSpec, "spec.extensionRefs[0]"),
        new Case("queueRefs to a CcQueue of another CcApp", (ns, id) -> {
              h.app(ns, "tenant2", s -> {});
              h.awaitReady(CcApp.class, ns, "tenant2");
              h.queue(ns, "q2", "tenant2", "9001", s -> {});
              h.awaitReady(CcQueue.class, ns, "q2");
            }, (ns, id) -> h.agent(ns, "a", "tenant", "1001", s -> s.queueRefs = List.of("q2")),
            CcAgent.class, "a", Reason.InvalidSpec, "spec.queueRefs[0]"),
        new Case("credentialsSecretRef to a missing Secret", NOTHING, (ns, id) -> h.app(ns, "a2", s -> s.credentialsSecretRef = "nope"),
            CcApp.class, "a2", Reason.CredentialsMissing, "spec.credentialsSecretRef"),
        new Case("credentials Secret without authToken", (ns, id) -> secret(ns, "half", Map.of("sid", SimulatorConfig.DEFAULT_SID), Map.of()),
            (ns, id) -> h.app(ns, "a2", s -> s.credentialsSecretRef = "half"), CcApp.class, "a2", Reason.CredentialsMissing, "'authToken'"),
        new Case("a wrong AuthToken", (ns, id) -> h.credentials(ns, "wrong", SimulatorConfig.DEFAULT_SID, "not-the-token"),
            (ns, id) -> h.app(ns, "a2", s -> s.credentialsSecretRef = "wrong"), CcApp.class, "a2", Reason.Unauthorized, "401"),
        new Case("spec.appId of no tenant", NOTHING, (ns, id) -> h.app(ns, "a2", s -> s.appId = UUID.randomUUID().toString()),
            CcApp.class, "a2", Reason.AppNotFound, "100002"),
        new Case("two CcApps with one spec.appId", NOTHING, (ns, id) -> h.app(ns, "twin", s -> s.appId = id),
            CcApp.class, "twin", Reason.AlreadyExists, "tenant"),
        new Case("two CcQueues with one queueId", (ns, id) -> ready(CcQueue.class, ns, "q1", () -> h.queue(ns, "q1", "tenant", "9001", s -> {})),
            (ns, id) -> h.queue(ns, "q2", "tenant", "9001", s -> {}), CcQueue.class, "q2", Reason.AlreadyExists, "q1"),
        new Case("two CcExtensions with one number", (ns, id) -> ready(CcExtension.class, ns, "e1", () -> h.extension(ns, "e1", "tenant", "8101", s -> {})),
            (ns, id) -> h.extension(ns, "e2", "tenant", "8101", s -> {}), CcExtension.class, "e2", Reason.AlreadyExists, "e1"),
        new Case("two CcAgents with one agentId", (ns, id) -> ready(CcAgent.class, ns, "a1", () -> h.agent(ns, "a1", "tenant", "1001", s -> {})),
            (ns, id) -> h.agent(ns, "a2", "tenant", "1001", s -> {}), CcAgent.class, "a2", Reason.AlreadyExists, "a1"),
        new Case("a queue made by hand on the platform", (ns, id) -> h.platform.createQueue(id, new Queues.Request("9005", "by hand", null, null, null)),
            (ns, id) -> h.queue(ns, "q", "tenant", "9005", s -> {}), CcQueue.class, "q", Reason.AlreadyExists, "ccapi.io/adopt"),
        new Case("an extension made by hand on the platform", (ns, id) -> h.platform.createExtension(id, "8105"),
            (ns, id) -> h.extension(ns, "e", "tenant", "8105", s -> {}), CcExtension.class, "e", Reason.AlreadyExists, "ccapi.io/adopt"),
        new Case("a Secret with the operator's name and label but no owner",
            (ns, id) -> secret(ns, "e-sip", Map.of("password", "forged-password"), Map.of(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY)),
            (ns, id) -> h.extension(ns, "e", "tenant", "8101", s -> {}), CcExtension.class, "e", Reason.SecretConflict, "e-sip"),
        new Case("queueId changed", (ns, id) -> ready(CcQueue.class, ns, "q", () -> h.queue(ns, "q", "tenant", "9001", s -> {})),
            (ns, id) -> h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueId = "9002"), CcQueue.class, "q", Reason.ImmutableFieldChanged, "spec.queueId"),
        new Case("agentId changed", (ns, id) -> ready(CcAgent.class, ns, "a", () -> h.agent(ns, "a", "tenant", "1001", s -> {})),
            (ns, id) -> h.edit(CcAgent.class, ns, "a", a -> a.getSpec().agentId = "1002"), CcAgent.class, "a", Reason.ImmutableFieldChanged, "spec.agentId"),
        new Case("extension number changed", (ns, id) -> ready(CcExtension.class, ns, "e", () -> h.extension(ns, "e", "tenant", "8101", s -> {})),
            (ns, id) -> h.edit(CcExtension.class, ns, "e", e -> e.getSpec().extension = "8102"), CcExtension.class, "e", Reason.ImmutableFieldChanged, "spec.extension"),
        new Case("appId changed on a Ready CcApp", NOTHING,
            (ns, id) -> h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().appId = UUID.randomUUID().toString()), CcApp.class, "tenant",
            Reason.ImmutableFieldChanged, "spec.appId"),
        new Case("a seat with its own extension and two more", (ns, id) -> {
              ready(CcExtension.class, ns, "e1", () -> h.extension(ns, "e1", "tenant", "8101", s -> {}));
              ready(CcExtension.class, ns, "e2", () -> h.extension(ns, "e2", "tenant", "8102", s -> {}));
            }, (ns, id) -> h.agent(ns, "a", "tenant", "1001", s -> {
              s.createExtension = true;
              s.extensionRefs = List.of("e1", "e2");
            }), CcAgent.class, "a", Reason.InvalidSpec, "spec.extensionRefs"));
  }

  /**
   * Refusals the platform would make only after creating the seat (its binding, its default number): the
   * planner checks them against what the platform shows before it sends the create.
   */
  static Stream<Case> halfCreates() {
    return Stream.of(
        new Case("one CcExtension bound by two seats", (ns, id) -> {
              ready(CcExtension.class, ns, "e", () -> h.extension(ns, "e", "tenant", "8101", s -> {}));
              ready(CcAgent.class, ns, "a1", () -> h.agent(ns, "a1", "tenant", "1001", s -> s.extensionRefs = List.of("e")));
            }, (ns, id) -> h.agent(ns, "a2", "tenant", "1002", s -> s.extensionRefs = List.of("e")), CcAgent.class, "a2",
            Reason.AlreadyExists, "spec.extensionRefs"),
        new Case("a defaultSpNumber the tenant does not have", NOTHING,
            (ns, id) -> h.agent(ns, "a", "tenant", "1001", s -> s.defaultSpNumber = "4009999999"), CcAgent.class, "a", Reason.InvalidSpec,
            "spec.defaultSpNumber"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("halfCreates")
  void refusedBeforeTheSeatIsCreatedWhereThePlatformWouldRefuseOnlyAfterIt(Case c) {
    refusedNamingTheFieldOrCodeWithNothingHalfCreated(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedNamingTheFieldOrCodeWithNothingHalfCreated(Case c) {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    String appId = h.appId(ns, "tenant");
    c.arrange().accept(ns, appId);
    int apps = h.simState().get("apps").size();
    String before = h.simApp(appId).toString();

    c.act().accept(ns, appId);
    CcResource<?, ?> refused = awaitReason(c, ns);
    System.out.printf("bad input: %s -> %s: %s%n", c.what(), c.reason(), readyMessage(refused));
    assertThat(readyMessage(refused)).contains(c.names());
    assertThat(h.simApp(appId).toString()).as("the tenant on the platform after the refusal").isEqualTo(before);
    assertThat(h.simState().get("apps")).as("apps on the platform").hasSize(apps);
  }

  /** The resource once its Ready reason is the case's; fails with the reason and message it has instead. */
  private static CcResource<?, ?> awaitReason(Case c, String ns) {
    try {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> c.reason().name().equals(reason(h.get(c.kind(), ns, c.name()))));
    } catch (ConditionTimeoutException e) {
      CcResource<?, ?> r = h.get(c.kind(), ns, c.name());
      throw new AssertionError(c.what() + ": wanted " + c.reason() + ", got " + reason(r) + ": "
          + (r.getStatus() == null ? "no status" : readyMessage(r)) + "; platform: " + h.simState().get("apps"), e);
    }
    return h.get(c.kind(), ns, c.name());
  }

  private static String reason(CcResource<?, ?> r) {
    return r == null || r.getStatus() == null ? null : Conditions.readyReason(r.getStatus());
  }

  @Test
  void atLeastThirtyDistinctCasesAtAdmissionAndAtRuntime() {
    long admission = AdmissionTest.malformed().count();
    long runtime = cases().count();
    System.out.printf("bad input: admission_cases=%d runtime_cases=%d%n", admission, runtime);
    assertThat(admission + runtime).isGreaterThanOrEqualTo(30);
    assertThat(cases().map(Case::what).distinct().count()).isEqualTo(runtime);
  }

  private static <R extends CcResource<?, ?>> void ready(Class<R> kind, String ns, String name, Runnable create) {
    create.run();
    h.awaitReady(kind, ns, name);
  }

  private static void secret(String ns, String name, Map<String, String> data, Map<String, String> labels) {
    Map<String, String> encoded = new java.util.HashMap<>();
    data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    h.kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns)
        .withLabels(labels).endMetadata().withData(encoded).build()).create();
  }
}
