package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Webhooks;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcAppStatus;
import io.ccapi.operator.crd.WebhookEventCategory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The application's relay number and webhook events, as {@link AppPlanner} plans them with the app. */
class AppConfigPlannerTest {
  private static final String APP_ID = "11111111-2222-3333-4444-555555555555";
  private static final List<String> RELAYS = List.of("057126200670", "057126200671");
  private static final Apps.App APP = new Apps.App(APP_ID, "8000", "Shop", null, "1", "", false, "s", "10");

  private static CcAppSpec spec(Consumer<CcAppSpec> change) {
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = "https://tenant.example.cn";
    spec.credentialsSecretRef = "creds";
    spec.displayName = "Shop";
    change.accept(spec);
    return spec;
  }

  private static Plan<CcAppStatus> plan(CcAppSpec spec, String currentDefault, List<WebhookEventCategory> sent) {
    AppConfigPlanner.Observed observed = new AppConfigPlanner.Observed(Optional.of(new SpNumbers.Numbers(RELAYS, currentDefault)), sent);
    return AppPlanner.plan(new AppPlanner.Input(spec, Records.none("shop-ccapp"), Optional.of(APP), "new-app-id", false, observed));
  }

  private static WebhookEventCategory category(Events.Category category, Events.Name... events) {
    return new WebhookEventCategory(category, Arrays.asList(events));
  }

  // ---- relay numbers ----

  static Stream<Arguments> relay() {
    return Stream.of(
        Arguments.of("set when unset", "057126200670", "", List.of(new Op.SetDefaultSpNumber(APP_ID, null, "057126200670")), "057126200670"),
        Arguments.of("changed", "057126200671", "057126200670", List.of(new Op.SetDefaultSpNumber(APP_ID, "057126200670", "057126200671")), "057126200671"),
        Arguments.of("already set", "057126200670", "057126200670", List.of(), "057126200670"),
        Arguments.of("field removed: the default is deleted", null, "057126200670", List.of(new Op.DeleteDefaultSpNumber(APP_ID, "057126200670")), null),
        Arguments.of("none wanted, none set", null, "", List.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("relay")
  void keepsTheDefaultRelayNumberAsTheSpecSays(String name, String wanted, String current, List<Op> ops, String statusDefault) {
    Plan<CcAppStatus> plan = plan(spec(s -> s.defaultSpNumber = wanted), current, null);

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.ops()).isEqualTo(ops);
    assertThat(plan.status().spNumbers).isEqualTo(RELAYS);
    assertThat(plan.status().defaultSpNumber).isEqualTo(statusDefault);
  }

  @Test
  void aNumberThatIsNotARelayNumberOfTheAppIsRefusedListingTheValidOnes() {
    Plan<CcAppStatus> plan = plan(spec(s -> s.defaultSpNumber = "01012345678"), "", null);

    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).contains("spec.defaultSpNumber", "01012345678", "057126200670", "057126200671");
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().spNumbers).isEqualTo(RELAYS);
  }

  @Test
  void relayNumbersAreNotPlannedBeforeTheyAreObserved() {
    Plan<CcAppStatus> plan = AppPlanner.plan(new AppPlanner.Input(spec(s -> s.defaultSpNumber = "1"), Records.none("x"), Optional.of(APP), "new-app-id", false));

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void describesRelayOperations() {
    assertThat(new Op.SetDefaultSpNumber(APP_ID, null, "057126200670").describe())
        .isEqualTo("~ update application " + APP_ID + ": defaultSpNumber: (none) -> \"057126200670\"");
    assertThat(new Op.DeleteDefaultSpNumber(APP_ID, "057126200670").describe())
        .isEqualTo("- delete default relay number 057126200670 of application " + APP_ID);
  }

  // ---- webhook events ----

  @Test
  void sendsTheCategoriesNormalisedWhenTheyDifferFromWhatWasSent() {
    CcAppSpec spec = spec(s -> s.webhookEvents = List.of(
        category(Events.Category.call, Events.Name.user_hangup, Events.Name.user_answer, Events.Name.user_hangup),
        category(Events.Category.agent_state, Events.Name.acd_agent_state)));

    Plan<CcAppStatus> plan = plan(spec, "", null);

    assertThat(plan.ops()).containsExactly(new Op.ReplaceWebhookEvents(APP_ID, List.of(
        new Webhooks.Category("agent_state", List.of("acd_agent_state")),
        new Webhooks.Category("call", List.of("user_answer", "user_hangup")))));
    assertThat(plan.ops().get(0).describe()).startsWith("~ replace webhook events of application " + APP_ID + " with agent_state [acd_agent_state]; call [user_answer, user_hangup]");
  }

  @Test
  void whatWasSentIsNotSentAgainWhateverTheOrder() {
    List<WebhookEventCategory> sent = List.of(category(Events.Category.call, Events.Name.user_answer, Events.Name.user_hangup));
    CcAppSpec spec = spec(s -> s.webhookEvents = List.of(category(Events.Category.call, Events.Name.user_hangup, Events.Name.user_answer)));

    Plan<CcAppStatus> plan = plan(spec, "", sent);

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().webhookEvents).isEqualTo(sent);
  }

  @Test
  void removingTheListDeletesWhatThisResourceSentAndNothingElse() {
    List<WebhookEventCategory> sent = List.of(category(Events.Category.ext_state, Events.Name.ext_state));

    assertThat(plan(spec(s -> {}), "", sent).ops()).containsExactly(new Op.DeleteWebhookEvents(APP_ID));
    assertThat(plan(spec(s -> {}), "", null).ops()).isEmpty();
  }

  static Stream<Arguments> invalidEvents() {
    return Stream.of(
        Arguments.of("an event of another category",
            List.of(category(Events.Category.call, Events.Name.user_answer, Events.Name.acd_agent_state)),
            "spec.webhookEvents[0].events[1]: acd_agent_state is not an event of category call"),
        Arguments.of("a category twice",
            List.of(category(Events.Category.call, Events.Name.user_answer), category(Events.Category.call, Events.Name.begin)),
            "spec.webhookEvents[1].category: call appears twice"),
        Arguments.of("no events", List.of(category(Events.Category.ext_state)), "spec.webhookEvents[0]: category and at least one event"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEvents")
  void refusesEventsTheReferenceDoesNotListInTheCategory(String name, List<WebhookEventCategory> declared, String message) {
    Plan<CcAppStatus> plan = plan(spec(s -> s.webhookEvents = declared), "", null);

    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).contains(message);
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void everyEventBelongsToADeclaredCategory() {
    assertThat(Events.BY_CATEGORY.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Events.Category.values()).map(Enum::name).toList());
  }
}
