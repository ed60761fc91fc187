package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.Reason;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.simulator.FaultSettings;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How failures of every class show up in conditions and Events, and what never shows up there. */
class ReconcileErrorPathsTest extends ControllerTest {
  @AfterEach
  void noFaults() {
    h.simulator.setFaults(FaultSettings.none());
  }

  @Test
  void backendFaultsAreBackendUnavailableAndClearOnRecovery() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    h.appId(ns, "tenant");
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");

    h.simulator.setFaults(new FaultSettings(0, 0, 1.0, FaultSettings.ErrorMode.ERRCODE, 0, FaultSettings.DEFAULT_HANG_MS, 0));
    // unchanged specs: Ready holds (the platform objects are as they were), Synced carries the error
    await().atMost(Duration.ofSeconds(30)).until(() -> Reason.BackendUnavailable.name().equals(condition(h.get(CcApp.class, ns, "tenant").getStatus(), "Synced").getReason()));
    CcApp failing = h.get(CcApp.class, ns, "tenant");
    assertThat(condition(failing.getStatus(), "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(failing.getStatus(), "Reconciling").getStatus()).isEqualTo("False");
    assertThat(condition(failing.getStatus(), "Stalled").getStatus()).isEqualTo("False");
    assertThat(condition(failing.getStatus(), "Synced").getStatus()).isEqualTo("False");
    assertThat(condition(failing.getStatus(), "Synced").getMessage()).contains("000003");
    await().atMost(Duration.ofSeconds(10)).until(() -> "False".equals(condition(h.get(CcQueue.class, ns, "q").getStatus(), "Synced").getStatus()));
    CcQueue child = h.get(CcQueue.class, ns, "q");
    assertThat(Conditions.isReady(child.getStatus())).isTrue();
    assertThat(condition(child.getStatus(), "Synced").getReason()).isEqualTo(Reason.BackendUnavailable.name());

    h.simulator.setFaults(FaultSettings.none());
    await().atMost(Duration.ofSeconds(30)).until(() -> "True".equals(condition(h.get(CcApp.class, ns, "tenant").getStatus(), "Synced").getStatus()));
    await().atMost(Duration.ofSeconds(30)).until(() -> "True".equals(condition(h.get(CcQueue.class, ns, "q").getStatus(), "Synced").getStatus()));
    CcApp recovered = h.awaitReady(CcApp.class, ns, "tenant");
    assertThat(recovered.getStatus().conditions).allSatisfy(c -> assertThat(c.getMessage()).doesNotContain("000003"));
    assertThat(condition(recovered.getStatus(), "Reconciling").getStatus()).isEqualTo("False");
    CcQueue back = h.awaitReady(CcQueue.class, ns, "q");
    assertThat(back.getStatus().conditions).allSatisfy(c -> {
      assertThat(c.getMessage()).isEqualTo("queue 9001 is ready");
      assertThat(c.getReason()).isEqualTo(Reason.Ready.name());
    });
    assertThat(h.events(ns)).anySatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo(Reason.BackendUnavailable.name());
      assertThat(e.getInvolvedObject().getName()).isEqualTo("tenant");
    });
  }

  @Test
  void aStalledConditionIsClearedByTheNextSuccess() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    h.appId(ns, "tenant");
    h.queue(ns, "q", "tenant", "9001", s -> s.appRef = "elsewhere/tenant");
    CcQueue invalid = h.awaitReason(CcQueue.class, ns, "q", Reason.InvalidSpec);
    String stalledSince = condition(invalid.getStatus(), "Stalled").getLastTransitionTime();

    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().appRef = "tenant");
    CcQueue ready = h.awaitReady(CcQueue.class, ns, "q");
    assertThat(ready.getStatus().conditions)
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("Ready=True", "Reconciling=False", "Stalled=False", "Synced=True");
    assertThat(ready.getStatus().conditions).allSatisfy(c -> {
      assertThat(c.getReason()).isEqualTo("Ready");
      assertThat(c.getMessage()).doesNotContain("spec.appRef", "elsewhere");
      assertThat(c.getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
    });
    assertThat(ready.getStatus().observedGeneration).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(condition(ready.getStatus(), "Stalled").getLastTransitionTime()).isGreaterThanOrEqualTo(stalledSince);
  }

  @Test
  void eventsRecordUpdateDeleteAndAWarningForAStallButNotAPlainCreate() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {});
    h.appId(ns, "tenant");
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueName = "Renamed");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.events(ns).stream().anyMatch(e -> "Updated".equals(e.getReason())));
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueId = "9002");
    h.awaitReason(CcQueue.class, ns, "q", Reason.ImmutableFieldChanged);
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueId = "9001");
    h.awaitReady(CcQueue.class, ns, "q");
    h.delete(CcQueue.class, ns, "q");
    h.awaitGone(CcQueue.class, ns, "q");

    List<Event> about = h.events(ns).stream().filter(e -> "q".equals(e.getInvolvedObject().getName())).toList();
    assertThat(about).allSatisfy(e -> {
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("CcQueue");
      assertThat(e.getInvolvedObject().getNamespace()).isEqualTo(ns);
      assertThat(e.getSource().getComponent()).isEqualTo("ccapi-operator");
      assertThat(e.getCount()).isPositive();
    });
    assertThat(about).extracting(e -> e.getType() + "/" + e.getReason())
        .contains("Normal/Updated", "Normal/Deleted", "Warning/ImmutableFieldChanged")
        .doesNotContain("Normal/Created");
    assertThat(about).filteredOn(e -> "Updated".equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("9001", "Renamed"));
    assertThat(about).filteredOn(e -> "ImmutableFieldChanged".equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("spec.queueId"));
  }

  @Test
  void noSecretValueShowsInAnyStatusOrEvent() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "desk", "tenant", "8101", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.createExtension = true;
      s.extensionRefs = List.of("desk");
    });
    h.subscription(ns, "calls", "tenant", s -> {});
    h.credentials(ns, "wrong", SimulatorConfig.DEFAULT_SID, "wrong-token-4711");
    h.app(ns, "denied", s -> s.credentialsSecretRef = "wrong");
    h.platform.createExtension(appId, "8300");
    h.extension(ns, "taken", "tenant", "8300", s -> {});
    h.awaitReady(CcAgent.class, ns, "alice");
    h.awaitReady(CcExtension.class, ns, "desk");
    h.awaitReady(CcSubscription.class, ns, "calls");
    h.awaitReason(CcApp.class, ns, "denied", Reason.Unauthorized);
    h.awaitReason(CcExtension.class, ns, "taken", Reason.AlreadyExists);
    h.platform.deleteExtension(appId, "8300");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.secret(ns, "taken-sip") != null && h.secret(ns, "taken-sip").containsKey("password"));

    List<String> secrets = new ArrayList<>(List.of(SimulatorConfig.DEFAULT_AUTH_TOKEN, "wrong-token-4711", h.platform.getApp(appId).secret()));
    secrets.add(h.secret(ns, "tenant-ccapp").get("secret"));
    secrets.add(h.secret(ns, "desk-sip").get("password"));
    secrets.add(h.secret(ns, "taken-sip").get("password"));
    secrets.add(h.secret(ns, "alice-extensions").get("password"));
    h.simApp(appId).get("extensions").forEach(e -> secrets.add(e.get("password").asText()));
    assertThat(secrets).allSatisfy(s -> assertThat(s).isNotBlank());

    List<String> shown = new ArrayList<>();
    for (Class<? extends CcResource<?, ?>> kind : List.<Class<? extends CcResource<?, ?>>>of(
        CcApp.class, CcAgent.class, CcExtension.class, CcQueue.class, CcSubscription.class)) {
      h.kube.resources(kind).inNamespace(ns).list().getItems().forEach(r -> shown.add(Serialization.asJson(r.getStatus())));
    }
    List<Event> events = h.events(ns);
    assertThat(events).extracting(Event::getReason).contains("Unauthorized", "AlreadyExists");
    events.forEach(e -> shown.add(e.getReason() + " " + e.getMessage()));
    assertThat(shown).hasSizeGreaterThan(6);
    for (String secret : Set.copyOf(secrets)) {
      assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
  }
}
