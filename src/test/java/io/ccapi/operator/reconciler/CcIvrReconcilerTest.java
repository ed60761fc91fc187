package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcIvrSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.plan.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import static io.ccapi.operator.plan.IvrSpecs.file;
import static io.ccapi.operator.plan.IvrSpecs.voice;

import io.ccapi.operator.plan.IvrSpecs;
import org.junit.jupiter.api.Test;

/** CcIvr over the simulator: voice files, default voices and the fast router of one app. */
class CcIvrReconcilerTest extends ControllerTest {
  private static CcIvrSpec.FastRoute route(String dtmf, String queueRef) {
    return IvrSpecs.route(dtmf, queueRef, "to " + queueRef);
  }

  private static List<String> files(String appId) {
    List<String> out = new ArrayList<>();
    h.simApp(appId).get("voiceFiles").forEach(f -> out.add(f.get("fileName").asText()));
    return out;
  }

  private static List<String> router(String appId) {
    List<String> out = new ArrayList<>();
    h.simApp(appId).get("fastRouter").forEach(r -> out.add(r.get("dtmf").asText() + "=" + r.get("queueId").asText()));
    return out;
  }

  private static String appWithQueues(String ns) {
    String appId = tenant(ns);
    h.queue(ns, "sales", "tenant", "9001", s -> {});
    h.queue(ns, "support", "tenant", "9002", s -> {});
    h.awaitReady(CcQueue.class, ns, "sales");
    h.awaitReady(CcQueue.class, ns, "support");
    return appId;
  }

  private static void fullIvr(CcIvrSpec s) {
    s.voiceFiles = List.of(file("welcome.wav", "Greeting"), file("hold.wav", null));
    s.defaultVoices = List.of(
        voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.wav, "welcome.wav"),
        voice(Ivrs.Prompt.ClosingTime, CcIvrSpec.VoiceType.tts, "We are closed"),
        voice(Ivrs.Prompt.Hold, CcIvrSpec.VoiceType.platformDefault, null));
    s.fastRouter = List.of(route("1", "sales"), route("2", "support"));
  }

  @Test
  void everySectionReachesThePlatformAndStatusShowsIt() {
    String ns = h.namespace();
    String appId = appWithQueues(ns);
    h.ivr(ns, "ivr", "tenant", CcIvrReconcilerTest::fullIvr);
    CcIvr ivr = h.awaitReady(CcIvr.class, ns, "ivr");

    assertThat(files(appId)).containsExactlyInAnyOrder("welcome.wav", "hold.wav");
    JsonNode voices = h.simApp(appId).get("defVoices");
    assertThat(voices.get("Welcome").get("Content").asText()).isEqualTo("welcome.wav");
    assertThat(voices.get("ClosingTime").get("Type").asText()).isEqualTo("tts");
    assertThat(voices.get("Hold").asText()).isEqualTo("default");
    assertThat(router(appId)).containsExactly("1=9001", "2=9002");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcIvr now = h.get(CcIvr.class, ns, "ivr");
      assertThat(now.getStatus().voiceFiles).containsExactlyInAnyOrder("welcome.wav", "hold.wav");
      assertThat(now.getStatus().fastRouter).containsExactly("1 -> queue 9001 (to sales)", "2 -> queue 9002 (to support)");
    });
    assertThat(OperatorHarness.claimedId(ivr)).isEqualTo(appId);

    // drift behind the operator's back is undone at the next poll
    h.platform.setFastRouter(appId, List.of(new Ivrs.FastRoute("9", "by hand", "9001")));
    await().atMost(Duration.ofSeconds(10)).until(() -> router(appId).equals(List.of("1=9001", "2=9002")));
  }

  @Test
  void aFastRouterWaitsForItsQueuesToBeReady() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.ivr(ns, "ivr", "tenant", s -> s.fastRouter = List.of(route("0", "later")));
    CcIvr waiting = h.awaitReason(CcIvr.class, ns, "ivr", Reason.WaitingForReference);
    assertThat(readyMessage(waiting)).contains("CcQueue later");
    assertThat(router(appId)).isEmpty();

    h.queue(ns, "later", "tenant", "9005", s -> {});
    h.awaitReady(CcIvr.class, ns, "ivr");
    assertThat(router(appId)).containsExactly("0=9005");
  }

  @Test
  void aDtmfKeyRoutedTwiceIsRefusedNamingTheField() {
    String ns = h.namespace();
    String appId = appWithQueues(ns);
    h.ivr(ns, "ivr", "tenant", s -> s.fastRouter = List.of(route("1", "sales"), route("1", "support")));
    CcIvr ivr = h.awaitReason(CcIvr.class, ns, "ivr", Reason.InvalidSpec);
    assertThat(OperatorHarness.condition(ivr.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(ivr)).contains("spec.fastRouter[1].dtmf", "key 1");
    assertThat(router(appId)).isEmpty();
  }

  @Test
  void aWavVoiceNamingNoFileIsRefused() {
    String ns = h.namespace();
    tenant(ns);
    h.ivr(ns, "ivr", "tenant", s -> s.defaultVoices = List.of(voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.wav, "missing.wav")));
    CcIvr ivr = h.awaitReason(CcIvr.class, ns, "ivr", Reason.InvalidSpec);
    assertThat(readyMessage(ivr)).contains("spec.defaultVoices[0].content", "missing.wav");
  }

  @Test
  void aFileLeavingTheSpecIsDeletedAndDeletingTheResourceClearsTheIvr() {
    String ns = h.namespace();
    String appId = appWithQueues(ns);
    h.platform.uploadVoiceFile(appId, new Ivrs.VoiceFile("by-hand.wav", "wav", ""));
    h.ivr(ns, "ivr", "tenant", CcIvrReconcilerTest::fullIvr);
    h.awaitReady(CcIvr.class, ns, "ivr");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.get(CcIvr.class, ns, "ivr").getStatus().voiceFiles != null);

    h.edit(CcIvr.class, ns, "ivr", i -> i.getSpec().voiceFiles = List.of(file("welcome.wav", "Greeting")));
    await().atMost(Duration.ofSeconds(10)).until(() -> !files(appId).contains("hold.wav"));
    assertThat(files(appId)).containsExactlyInAnyOrder("welcome.wav", "by-hand.wav");

    h.delete(CcIvr.class, ns, "ivr");
    h.awaitGone(CcIvr.class, ns, "ivr");
    assertThat(router(appId)).isEmpty();
    assertThat(h.simApp(appId).get("defVoices").isEmpty()).isTrue();
    assertThat(files(appId)).containsExactly("by-hand.wav");
  }

  @Test
  void underObserveNothingIsWrittenAndTheDifferenceIsReported() {
    String ns = h.namespace();
    String appId = appWithQueues(ns);
    h.ivr(ns, "ivr", "tenant", s -> {
      fullIvr(s);
      s.managementPolicy = ManagementPolicy.Observe;
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcIvr ivr = h.get(CcIvr.class, ns, "ivr");
      assertThat(ivr.getStatus()).isNotNull();
      assertThat(ivr.getStatus().inSync).isFalse();
      assertThat(ivr.getStatus().plannedOperations)
          .contains("+ create voice file welcome.wav (\"Greeting\")")
          .anySatisfy(l -> assertThat(l).startsWith("~ update fast router: key 1: (none) -> \"queue 9001 (to sales)\""));
    });
    assertThat(files(appId)).isEmpty();
    assertThat(router(appId)).isEmpty();
  }

  @Test
  void aSecondCcIvrForTheSameAppIsRefusedNamingTheFirst() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.ivr(ns, "first", "tenant", s -> s.voiceFiles = List.of(file("a.wav", null)));
    h.awaitReady(CcIvr.class, ns, "first");
    h.ivr(ns, "second", "tenant", s -> s.voiceFiles = List.of(file("b.wav", null)));
    CcIvr second = h.awaitReason(CcIvr.class, ns, "second", Reason.AlreadyExists);
    assertThat(readyMessage(second)).contains("the IVR of application " + appId, "CcIvr " + ns + "/first");
    assertThat(files(appId)).containsExactly("a.wav");
  }

  @Test
  void theIvrOfAnObservedAppNeedsTheAdoptAnnotation() {
    String ns = h.namespace();
    Apps.App existing = h.platform.createApp(new Apps.CreateRequest("Existing", 1, "", false, ""));
    h.app(ns, "tenant", s -> {
      s.appId = existing.appId();
      s.managementPolicy = ManagementPolicy.Observe;
    });
    h.ivr(ns, "ivr", "tenant", s -> s.voiceFiles = List.of(file("a.wav", null)));
    CcIvr ivr = h.awaitReason(CcIvr.class, ns, "ivr", Reason.AlreadyExists);
    assertThat(readyMessage(ivr)).contains("managementPolicy Observe", "ccapi.io/adopt=true");
    assertThat(files(existing.appId())).isEmpty();

    h.annotate(CcIvr.class, ns, "ivr", "ccapi.io/adopt", "true");
    h.awaitReady(CcIvr.class, ns, "ivr");
    assertThat(files(existing.appId())).containsExactly("a.wav");
  }
}
