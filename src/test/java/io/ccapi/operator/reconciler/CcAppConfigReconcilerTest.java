package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.crd.WebhookEventCategory;
import io.ccapi.operator.plan.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CcApp's relay number and webhook event categories, over the simulator. */
class CcAppConfigReconcilerTest extends ControllerTest {
  private static final String RELAY_1 = "057126200670";
  private static final String RELAY_2 = "057126200671";

  private static String platformDefault(String appId) {
    return h.simApp(appId).get("defSpNumber").asText();
  }

  private static List<String> webhookEvents(String appId, String category) {
    List<String> out = new ArrayList<>();
    JsonNode events = h.simApp(appId).get("webhookEvents").get(category);
    if (events != null) {
      events.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  @Test
  void theDefaultRelayNumberFollowsTheSpecAndStatusListsTheRelayNumbers() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.defaultSpNumber = RELAY_1);
    CcApp app = h.awaitReady(CcApp.class, ns, "tenant");
    String appId = app.getStatus().appId;
    assertThat(platformDefault(appId)).isEqualTo(RELAY_1);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcApp now = h.get(CcApp.class, ns, "tenant");
      assertThat(now.getStatus().spNumbers).contains(RELAY_1, RELAY_2);
      assertThat(now.getStatus().defaultSpNumber).isEqualTo(RELAY_1);
    });

    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().defaultSpNumber = RELAY_2);
    await().atMost(Duration.ofSeconds(10)).until(() -> RELAY_2.equals(platformDefault(appId)));

    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().defaultSpNumber = null);
    await().atMost(Duration.ofSeconds(10)).until(() -> platformDefault(appId).isEmpty());
  }

  @Test
  void aNumberThatIsNotARelayNumberStallsListingTheValidOnesUntilFixed() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.defaultSpNumber = "01099999999");
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.InvalidSpec);
    assertThat(OperatorHarness.condition(app.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(app)).contains("spec.defaultSpNumber", "01099999999", RELAY_1, RELAY_2);
    assertThat(app.getStatus().spNumbers).contains(RELAY_1);

    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().defaultSpNumber = RELAY_2);
    String appId = h.awaitReady(CcApp.class, ns, "tenant").getStatus().appId;
    assertThat(platformDefault(appId)).isEqualTo(RELAY_2);
  }

  @Test
  void webhookEventCategoriesAreReplacedAsDeclaredAndDeletedWhenTheListGoes() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.webhookEvents = List.of(
        new WebhookEventCategory(Events.Category.call, List.of(Events.Name.user_answer, Events.Name.user_hangup)),
        new WebhookEventCategory(Events.Category.agent_state, List.of(Events.Name.acd_agent_state))));
    String appId = h.awaitReady(CcApp.class, ns, "tenant").getStatus().appId;
    assertThat(webhookEvents(appId, "call")).containsExactlyInAnyOrder("user_answer", "user_hangup");
    assertThat(webhookEvents(appId, "agent_state")).containsExactly("acd_agent_state");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.get(CcApp.class, ns, "tenant").getStatus().webhookEvents != null);
    long puts = h.simCalls("PUT webhooks/events");

    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().webhookEvents = List.of(
        new WebhookEventCategory(Events.Category.ext_state, List.of(Events.Name.ext_state))));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(webhookEvents(appId, "ext_state")).containsExactly("ext_state");
      assertThat(webhookEvents(appId, "call")).isEmpty();
    });
    assertThat(h.simCalls("PUT webhooks/events")).isEqualTo(puts + 1);

    h.edit(CcApp.class, ns, "tenant", a -> a.getSpec().webhookEvents = null);
    await().atMost(Duration.ofSeconds(10)).until(() -> h.simApp(appId).get("webhookEvents").isEmpty());
    assertThat(h.simCalls("DELETE webhooks/events")).isPositive();
  }

  @Test
  void anEventOutsideItsCategoryIsRefusedNamingTheField() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.webhookEvents = List.of(
        new WebhookEventCategory(Events.Category.call, List.of(Events.Name.user_answer, Events.Name.ext_state))));
    CcApp app = h.awaitReason(CcApp.class, ns, "tenant", Reason.InvalidSpec);
    assertThat(readyMessage(app)).contains("spec.webhookEvents[0].events[1]", "ext_state is not an event of category call");
    assertThat(webhookEvents(app.getStatus().appId, "call")).isEmpty();
  }

  @Test
  void underObserveNothingIsWrittenAndTheDifferenceIsReported() {
    String ns = h.namespace();
    Apps.App existing = h.platform.createApp(new Apps.CreateRequest("Tenant tenant", 1, "", false, ""));
    h.platform.setDefaultSpNumber(existing.appId(), RELAY_1);
    h.app(ns, "tenant", s -> {
      s.appId = existing.appId();
      s.managementPolicy = ManagementPolicy.Observe;
      s.webhookEvents = List.of(new WebhookEventCategory(Events.Category.ext_state, List.of(Events.Name.ext_state)));
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcApp app = h.get(CcApp.class, ns, "tenant");
      assertThat(app.getStatus()).isNotNull();
      assertThat(app.getStatus().inSync).isFalse();
      assertThat(app.getStatus().plannedOperations).anySatisfy(l -> assertThat(l).startsWith("- delete default relay number " + RELAY_1))
          .anySatisfy(l -> assertThat(l).startsWith("~ replace webhook events of application " + existing.appId() + " with ext_state [ext_state]"));
    });
    assertThat(platformDefault(existing.appId())).isEqualTo(RELAY_1);
    assertThat(h.simApp(existing.appId()).get("webhookEvents").isEmpty()).isTrue();
  }
}
