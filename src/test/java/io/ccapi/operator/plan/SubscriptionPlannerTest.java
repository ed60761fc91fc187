package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Subscriptions.Subscription;
import io.ccapi.operator.crd.CcSubscriptionStatus;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubscriptionPlannerTest {
  private static final String NAME = "ns-sub";
  private static final String UID = "uid-sub";
  private static final Subscription DESIRED = new Subscription(null, "https://cb.example/a", NAME, List.of("a", "b"), true);

  private static Subscription platform(String callback, List<String> events, Boolean enable) {
    return new Subscription(42L, callback, NAME, events, enable);
  }

  private static final Subscription MATCHING = platform("https://cb.example/a", List.of("a", "b"), true);

  private static Records claim(Claim claim) {
    return new Records(Optional.ofNullable(claim), false, StoredSecret.absent(null));
  }

  private static Plan<CcSubscriptionStatus> plan(Subscription recorded, Subscription sameName, Records records) {
    return SubscriptionPlanner.plan(new SubscriptionPlanner.Input(DESIRED, Optional.ofNullable(recorded), Optional.ofNullable(sameName), records));
  }

  @Test
  void createsWhenNothingIsFound() {
    Plan<CcSubscriptionStatus> plan = plan(null, null, claim(null));

    assertThat(plan.ops()).containsExactly(new Op.CreateSubscription(DESIRED));
    assertThat(plan.ownership()).isEqualTo(Decision.CREATE);
    assertThat(plan.exists()).isFalse();
    assertThat(plan.claimId()).isNull();
    assertThat(plan.status().subscriptionId).isNull();
  }

  @Test
  void theRecordedIdIsOurs() {
    Plan<CcSubscriptionStatus> plan = plan(MATCHING, null, claim(Claim.created("42", UID)));

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.ownership()).isEqualTo(Decision.OURS);
    assertThat(plan.claimId()).isEqualTo("42");
    assertThat(plan.status().subscriptionId).isEqualTo(42L);
    assertThat(plan.message()).isEqualTo("subscription 42 is ready");
  }

  static Stream<Arguments> diffs() {
    return Stream.of(
        Arguments.of("callbackUrl", platform("https://old", List.of("a", "b"), true),
            List.of(new Change("callbackUrl", "https://old", "https://cb.example/a"))),
        Arguments.of("events are a set: order is no change", platform("https://cb.example/a", List.of("b", "a"), true), List.of()),
        Arguments.of("events differ", platform("https://cb.example/a", List.of("a"), true),
            List.of(new Change("events", "[a]", "[a, b]"))),
        Arguments.of("no events on the platform", platform("https://cb.example/a", null, true),
            List.of(new Change("events", "[]", "[a, b]"))),
        Arguments.of("enabled", platform("https://cb.example/a", List.of("a", "b"), false),
            List.of(new Change("enabled", "false", "true"))),
        Arguments.of("enable unset reads as disabled", platform("https://cb.example/a", List.of("a", "b"), null),
            List.of(new Change("enabled", "false", "true"))),
        Arguments.of("renamed (spec.name)", new Subscription(42L, "https://cb.example/a", "old-name", List.of("a", "b"), true),
            List.of(new Change("name", "old-name", NAME))),
        Arguments.of("all, in order", platform("https://old", List.of("c"), false), List.of(
            new Change("callbackUrl", "https://old", "https://cb.example/a"), new Change("events", "[c]", "[a, b]"),
            new Change("enabled", "false", "true"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diffs")
  void updatesWhatDiffers(String name, Subscription recorded, List<Change> changes) {
    Plan<CcSubscriptionStatus> plan = plan(recorded, null, claim(Claim.created("42", UID)));

    if (changes.isEmpty()) {
      assertThat(plan.ops()).isEmpty();
    } else {
      assertThat(plan.ops()).containsExactly(new Op.UpdateSubscription(42L, DESIRED, changes));
    }
  }

  static Stream<Arguments> foundByName() {
    return Stream.of(
        Arguments.of("pending claim without id (create answer lost)", claim(Claim.pending(null, UID, "t")), Decision.OURS),
        Arguments.of("pending claim on that id", claim(Claim.pending("42", UID, "t")), Decision.OURS),
        Arguments.of("no claim, adopt allowed", claim(null).withAdoptAllowed(true), Decision.ADOPT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foundByName")
  void aSubscriptionFoundByName(String name, Records records, Decision decision) {
    Plan<CcSubscriptionStatus> plan = plan(null, platform("https://old", List.of("a", "b"), true), records);

    assertThat(plan.ownership()).isEqualTo(decision);
    assertThat(plan.claimId()).isEqualTo("42");
    assertThat(plan.exists()).isTrue();
    assertThat(plan.ops()).containsExactly(
        new Op.UpdateSubscription(42L, DESIRED, List.of(new Change("callbackUrl", "https://old", "https://cb.example/a"))));
  }

  static Stream<Arguments> sameNameConflicts() {
    return Stream.of(
        Arguments.of("no claim", claim(null)),
        Arguments.of("claim on another id", claim(Claim.created("41", UID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameNameConflicts")
  void aSubscriptionWithTheSameNameThatIsNotOursIsAConflict(String name, Records records) {
    Plan<CcSubscriptionStatus> plan = plan(null, MATCHING, records);

    assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(plan.message()).contains("a subscription named ns-sub", "ccapi.io/adopt=true");
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().subscriptionId).as("another's id is not shown as ours").isNull();
  }

  @Test
  void theRecordedOneWinsOverOneWithTheSameName() {
    Subscription other = new Subscription(43L, "https://other", NAME, List.of("x"), false);

    Plan<CcSubscriptionStatus> plan = plan(MATCHING, other, claim(Claim.created("42", UID)));

    assertThat(plan.claimId()).isEqualTo("42");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void thePlatformNameIsSpecNameElseTheResourceName() {
    io.ccapi.operator.crd.CcSubscriptionSpec spec = new io.ccapi.operator.crd.CcSubscriptionSpec();
    spec.callbackUrl = "https://cb.example/a";
    spec.events = List.of(io.ccapi.operator.ccapi.model.Events.Name.user_answer);

    assertThat(SubscriptionPlanner.desired("res", spec).name()).isEqualTo("res");
    spec.name = "crm-calls";
    assertThat(SubscriptionPlanner.platformName("res", spec)).isEqualTo("crm-calls");
    assertThat(SubscriptionPlanner.desired("res", spec).name()).isEqualTo("crm-calls");
  }

  @Test
  void deletionDeletesTheOwnedIdOnly() {
    assertThat(SubscriptionPlanner.planDelete(NAME, Optional.of(42L)).ops()).containsExactly(new Op.DeleteSubscription(42L));
    assertThat(SubscriptionPlanner.planDelete(NAME, Optional.empty()).ops()).isEmpty();
    assertThat(SubscriptionPlanner.planDelete(NAME, Optional.empty()).message()).isEqualTo("subscription ns-sub deleted");
  }
}
