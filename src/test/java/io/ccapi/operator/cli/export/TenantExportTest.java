package io.ccapi.operator.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.DeletionPolicy;
import io.ccapi.operator.crd.ManagementPolicy;
import java.util.List;
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
    Tenant t = new Tenant(unnamed, new SpNumbers.Numbers(List.of(), ""), List.of(), List.of(), List.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantExport.of(t, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("application " + APP.appId() + " cannot be exported: application name has 0 characters; the CRD takes 1 to 64")
        .hasMessageNotContaining("s3cret");
    ExportOptions badEndpoint = new ExportOptions("ftp://x", null, ManagementPolicy.Observe, "creds");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantExport.of(tenant(List.of(), List.of(), List.of()), badEndpoint))
        .hasMessageContaining("--endpoint \"ftp://x\" does not fit the CRD");
  }

  static Tenant tenant(List<Queues.Info> queues, List<Agents.Details> seats, List<Subscriptions.Subscription> subscriptions) {
    return new Tenant(APP, new SpNumbers.Numbers(List.of(), ""), queues, seats, subscriptions);
  }

  static Queues.Info queue(String id, String name, String strategy) {
    return new Queues.Info(1L, null, null, APP.appId(), id, 60, strategy, name, 128, null);
  }

  static Agents.Details seat(String id, String name, String mobile, List<String> queues, List<String> extensions) {
    return new Agents.Details(APP.appId(), id, "W" + id, name, mobile, null, "agent", queues, null,
        extensions.stream().map(ExtensionRef::new).toList(), List.of(""), 4, 3, null, true);
  }
}
