package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ccapi.operator.plan.OwnershipRule.Candidate;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipRuleTest {
  private static final String ID = "1001";
  private static final String UID = "uid-self";

  private static Records records(Claim claim, boolean adopt) {
    return new Records(Optional.ofNullable(claim), adopt, StoredSecret.absent("s"));
  }

  // ---- decide ----

  /** exists × claim × adopt → decision. */
  static Stream<Arguments> decisions() {
    List<Arguments> rows = new ArrayList<>();
    Object[][] claims = {
      {"no claim", null, Decision.CONFLICT, Decision.ADOPT},
      {"pending without id", Claim.pending(null, UID, "t"), Decision.OURS, Decision.OURS},
      {"pending on the id", Claim.pending(ID, UID, "t"), Decision.OURS, Decision.OURS},
      {"created", Claim.created(ID, UID), Decision.OURS, Decision.OURS},
      {"adopted", Claim.adopted(ID, UID), Decision.OURS, Decision.OURS},
      {"pending on another id", Claim.pending("1002", UID, "t"), Decision.CONFLICT, Decision.ADOPT},
      {"created on another id", Claim.created("1002", UID), Decision.CONFLICT, Decision.ADOPT},
      {"adopted on another id", Claim.adopted("1002", UID), Decision.CONFLICT, Decision.ADOPT},
    };
    for (Object[] c : claims) {
      for (boolean adopt : new boolean[] {false, true}) {
        rows.add(Arguments.of(false, c[0], c[1], adopt, Decision.CREATE));
        rows.add(Arguments.of(true, c[0], c[1], adopt, adopt ? c[3] : c[2]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "exists={0}, {1}, adopt={3} -> {4}")
  @MethodSource("decisions")
  void decide(boolean exists, String claimName, Claim claim, boolean adopt, Decision expected) {
    assertThat(OwnershipRule.decide(exists, records(claim, adopt), ID)).isEqualTo(expected);
  }

  @Test
  void conflictMessageNamesTheObjectAndTheAdoptAnnotation() {
    assertThat(OwnershipRule.conflict("queue 9001"))
        .startsWith("queue 9001 exists in the platform")
        .contains("ccapi.io/adopt=true");
  }

  // ---- winner ----

  private static Candidate c(String ns, String name, String createdAt, boolean claims) {
    return new Candidate(ns, name, "uid-" + ns + "-" + name, createdAt, claims);
  }

  static Stream<Arguments> winners() {
    Candidate oldClaimless = c("a", "old", "2024-01-01T00:00:00Z", false);
    Candidate youngClaimer = c("z", "young", "2024-06-01T00:00:00Z", true);
    Candidate older = c("b", "older", "2024-02-01T00:00:00Z", false);
    Candidate newer = c("a", "newer", "2024-03-01T00:00:00Z", false);
    Candidate tieB = c("b", "x", "2024-01-01T00:00:00Z", false);
    Candidate tieA = c("a", "y", "2024-01-01T00:00:00Z", false);
    Candidate undated = c("a", "a", null, false);
    Candidate sameNsB = c("n", "b", "2024-01-01T00:00:00Z", false);
    Candidate sameNsA = c("n", "a", "2024-01-01T00:00:00Z", false);
    return Stream.of(
        Arguments.of("a claimer beats an older non-claimer", List.of(oldClaimless, youngClaimer), youngClaimer),
        Arguments.of("oldest wins among non-claimers", List.of(newer, older), older),
        Arguments.of("namespace breaks a tie", List.of(tieB, tieA), tieA),
        Arguments.of("name breaks a tie in one namespace", List.of(sameNsB, sameNsA), sameNsA),
        Arguments.of("no creation time comes last", List.of(undated, newer), newer),
        Arguments.of("single candidate", List.of(undated), undated));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("winners")
  void winner(String name, List<Candidate> candidates, Candidate expected) {
    assertThat(OwnershipRule.winner(candidates)).isEqualTo(expected);
  }

  @Test
  void everyOrderOfTheCandidatesGivesTheSameWinner() {
    List<Candidate> all = List.of(
        c("b", "x", "2024-01-01T00:00:00Z", false),
        c("a", "y", "2024-01-01T00:00:00Z", false),
        c("a", "z", null, false),
        c("c", "w", "2024-05-01T00:00:00Z", true),
        c("c", "v", "2024-05-01T00:00:00Z", true));
    Candidate expected = all.get(4);

    List<List<Candidate>> orders = permutations(all);

    assertThat(orders).hasSize(120);
    assertThat(orders).allSatisfy(order -> assertThat(OwnershipRule.winner(order)).isEqualTo(expected));
  }

  private static <T> List<List<T>> permutations(List<T> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<T>> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<T> rest = new ArrayList<>(items);
      T head = rest.remove(i);
      for (List<T> tail : permutations(rest)) {
        List<T> order = new ArrayList<>();
        order.add(head);
        order.addAll(tail);
        result.add(order);
      }
    }
    return result;
  }

  // ---- requireWinner ----

  @Test
  void noOtherCandidatesIsNoConflict() {
    assertThatCode(() -> OwnershipRule.requireWinner(c("a", "self", null, false), List.of(), "CcQueue", "queue 9001"))
        .doesNotThrowAnyException();
  }

  @Test
  void theWinnerGoesAhead() {
    Candidate self = c("a", "self", "2024-01-01T00:00:00Z", false);

    assertThatCode(() -> OwnershipRule.requireWinner(self, List.of(c("a", "later", "2024-02-01T00:00:00Z", false)), "CcQueue", "queue 9001"))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> losers() {
    return Stream.of(
        Arguments.of(c("other", "first", "2024-01-01T00:00:00Z", false), "queue 9001 is managed by CcQueue other/first (created first)"),
        Arguments.of(c("other", "claimer", "2024-09-01T00:00:00Z", true), "queue 9001 is managed by CcQueue other/claimer;"));
  }

  @ParameterizedTest
  @MethodSource("losers")
  void aLoserStopsNamingTheWinner(Candidate winner, String message) {
    Candidate self = c("a", "self", "2024-03-01T00:00:00Z", false);

    ReconcileException e = catchThrowableOfType(ReconcileException.class,
        () -> OwnershipRule.requireWinner(self, List.of(winner), "CcQueue", "queue 9001"));

    assertThat(e.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(e.getMessage()).startsWith(message);
  }

  // ---- isOurSecret ----

  static Stream<Arguments> secrets() {
    return Stream.of(
        Arguments.of(Set.of(UID), "ccapi-operator", UID, true),
        Arguments.of(Set.of("other", UID), "ccapi-operator", UID, true),
        Arguments.of(Set.of("other"), "ccapi-operator", UID, false),
        Arguments.of(Set.of(), "ccapi-operator", UID, false),
        Arguments.of(Set.of(UID), "helm", UID, false),
        Arguments.of(Set.of(UID), null, UID, false),
        Arguments.of(Set.of(UID), "ccapi-operator", null, false));
  }

  @ParameterizedTest(name = "controllers={0}, managedBy={1}, uid={2} -> {3}")
  @MethodSource("secrets")
  void isOurSecret(Set<String> controllers, String managedBy, String uid, boolean expected) {
    assertThat(OwnershipRule.isOurSecret(controllers, managedBy, uid)).isEqualTo(expected);
  }
}
