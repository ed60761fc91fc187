package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.CcAppStatus;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppPlannerTest {
  private static final String APP_ID = "11111111-2222-3333-4444-555555555555";
  private static final String OTHER_ID = "99999999-2222-3333-4444-555555555555";
  private static final String NEW_ID = "00000000-aaaa-bbbb-cccc-000000000000";
  private static final String UID = "uid-app";
  private static final String SECRET = "shop-ccapp";

  private static CcAppSpec spec(Consumer<CcAppSpec> change) {
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = "https://tenant.example.cn";
    spec.credentialsSecretRef = "creds";
    spec.displayName = "Shop";
    spec.callbackUrl = "https://cb.example";
    change.accept(spec);
    return spec;
  }

  private static CcAppSpec spec() {
    return spec(s -> {});
  }

  /** The application as the platform shows it; matches {@link #spec()}. */
  private static Apps.App app(String name, String callbackUrl, Boolean hide, String memo) {
    return new Apps.App(APP_ID, "8000", name, memo, "1", callbackUrl, hide, "app-secret", "10");
  }

  private static final Apps.App MATCHING = app("Shop", "https://cb.example", false, null);

  private static Records none() {
    return Records.none(SECRET);
  }

  private static Records claim(Claim claim) {
    return new Records(Optional.of(claim), false, StoredSecret.absent(SECRET));
  }

  private static Records secret(Map<String, String> data) {
    return new Records(Optional.empty(), false, StoredSecret.ours(SECRET, data));
  }

  private static Plan<CcAppStatus> plan(CcAppSpec spec, Records records, Apps.App observed) {
    return AppPlanner.plan(new AppPlanner.Input(spec, records, Optional.ofNullable(observed), NEW_ID, false));
  }

  // ---- create ----

  static Stream<Arguments> creates() {
    return Stream.of(
        Arguments.of("call center", spec(), new Apps.CreateRequest("Shop", Apps.TYPE_CALL_CENTER, "https://cb.example", false, null)),
        Arguments.of("telemarketing, no callback, memo", spec(s -> { s.type = CcAppSpec.AppType.telemarketing; s.callbackUrl = null; s.memo = "m"; }),
            new Apps.CreateRequest("Shop", Apps.TYPE_TELEMARKETING, "", false, "m")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void createsWhenNoAppIdIsKnown(String name, CcAppSpec spec, Apps.CreateRequest request) {
    Plan<CcAppStatus> plan = plan(spec, none(), null);

    assertThat(plan.ops()).containsExactly(new Op.CreateApp(NEW_ID, request, SECRET));
    assertThat(plan.ownership()).isEqualTo(Decision.CREATE);
    assertThat(plan.exists()).isFalse();
    assertThat(plan.claimId()).isNull();
    assertThat(plan.subject()).isEqualTo("application \"Shop\"");
    assertThat(plan.status().secretName).isEqualTo(SECRET);
    assertThat(plan.status().appId).isNull();
  }

  @Test
  void aPendingClaimWithoutAppIdStopsRatherThanCreatingASecondTenant() {
    Plan<CcAppStatus> plan = plan(spec(), claim(Claim.pending(null, UID, "2024-05-01T10:00:00Z")), null);

    assertThat(plan.reason()).isEqualTo(Reason.CreateOutcomeUnknown);
    assertThat(plan.message()).contains("2024-05-01T10:00:00Z", "'Shop'", "spec.appId", "ccapi.io/claim", "without an AppId");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void aPendingAppIdThePlatformDoesNotKnowIsSentAgain() {
    Plan<CcAppStatus> plan = plan(spec(), claim(Claim.pending(APP_ID, UID, "t")), null);

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.ops()).singleElement().satisfies(op -> assertThat(((Op.CreateApp) op).appId()).isEqualTo(APP_ID));
  }

  @Test
  void aPendingAppIdOnAPlatformThatIgnoresSuppliedIdsStops() {
    Records pending = claim(Claim.pending(APP_ID, UID, "2024-05-01T10:00:00Z"));

    Plan<CcAppStatus> plan = AppPlanner.plan(new AppPlanner.Input(spec(), pending, Optional.empty(), NEW_ID, true));

    assertThat(plan.reason()).isEqualTo(Reason.CreateOutcomeUnknown);
    assertThat(plan.message()).contains("ignores the AppId", APP_ID, "spec.appId", "ccapi.io/claim");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void aPendingAppIdThePlatformKnowsIsOursWithItsSecret() {
    Plan<CcAppStatus> plan = plan(spec(), claim(Claim.pending(APP_ID, UID, "t")), MATCHING);

    assertThat(plan.ownership()).isEqualTo(Decision.OURS);
    assertThat(plan.claimId()).isEqualTo(APP_ID);
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.notices()).isEmpty();
    assertThat(plan.message()).isEqualTo("application " + APP_ID + " is ready");
  }

  @Test
  void anAnswerWithAnotherAppIdThanTheOneSentIsSeen() {
    List<Op> ops = plan(spec(), none(), null).ops();
    Apps.App honoured = new Apps.App(NEW_ID, "8000", "Shop", null, "1", "", false, "s", "0");
    Apps.App ignored = new Apps.App(OTHER_ID, "8000", "Shop", null, "1", "", false, "s", "0");

    assertThat(AppPlanner.ignoredAppId(ops, honoured)).isEmpty();
    assertThat(AppPlanner.ignoredAppId(ops, ignored)).contains(NEW_ID);
    assertThat(AppPlanner.ignoredAppId(List.of(), ignored)).isEmpty();
  }

  @Test
  void anApplicationWhoseSecretIsStoredNowhereSaysHowToRecoverIt() {
    Apps.App noSecret = new Apps.App(APP_ID, "8000", "Shop", null, "1", "https://cb.example", false, null, null);

    Plan<CcAppStatus> unknown = plan(spec(), claim(Claim.pending(APP_ID, UID, "t")), noSecret);
    Plan<CcAppStatus> stored = plan(spec(), secret(Map.of("appId", APP_ID, "secret", "s")), noSecret);

    assertThat(unknown.stopped()).isFalse();
    assertThat(unknown.message()).contains("app Secret is not known", "key 'secret' of Secret " + SECRET);
    assertThat(unknown.notices()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo(EventReason.SecretUnknown));
    assertThat(stored.notices()).isEmpty();
  }

  // ---- existing ----

  static Stream<Arguments> existing() {
    return Stream.of(
        Arguments.of("spec.appId: adopted", spec(s -> s.appId = APP_ID), none(), Decision.ADOPT),
        Arguments.of("AppId in the operator's Secret", spec(), secret(Map.of("appId", APP_ID)), Decision.OURS),
        Arguments.of("created claim", spec(), claim(Claim.created(APP_ID, UID)), Decision.OURS),
        Arguments.of("spec.appId equal to the known one", spec(s -> s.appId = APP_ID), secret(Map.of("appId", APP_ID)), Decision.OURS),
        Arguments.of("spec.appId with a pending claim", spec(s -> s.appId = APP_ID), claim(Claim.pending(null, UID, "t")), Decision.ADOPT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("existing")
  void keepsOrAdoptsTheKnownApplication(String name, CcAppSpec spec, Records records, Decision decision) {
    Plan<CcAppStatus> plan = plan(spec, records, MATCHING);

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.ownership()).isEqualTo(decision);
    assertThat(plan.claimId()).isEqualTo(APP_ID);
    assertThat(plan.exists()).isTrue();
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.message()).isEqualTo("application " + APP_ID + " is ready");
  }

  static Stream<Arguments> immutable() {
    return Stream.of(
        Arguments.of("known from the Secret", secret(Map.of("appId", APP_ID))),
        Arguments.of("known from the claim", claim(Claim.created(APP_ID, UID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutable")
  void specAppIdCannotMoveToAnotherApplication(String name, Records records) {
    Plan<CcAppStatus> plan = plan(spec(s -> s.appId = OTHER_ID), records, MATCHING);

    assertThat(plan.reason()).isEqualTo(Reason.ImmutableFieldChanged);
    assertThat(plan.message()).contains("spec.appId", APP_ID, OTHER_ID);
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void aForeignSecretStops() {
    Records foreign = new Records(Optional.empty(), false, StoredSecret.foreign(SECRET));

    Plan<CcAppStatus> plan = plan(spec(s -> s.appId = APP_ID), foreign, MATCHING);

    assertThat(plan.reason()).isEqualTo(Reason.SecretConflict);
    assertThat(plan.message()).contains(SECRET, "CcApp");
  }

  static Stream<Arguments> diffs() {
    return Stream.of(
        Arguments.of("displayName", app("Old", "https://cb.example", false, null), spec(), List.of(new Change("displayName", "Old", "Shop"))),
        Arguments.of("callbackUrl", app("Shop", "https://old", false, null), spec(), List.of(new Change("callbackUrl", "https://old", "https://cb.example"))),
        Arguments.of("callbackUrl removed", MATCHING, spec(s -> s.callbackUrl = null), List.of(new Change("callbackUrl", "https://cb.example", null))),
        Arguments.of("hideUserNumber", MATCHING, spec(s -> s.hideUserNumber = true), List.of(new Change("hideUserNumber", "false", "true"))),
        Arguments.of("hideUserNumber unset on the platform", app("Shop", "https://cb.example", null, null), spec(), List.of()),
        Arguments.of("memo", app("Shop", "https://cb.example", false, "old"), spec(s -> s.memo = "new"), List.of(new Change("memo", "old", "new"))),
        Arguments.of("memo \"\" vs null", app("Shop", "https://cb.example", false, ""), spec(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diffs")
  void updatesWhatDiffers(String name, Apps.App observed, CcAppSpec spec, List<Change> changes) {
    Plan<CcAppStatus> plan = plan(spec, claim(Claim.created(APP_ID, UID)), observed);

    if (changes.isEmpty()) {
      assertThat(plan.ops()).isEmpty();
    } else {
      Apps.UpdateRequest request = new Apps.UpdateRequest(
          spec.displayName, spec.callbackUrl == null ? "" : spec.callbackUrl, spec.hideUserNumber, spec.memo == null ? "" : spec.memo);
      assertThat(plan.ops()).containsExactly(new Op.UpdateApp(APP_ID, request, changes));
    }
  }

  @Test
  void statusShowsTheObservedApplication() {
    Apps.App noPrefix = new Apps.App(APP_ID, null, "Shop", null, "1", "https://cb.example", false, "s", null);

    CcAppStatus fromApp = plan(spec(), claim(Claim.created(APP_ID, UID)), MATCHING).status();
    CcAppStatus fromSecret = plan(spec(), secret(Map.of("appId", APP_ID, "extensionPrefix", "7000")), noPrefix).status();

    assertThat(fromApp.appId).isEqualTo(APP_ID);
    assertThat(fromApp.extensionPrefix).isEqualTo("8000");
    assertThat(fromSecret.extensionPrefix).isEqualTo("7000");
  }

  @Test
  void anApplicationWithoutExtensionPrefixAndNoSecretIsStillPlanned() {
    Apps.App noPrefix = new Apps.App(APP_ID, null, "Shop", null, "1", "https://cb.example", false, "s", null);

    Plan<CcAppStatus> plan = plan(spec(s -> s.appId = APP_ID), none(), noPrefix);

    assertThat(plan.ownership()).isEqualTo(Decision.ADOPT);
    assertThat(plan.status().appId).isEqualTo(APP_ID);
    assertThat(plan.status().extensionPrefix).isNull();
  }

  // ---- which AppId to read ----

  static Stream<Arguments> toObserve() {
    return Stream.of(
        Arguments.of("nothing known", spec(), none(), null),
        Arguments.of("spec.appId", spec(s -> s.appId = OTHER_ID), none(), OTHER_ID),
        Arguments.of("the Secret before spec.appId", spec(s -> s.appId = OTHER_ID), secret(Map.of("appId", APP_ID)), APP_ID),
        Arguments.of("an owned claim before spec.appId", spec(s -> s.appId = OTHER_ID), claim(Claim.created(APP_ID, UID)), APP_ID),
        Arguments.of("an empty appId in the Secret is none", spec(), secret(Map.of("appId", "")), null),
        Arguments.of("a pending claim's AppId: the create's outcome is looked up", spec(), claim(Claim.pending(APP_ID, UID, "t")), APP_ID),
        Arguments.of("spec.appId before a pending claim", spec(s -> s.appId = OTHER_ID), claim(Claim.pending(APP_ID, UID, "t")), OTHER_ID),
        Arguments.of("a pending claim without AppId", spec(), claim(Claim.pending(null, UID, "t")), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toObserve")
  void appIdToObserve(String name, CcAppSpec spec, Records records, String expected) {
    assertThat(AppPlanner.appIdToObserve(spec, records)).isEqualTo(expected);
  }
}
