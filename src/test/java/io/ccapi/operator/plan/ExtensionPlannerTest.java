package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcExtensionStatus;
import io.ccapi.operator.plan.Op.CreateExtension.Why;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExtensionPlannerTest {
  private static final String EXT = "2001";
  private static final String UID = "uid-ext";
  private static final String SECRET = "ext-sip";
  private static final Map<String, String> PASSWORD = Map.of("extension", EXT, "password", "pw", "number", "80002001");

  private static Records records(Claim claim, Map<String, String> secret) {
    return new Records(
        Optional.ofNullable(claim), false, secret == null ? StoredSecret.absent(SECRET) : StoredSecret.ours(SECRET, secret));
  }

  private static Plan<CcExtensionStatus> plan(String boundAgent, Records records) {
    return ExtensionPlanner.plan(new ExtensionPlanner.Input(EXT, Optional.ofNullable(boundAgent), records, "8000"));
  }

  // ---- bound to a seat: seen, so it exists ----

  static Stream<Arguments> bound() {
    return Stream.of(
        Arguments.of("ours, password known", records(Claim.created(EXT, UID), PASSWORD), Decision.OURS, false),
        Arguments.of("ours, password unknown", records(Claim.created(EXT, UID), null), Decision.OURS, true),
        Arguments.of("adopted claim", records(Claim.adopted(EXT, UID), null), Decision.OURS, true),
        Arguments.of("not ours, adopt allowed", Records.none(SECRET).withAdoptAllowed(true), Decision.ADOPT, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bound")
  void aBoundExtensionIsKeptAsItIs(String name, Records records, Decision decision, boolean passwordUnknown) {
    Plan<CcExtensionStatus> plan = plan("1001", records);

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.exists()).isTrue();
    assertThat(plan.ownership()).isEqualTo(decision);
    assertThat(plan.claimId()).isEqualTo(EXT);
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().boundAgent).isEqualTo("1001");
    if (passwordUnknown) {
      assertThat(plan.message()).isEqualTo("extension 2001 is ready (its password is unknown to the operator)");
      assertThat(plan.notices()).singleElement().satisfies(n -> {
        assertThat(n.reason()).isEqualTo(EventReason.PasswordUnknown);
        assertThat(n.message()).contains("extension 2001", "agent 1001", "password is unknown");
      });
    } else {
      assertThat(plan.message()).isEqualTo("extension 2001 is ready");
      assertThat(plan.notices()).isEmpty();
    }
  }

  @Test
  void aBoundExtensionThatIsNotOursIsAConflict() {
    Plan<CcExtensionStatus> plan = plan("1001", Records.none(SECRET));

    assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(plan.message()).contains("extension 2001", "ccapi.io/adopt=true");
    assertThat(plan.exists()).isTrue();
    assertThat(plan.status().boundAgent).isEqualTo("1001");
  }

  // ---- bound to no seat: only a create can tell ----

  @Test
  void anUnboundExtensionOfOursIsCheckedOnlyWhenItsCheckIsDue() {
    Records ours = records(Claim.created(EXT, UID), PASSWORD);
    Plan<CcExtensionStatus> notDue = ExtensionPlanner.plan(new ExtensionPlanner.Input(EXT, Optional.empty(), ours, "8000", false));
    assertThat(notDue.ops()).isEmpty();
    assertThat(notDue.stopped()).isFalse();
    assertThat(notDue.exists()).isNull();
    Plan<CcExtensionStatus> due = ExtensionPlanner.plan(new ExtensionPlanner.Input(EXT, Optional.empty(), ours, "8000", true));
    assertThat(due.ops()).containsExactly(new Op.ProbeExtension(EXT, SECRET));
    // a replacement (password lost) or a first create never waits for the cadence
    Plan<CcExtensionStatus> lost = ExtensionPlanner.plan(new ExtensionPlanner.Input(EXT, Optional.empty(), records(Claim.created(EXT, UID), null), "8000", false));
    assertThat(lost.ops()).containsExactly(new Op.DeleteExtension(EXT), new Op.CreateExtension(EXT, SECRET, Why.REPLACE));
    Plan<CcExtensionStatus> fresh = ExtensionPlanner.plan(new ExtensionPlanner.Input(EXT, Optional.empty(), records(null, null), "8000", false));
    assertThat(fresh.ops()).containsExactly(new Op.CreateExtension(EXT, SECRET, Why.NEW));
  }

  static Stream<Arguments> unbound() {
    return Stream.of(
        Arguments.of("never claimed", records(null, null), Decision.CREATE,
            List.of(new Op.CreateExtension(EXT, SECRET, Why.NEW)), "extension 2001 is ready"),
        Arguments.of("pending claim (answer lost)", records(Claim.pending(EXT, UID, "t"), null), Decision.CREATE,
            List.of(new Op.CreateExtension(EXT, SECRET, Why.NEW)), "extension 2001 is ready"),
        Arguments.of("created, password known", records(Claim.created(EXT, UID), PASSWORD), Decision.OURS,
            List.of(new Op.ProbeExtension(EXT, SECRET)), "extension 2001 is ready"),
        Arguments.of("created, password unknown: replaced", records(Claim.created(EXT, UID), null), Decision.OURS,
            List.of(new Op.DeleteExtension(EXT), new Op.CreateExtension(EXT, SECRET, Why.REPLACE)), "extension 2001 is ready"),
        Arguments.of("created, Secret without password: replaced", records(Claim.created(EXT, UID), Map.of("extension", EXT)), Decision.OURS,
            List.of(new Op.DeleteExtension(EXT), new Op.CreateExtension(EXT, SECRET, Why.REPLACE)), "extension 2001 is ready"),
        Arguments.of("adopted, password known", records(Claim.adopted(EXT, UID), PASSWORD), Decision.OURS,
            List.of(new Op.ProbeExtension(EXT, SECRET)), "extension 2001 is ready"),
        Arguments.of("adopted, password unknown: probed, never replaced", records(Claim.adopted(EXT, UID), null), Decision.OURS,
            List.of(new Op.ProbeExtension(EXT, SECRET)), "extension 2001 is ready (adopted: password unknown)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unbound")
  void anUnboundExtension(String name, Records records, Decision decision, List<Op> ops, String message) {
    Plan<CcExtensionStatus> plan = plan(null, records);

    assertThat(plan.ops()).containsExactlyElementsOf(ops);
    assertThat(plan.ownership()).isEqualTo(decision);
    assertThat(plan.claimId()).isEqualTo(EXT);
    assertThat(plan.message()).isEqualTo(message);
    assertThat(plan.exists()).as("unknown without a write").isNull();
    assertThat(plan.status().boundAgent).isNull();
  }

  @Test
  void aProbeIsNoChange() {
    Plan<CcExtensionStatus> plan = plan(null, records(Claim.created(EXT, UID), PASSWORD));

    assertThat(plan.ops()).hasSize(1);
    assertThat(plan.changes()).isEmpty();
  }

  @Test
  void statusCarriesTheSipNumberAndTheSecret() {
    CcExtensionStatus status = plan(null, Records.none(SECRET)).status();
    CcExtensionStatus noPrefix =
        ExtensionPlanner.plan(new ExtensionPlanner.Input(EXT, Optional.empty(), Records.none(SECRET), null)).status();

    assertThat(status.number).isEqualTo("80002001");
    assertThat(status.secretName).isEqualTo(SECRET);
    assertThat(noPrefix.number).isNull();
  }

  // ---- stops ----

  @ParameterizedTest
  @MethodSource("boundOrNot")
  void aForeignSecretStops(String boundAgent) {
    Records foreign = new Records(Optional.of(Claim.created(EXT, UID)), false, StoredSecret.foreign(SECRET));

    Plan<CcExtensionStatus> plan = plan(boundAgent, foreign);

    assertThat(plan.reason()).isEqualTo(Reason.SecretConflict);
    assertThat(plan.message()).contains(SECRET, "CcExtension");
    assertThat(plan.ops()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("boundOrNot")
  void theExtensionIsImmutable(String boundAgent) {
    Plan<CcExtensionStatus> plan = plan(boundAgent, records(Claim.created("2002", UID), PASSWORD));

    assertThat(plan.reason()).isEqualTo(Reason.ImmutableFieldChanged);
    assertThat(plan.message()).contains("spec.extension", "2002", "2001");
    assertThat(plan.ops()).isEmpty();
  }

  static Stream<String> boundOrNot() {
    return Stream.of("1001", null);
  }

  // ---- deletion ----

  @Test
  void deletingABoundExtensionWaitsForItsSeat() {
    Plan<CcExtensionStatus> plan = ExtensionPlanner.planDelete(EXT, Optional.of("1001"));

    assertThat(plan.reason()).isEqualTo(Reason.DeletionBlocked);
    assertThat(plan.message()).contains("agent 1001", "spec.extensionRefs");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void deletingAnUnboundExtensionDeletesIt() {
    Plan<CcExtensionStatus> plan = ExtensionPlanner.planDelete(EXT, Optional.empty());

    assertThat(plan.ops()).containsExactly(new Op.DeleteExtension(EXT));
    assertThat(plan.stopped()).isFalse();
    assertThat(plan.exists()).isNull();
  }
}
