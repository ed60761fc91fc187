package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.simulator.FaultSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes the platform applies but whose answers are lost: creates stay idempotent (adopted on retry, never
 * duplicated), a lost AppId is found again by the AppId the operator sent, and a lost password is recovered
 * where the platform allows it and reported where it does not.
 */
class LostAnswerTest extends ControllerTest {
  private static final FaultSettings LOSE_WRITES = FaultSettings.none().withLostAnswerRate(1.0);

  @AfterEach
  void answerAgain() {
    h.simulator.setFaults(FaultSettings.none());
  }

  @Test
  void aQueueWhoseCreateAnswerWasLostIsAdoptedNotRefused() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.simulator.setFaults(LOSE_WRITES);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    await().atMost(Duration.ofSeconds(20)).until(() -> !h.platform.listQueues(appId).isEmpty());
    h.simulator.setFaults(FaultSettings.none());

    CcQueue q = h.awaitReady(CcQueue.class, ns, "q");
    assertThat(claimedId(q)).isEqualTo("9001");
    assertThat(h.platform.listQueues(appId)).singleElement().satisfies(i -> assertThat(i.queueId()).isEqualTo("9001"));
  }

  @Test
  void anExtensionWhoseCreateAnswerWasLostIsReplacedToGetAPassword() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.simulator.setFaults(LOSE_WRITES);
    h.extension(ns, "e", "tenant", "8101", s -> {});
    await().atMost(Duration.ofSeconds(20)).until(() -> h.simExtensions(appId).contains("8101"));
    h.simulator.setFaults(FaultSettings.none());

    h.awaitReady(CcExtension.class, ns, "e");
    String stored = h.secret(ns, "e-sip").get("password");
    assertThat(stored).isNotBlank().isEqualTo(platformPassword(appId, "8101"));
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getMessage()).contains("answer of its create was lost"));
  }

  @Test
  void aDeletedSipSecretOfAnUnboundExtensionComesBackWithAWorkingPassword() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.extension(ns, "e", "tenant", "8102", s -> {});
    h.awaitReady(CcExtension.class, ns, "e");
    String before = h.secret(ns, "e-sip").get("password");

    h.kube.secrets().inNamespace(ns).withName("e-sip").delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      var data = h.secret(ns, "e-sip");
      return data != null && data.containsKey("password") && !data.get("password").equals(before);
    });
    assertThat(h.secret(ns, "e-sip").get("password")).isEqualTo(platformPassword(appId, "8102"));
    assertThat(h.get(CcExtension.class, ns, "e").getStatus().number).endsWith("8102");
  }

  @Test
  void anAppWhoseCreateAnswerWasLostIsFoundByItsAppIdAndItsChildrenConverge() {
    String ns = h.namespace();
    h.simulator.setFaults(LOSE_WRITES);
    h.app(ns, "lost", s -> {});
    await().atMost(Duration.ofSeconds(20)).until(() -> h.simAppIdsNamed("Tenant lost").size() == 1);
    h.simulator.setFaults(FaultSettings.none());

    CcApp app = h.awaitReady(CcApp.class, ns, "lost");
    List<String> created = h.simAppIdsNamed("Tenant lost");
    assertThat(created).as("one tenant, under the AppId the operator sent").hasSize(1);
    assertThat(app.getStatus().appId).isEqualTo(created.get(0));
    assertThat(claimedId(app)).isEqualTo(created.get(0));
    assertThat(h.secret(ns, "lost-ccapp")).containsEntry("appId", created.get(0))
        .containsEntry("secret", h.simApp(created.get(0)).get("secret").asText());
    h.queue(ns, "q", "lost", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");
    assertThat(h.simAppIdsNamed("Tenant lost")).hasSize(1);
  }

  @Test
  void aSeatWhoseCreateAnswerWasLostGetsANewPasswordForItsOwnExtension() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.simulator.setFaults(LOSE_WRITES);
    h.agent(ns, "alice", "tenant", "1001", s -> s.createExtension = true);
    await().atMost(Duration.ofSeconds(20)).until(() -> h.platform.listAgents(appId).size() == 1);
    h.simulator.setFaults(FaultSettings.none());

    CcAgent alice = h.awaitReady(CcAgent.class, ns, "alice");
    assertThat(readyMessage(alice)).isEqualTo("agent 1001 is ready");
    assertThat(alice.getStatus().extensions).hasSize(1);
    String own = alice.getStatus().extensions.get(0);
    assertThat(h.platform.getAgent(appId, "1001").extensions()).singleElement().satisfies(e -> assertThat(e.extension()).isEqualTo(own));
    var secret = h.secret(ns, alice.getStatus().secretName);
    assertThat(secret.get("extension")).isEqualTo(own);
    assertThat(secret.get("password")).isNotBlank().isEqualTo(platformPassword(appId, own));
    assertThat(h.simExtensions(appId)).containsExactly(own);
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getMessage()).contains("replace extension " + own, "password stored in Secret"));
    assertThat(h.events(ns)).noneSatisfy(e -> assertThat(e.getReason()).isEqualTo("PasswordUnknown"));
  }

  /**
   * A replacement interrupted after its delete (a crash) leaves the number free, and the platform numbers
   * the next seat created with an extension from the lowest free one: the number is another seat's now.
   * The seat is given a new number instead of waiting forever on 100016.
   */
  @Test
  void anInterruptedReplacementWhoseNumberThePlatformGaveAwayTakesTheNextFreeOne() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.agent(ns, "alice", "tenant", "1001", s -> s.createExtension = true);
    CcAgent ready = h.awaitReady(CcAgent.class, ns, "alice");
    String lost = ready.getStatus().extensions.get(0);
    h.annotate(CcAgent.class, ns, "alice", Annotations.PAUSED, "true");
    h.awaitReason(CcAgent.class, ns, "alice", Reason.Paused);
    // what the crashed replacement left: the number in the Secret without a password, the extension gone
    h.kube.secrets().inNamespace(ns).withName(ready.getStatus().secretName).edit(secret -> {
      secret.getData().remove("password");
      return secret;
    });
    h.platform.unbindAgentExtensions(appId, "1001", List.of(lost));
    h.platform.deleteExtension(appId, lost);
    h.platform.createAgents(appId, List.of(new Agents.Agent("1002", "w1002", null, null, null, "agent", true, true, null)));
    assertThat(h.platform.getAgent(appId, "1002").extensions()).as("the platform reused the number")
        .singleElement().satisfies(e -> assertThat(e.extension()).isEqualTo(lost));

    h.annotate(CcAgent.class, ns, "alice", Annotations.PAUSED, "false");
    await().atMost(Duration.ofSeconds(30)).until(() -> !h.get(CcAgent.class, ns, "alice").getStatus().extensions.contains(lost)
        && "Ready".equals(Conditions.readyReason(h.get(CcAgent.class, ns, "alice").getStatus())));

    CcAgent alice = h.get(CcAgent.class, ns, "alice");
    String own = alice.getStatus().extensions.get(0);
    assertThat(own).isNotEqualTo(lost);
    assertThat(h.platform.getAgent(appId, "1001").extensions()).singleElement().satisfies(e -> assertThat(e.extension()).isEqualTo(own));
    assertThat(h.platform.getAgent(appId, "1002").extensions()).as("the other seat keeps its extension")
        .singleElement().satisfies(e -> assertThat(e.extension()).isEqualTo(lost));
    var secret = h.secret(ns, alice.getStatus().secretName);
    assertThat(secret).containsEntry("extension", own);
    assertThat(secret.get("password")).isEqualTo(platformPassword(appId, own));
    assertThat(h.events(ns)).anySatisfy(e -> assertThat(e.getMessage())
        .contains("replace extension " + lost + " of agent 1001 with extension " + own, "the platform gave " + lost + " to another seat"));
  }

  @Test
  void underLostAnswersEverySeatEndsWithTheWorkingPasswordOfItsOwnExtension() {
    String ns = h.namespace();
    String appId = tenant(ns);
    int seats = 12;
    h.simulator.setFaults(FaultSettings.none().withLostAnswerRate(0.4));
    for (int i = 0; i < seats; i++) {
      h.agent(ns, "seat-" + i, "tenant", Integer.toString(2001 + i), s -> s.createExtension = true);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> h.platform.listAgents(appId).size() == seats);
    h.simulator.setFaults(FaultSettings.none());

    int replaced = 0;
    for (int i = 0; i < seats; i++) {
      CcAgent seat = h.awaitReady(CcAgent.class, ns, "seat-" + i);
      assertThat(seat.getStatus().secretName).as("seat-" + i + " names its Secret").isNotNull();
      var secret = h.secret(ns, seat.getStatus().secretName);
      String own = secret.get("extension");
      assertThat(seat.getStatus().extensions).as("seat-" + i).containsExactly(own);
      assertThat(secret.get("password")).as("seat-" + i + " password").isEqualTo(platformPassword(appId, own));
    }
    for (var e : h.events(ns)) {
      replaced += e.getMessage().startsWith("replace extension") ? 1 : 0;
    }
    assertThat(h.simExtensions(appId)).as("no extension left over").hasSize(seats);
    System.out.println("lost answers: " + seats + " seats Ready, every password matches the platform; extensions replaced: " + replaced);
  }


  private String platformPassword(String appId, String number) {
    for (JsonNode e : h.simApp(appId).get("extensions")) {
      if (number.equals(e.get("extension").asText())) {
        return e.get("password").asText();
      }
    }
    throw new IllegalStateException("no extension " + number);
  }
}
