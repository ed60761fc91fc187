package io.ccapi.operator.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.DeletionPolicy;
import io.ccapi.operator.crd.ManagementPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure mapping from what the platform shows to manifests, and what it leaves out, with why. */
class TenantExportTest {
  static final ExportOptions OPTIONS = new ExportOptions("https://cc.example.cn", "team-a", ManagementPolicy.Observe, "creds");
  static final Apps.App APP = new Apps.App("0f8fad5b-d9cb-469f-a165-70867728950e", "9123", "Acme", "", "1", "", false, "s3cret", null);

  @Test
  void everyObjectIsMarkedForAdoptionUnderThePolicyAndOrphanedOnDelete() {
    Exported e = TenantExport.of(tenant(List.of(queue("9001", "Sales", "round_robin")), List.of(seat("1001", "Alice", null, List.of("9001"), List.of("8101"))), List.of()), OPTIONS);

    assertThat(e.app().getSpec().appId).isEqualTo(APP.appId());
    assertThat(e.app().getSpec().credentialsSecretRef).isEqualTo("creds");
    assertThat(e.credentials().getData()).isNullOrEmpty();
    assertThat(e.credentials().getStringData()).isNullOrEmpty();
    CcAgent agent = e.agents().get(0);
    assertThat(agent.getMetadata().getName()).isEqualTo("alice-1001");
    assertThat(agent.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(agent.getMetadata().getAnnotations()).containsEntry(Annotations.ADOPT, "true");
    assertThat(agent.getSpec().appRef).isEqualTo("acme");
    assertThat(agent.getSpec().managementPolicy).isEqualTo(ManagementPolicy.Observe);
    assertThat(agent.getSpec().deletionPolicy).isEqualTo(DeletionPolicy.Orphan);
    assertThat(agent.getSpec().queueRefs).containsExactly("sales-9001");
    assertThat(agent.getSpec().extensionRefs).containsExactly("ext-8101");
    assertThat(e.extensions()).extracting(x -> x.getSpec().extension).containsExactly("8101");
    assertThat(e.queues()).extracting(q -> q.getSpec().strategy.name()).containsExactly("round_robin");
  }

  @Test
  void whatTheCrdCannotHoldIsReportedAndSeatsBoundToItWithIt() {
    Exported e = TenantExport.of(tenant(
        List.of(queue("9001", "Sales", "round_robin"), queue("9002", "Odd", "weighted_magic")),
        List.of(seat("1001", "Alice", "not-a-phone", List.of(), List.of()), seat("1002", "Bob", null, List.of("9002"), List.of()),
            seat("1003", "Carol", null, List.of("9001"), List.of("0123")), seat("1004", "Dan", null, List.of("9001"), List.of())),
        List.of(new Subscriptions.Subscription(1L, "https://h.example.com", "ok-name", List.of("end"), true),
            new Subscriptions.Subscription(2L, "https://h.example.com", "ok-name", List.of("end"), true),
            new Subscriptions.Subscription(3L, "https://h.example.com", "bad", List.of("no_such_event"), true))), OPTIONS);

    assertThat(e.queues()).extracting(q -> q.getSpec().queueId).containsExactly("9001");
    assertThat(e.agents()).extracting(a -> a.getSpec().agentId).containsExactly("1004");
    assertThat(e.subscriptions()).extracting(s -> s.getMetadata().getName()).containsExactly("ok-name");
    assertThat(e.ivrs()).isEmpty();
    assertThat(e.notExported()).contains(
        "queue 9002: strategy \"weighted_magic\" is not one the CRD knows",
        "extension 0123: extension \"0123\" does not fit the CRD (^[1-9][0-9]{3}$)",
        "agent 1001: mobile \"not-a-phone\" does not fit the CRD (^[0-9]{3,20}$)",
        "agent 1002: bound to queue 9002, which is not exported",
        "agent 1003: bound to extension 0123, which is not exported",
        "subscription 2 \"ok-name\": another subscription has this name, and the operator finds subscriptions by name",
        "subscription 3 \"bad\": event \"no_such_event\" is not one the CRD knows");
  }

  @Test
  void aSubscriptionNamedUnlikeAResourceKeepsItsPlatformNameInSpecName() {
    Exported e = TenantExport.of(tenant(List.of(), List.of(), List.of(
        new Subscriptions.Subscription(1L, "https://h.example.com", "call-events", List.of("end"), true),
        new Subscriptions.Subscription(2L, "https://h.example.com", "Call Events", List.of("end"), false),
        new Subscriptions.Subscription(3L, "https://h.example.com", "来电", List.of("begin"), true))), OPTIONS);

    assertThat(e.subscriptions()).extracting(s -> s.getMetadata().getName() + "=" + s.getSpec().name)
        .containsExactly("call-events=null", "call-events-2=Call Events", "subscription=来电");
    assertThat(e.notExported()).noneMatch(l -> l.startsWith("subscription"));
  }

  @Test
  void aSeatKeepsItsWrapUpTime() {
    Agents.Details seat = seat("1001", "Alice", null, List.of(), List.of());
    Agents.Details slow = new Agents.Details(APP.appId(), "1002", "W1002", "Bob", null, null, "agent", List.of(), null, List.of(), List.of(""), 4, 3, 45, true);
    Agents.Details negative = new Agents.Details(APP.appId(), "1003", "W1003", "Eve", null, null, "agent", List.of(), null, List.of(), List.of(""), 4, 3, -1, true);
    Exported e = TenantExport.of(tenant(List.of(), List.of(seat, slow, negative), List.of()), OPTIONS);

    assertThat(e.agents()).extracting(a -> a.getSpec().agentId + "=" + a.getSpec().wrapUpTime).containsExactly("1001=null", "1002=45");
    assertThat(e.notExported()).contains("agent 1003: wrapUpTime -1 is below the CRD's minimum 0");
  }

  @Test
  void theIvrBecomesOneCcIvrNamedLikeItsAppWithItsQueuesByName() {
    Tenant.Ivr ivr = new Tenant.Ivr(
        List.of(new Ivrs.VoiceFile("welcome.wav", "wav", "greeting"), new Ivrs.VoiceFile("bye.wav", "wav", "")),
        Map.of("Welcome", Map.of("Type", "wav", "Content", "welcome.wav"), "Hold", Map.of("Type", "tts", "Content", "please hold"), "ClosingTime", "default"),
        List.of(new Ivrs.FastRoute("2", "support", "9002"), new Ivrs.FastRoute("1", "sales", "9001")));
    Exported e = TenantExport.of(tenant(List.of(queue("9001", "Sales", "round_robin"), queue("9002", "Support", "round_robin")), List.of(), List.of(), ivr), OPTIONS);

    assertThat(e.ivrs()).singleElement().satisfies(r -> {
      assertThat(r.getMetadata().getName()).isEqualTo(e.app().getMetadata().getName());
      assertThat(r.getMetadata().getAnnotations()).containsEntry(Annotations.ADOPT, "true");
      assertThat(r.getSpec().deletionPolicy).isEqualTo(DeletionPolicy.Orphan);
      assertThat(r.getSpec().voiceFiles).extracting(f -> f.name + "/" + f.type + "/" + f.description).containsExactly("welcome.wav/wav/greeting", "bye.wav/wav/null");
      assertThat(r.getSpec().defaultVoices).extracting(v -> v.prompt + "=" + v.type + ":" + v.content)
          .containsExactly("Welcome=wav:welcome.wav", "ClosingTime=platformDefault:null", "Hold=tts:please hold");
      assertThat(r.getSpec().fastRouter).extracting(f -> f.dtmf + "->" + f.queueRef + " " + f.description).containsExactly("1->sales-9001 sales", "2->support-9002 support");
    });
    assertThat(e.resources()).isEqualTo(1 + 2 + 1);
  }

  @Test
  void anIvrSectionTheCrdCannotHoldIsLeftOutAndReportedTheOthersStay() {
    Tenant.Ivr ivr = new Tenant.Ivr(List.of(new Ivrs.VoiceFile("a b.wav", "wav", "")), Map.of("Welcome", "default"),
        List.of(new Ivrs.FastRoute("1", "gone", "9099")));
    Exported e = TenantExport.of(tenant(List.of(), List.of(), List.of(), ivr), OPTIONS);

    assertThat(e.ivrs()).singleElement().satisfies(r -> {
      assertThat(r.getSpec().voiceFiles).isNull();
      assertThat(r.getSpec().fastRouter).isNull();
      assertThat(r.getSpec().defaultVoices).hasSize(1);
    });
    assertThat(e.notExported()).contains(
        "IVR voice files: voice file name \"a b.wav\" does not fit the CRD (^[^/\\s]+$) (the section is left out of the CcIvr, so it is not managed)",
        "IVR fast router: key 1 routes to queue 9099, which is not exported (the section is left out of the CcIvr, so it is not managed)");
    assertThat(TenantExport.of(tenant(List.of(), List.of(), List.of()), OPTIONS).ivrs()).as("a tenant without IVR").isEmpty();
  }

  @Test
  void webhookEventsAreReportedAsUnreadable() {
    assertThat(TenantExport.of(tenant(List.of(), List.of(), List.of()), OPTIONS).notExported())
        .anyMatch(l -> l.startsWith("webhook event categories (webhooks/events): the ccapi API cannot read them"));
  }

  @Test
  void theSameTenantGivesTheSameNamesWhateverOrderThePlatformListsIt() {
    List<Agents.Details> seats = List.of(seat("1010", "Ann", null, List.of(), List.of()), seat("1002", "Ann", null, List.of(), List.of()), seat("999", "", null, List.of(), List.of()));
    Exported forward = TenantExport.of(tenant(List.of(), seats, List.of()), OPTIONS);
    Exported backward = TenantExport.of(tenant(List.of(), List.of(seats.get(2), seats.get(0), seats.get(1)), List.of()), OPTIONS);
    assertThat(forward.agents()).extracting(a -> a.getMetadata().getName()).containsExactly("agent-999", "ann-1002", "ann-1010");
    assertThat(backward.agents()).extracting(a -> a.getMetadata().getName()).containsExactly("agent-999", "ann-1002", "ann-1010");
  }

  @Test
  void anApplicationTheCrdCannotHoldStopsTheExportNamingWhy() {
    Apps.App unnamed = new Apps.App(APP.appId(), "9123", "", "", "1", "", false, "s3cret", null);
    Tenant t = new Tenant(unnamed, new SpNumbers.Numbers(List.of(), ""), List.of(), List.of(), List.of(), Tenant.Ivr.NONE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantExport.of(t, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("application " + APP.appId() + " cannot be exported: application name has 0 characters; the CRD takes 1 to 64")
        .hasMessageNotContaining("s3cret");
    ExportOptions badEndpoint = new ExportOptions("ftp://x", null, ManagementPolicy.Observe, "creds");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantExport.of(tenant(List.of(), List.of(), List.of()), badEndpoint))
        .hasMessageContaining("--endpoint \"ftp://x\" does not fit the CRD");
  }

  static Tenant tenant(List<Queues.Info> queues, List<Agents.Details> seats, List<Subscriptions.Subscription> subscriptions) {
    return tenant(queues, seats, subscriptions, Tenant.Ivr.NONE);
  }

  static Tenant tenant(List<Queues.Info> queues, List<Agents.Details> seats, List<Subscriptions.Subscription> subscriptions, Tenant.Ivr ivr) {
    return new Tenant(APP, new SpNumbers.Numbers(List.of(), ""), queues, seats, subscriptions, ivr);
  }

  static Queues.Info queue(String id, String name, String strategy) {
    return new Queues.Info(1L, null, null, APP.appId(), id, 60, strategy, name, 128, null);
  }

  static Agents.Details seat(String id, String name, String mobile, List<String> queues, List<String> extensions) {
    return new Agents.Details(APP.appId(), id, "W" + id, name, mobile, null, "agent", queues, null,
        extensions.stream().map(ExtensionRef::new).toList(), List.of(""), 4, 3, null, true);
  }
}
