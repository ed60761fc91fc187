package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.crd.CcQueueStatus;
import io.ccapi.operator.crd.CcStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConditionsTest {
  private Instant now = Instant.parse("2024-05-01T10:00:00.250Z");
  private final Conditions conditions = new Conditions(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  });

  private CcStatus apply(CcStatus previous, long generation, Reason reason, String message) {
    CcStatus next = new CcQueueStatus();
    conditions.apply(previous, next, generation, reason, message);
    return next;
  }

  private static Condition get(CcStatus status, String type) {
    return OperatorHarness.condition(status, type);
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void alwaysExactlyTheThreeKstatusTypesEachWithTheReasonAndGeneration(Reason reason) {
    CcStatus status = apply(null, 7, reason, "why");

    assertThat(status.conditions).extracting(Condition::getType).containsExactly("Ready", "Reconciling", "Stalled", "Synced");
    assertThat(status.conditions).allSatisfy(c -> {
      assertThat(c.getReason()).isEqualTo(reason.name());
      assertThat(c.getMessage()).isEqualTo("why");
      assertThat(c.getObservedGeneration()).isEqualTo(7L);
      assertThat(c.getStatus()).isIn("True", "False");
      assertThat(c.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
    });
    assertThat(status.observedGeneration).isEqualTo(7L);
    assertThat(status.conditions).filteredOn(c -> "True".equals(c.getStatus()) && !"Synced".equals(c.getType())).hasSizeLessThanOrEqualTo(1);
    assertThat(get(status, "Synced").getStatus()).isEqualTo(reason == Reason.Ready ? "True" : "False");
    String expectedTrue = switch (reason.kind()) {
      case READY -> "Ready";
      case PROGRESSING -> "Reconciling";
      case STALLED -> "Stalled";
      case PAUSED -> null;
    };
    if (expectedTrue == null) {
      assertThat(status.conditions).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("False"));
    } else {
      assertThat(get(status, expectedTrue).getStatus()).isEqualTo("True");
    }
    assertThat(Conditions.readyReason(status)).isEqualTo(reason.name());
    assertThat(Conditions.isReady(status)).isEqualTo(reason == Reason.Ready);
  }

  @Test
  void transitionTimeIsKeptWhileTheStatusStaysAndMovesWhenItFlips() {
    CcStatus first = apply(null, 1, Reason.Ready, "ok");
    now = now.plus(Duration.ofMinutes(5));
    CcStatus same = apply(first, 2, Reason.Ready, "still ok");
    assertThat(same.conditions).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z"));
    assertThat(same.conditions).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(2L));

    now = now.plus(Duration.ofMinutes(5));
    CcStatus stalled = apply(same, 2, Reason.InvalidSpec, "bad");
    assertThat(get(stalled, "Ready").getLastTransitionTime()).isEqualTo("2024-05-01T10:10:00Z");
    assertThat(get(stalled, "Stalled").getLastTransitionTime()).isEqualTo("2024-05-01T10:10:00Z");
    assertThat(get(stalled, "Reconciling").getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");

    // another False-for-Ready reason: Ready keeps its time, the other two flip
    now = now.plus(Duration.ofMinutes(5));
    CcStatus waiting = apply(stalled, 3, Reason.BackendUnavailable, "later");
    assertThat(get(waiting, "Ready").getLastTransitionTime()).isEqualTo("2024-05-01T10:10:00Z");
    assertThat(get(waiting, "Stalled").getLastTransitionTime()).isEqualTo("2024-05-01T10:15:00Z");
    assertThat(get(waiting, "Reconciling").getLastTransitionTime()).isEqualTo("2024-05-01T10:15:00Z");
    assertThat(get(waiting, "Ready").getReason()).isEqualTo("BackendUnavailable");
  }

  @ParameterizedTest
  @EnumSource(value = Reason.class, names = {"BackendUnavailable", "ClusterApiError", "AppConnecting"})
  void aTransientErrorKeepsReadyAtTheSameGenerationAndShowsInSynced(Reason error) {
    CcStatus ready = apply(null, 4, Reason.Ready, "queue 9001 is ready");
    now = now.plus(Duration.ofMinutes(5));
    CcStatus failed = apply(ready, 4, error, "GET queues: 000003 busy");

    for (String type : new String[] {"Ready", "Reconciling", "Stalled"}) {
      assertThat(get(failed, type)).usingRecursiveComparison().isEqualTo(get(ready, type));
    }
    Condition synced = get(failed, "Synced");
    assertThat(synced.getStatus()).isEqualTo("False");
    assertThat(synced.getReason()).isEqualTo(error.name());
    assertThat(synced.getMessage()).isEqualTo("GET queues: 000003 busy");
    assertThat(synced.getLastTransitionTime()).isEqualTo("2024-05-01T10:05:00Z");
    assertThat(Conditions.isReady(failed)).isTrue();

    CcStatus recovered = apply(failed, 4, Reason.Ready, "queue 9001 is ready");
    assertThat(get(recovered, "Synced").getStatus()).isEqualTo("True");
  }

  @Test
  void aTransientErrorDoesNotHoldReadyForANewGenerationOrALastingOne() {
    CcStatus ready = apply(null, 4, Reason.Ready, "ok");
    assertThat(Conditions.readyReason(apply(ready, 5, Reason.BackendUnavailable, "busy"))).isEqualTo("BackendUnavailable");
    assertThat(Conditions.readyReason(apply(ready, 4, Reason.Unauthorized, "401"))).isEqualTo("Unauthorized");
    assertThat(Conditions.readyReason(apply(ready, 4, Reason.WaitingForApp, "app not Ready"))).isEqualTo("WaitingForApp");
  }

  @Test
  void aPreviousStatusWithoutConditionsOrTimesGetsTheCurrentTime() {
    CcStatus previous = new CcQueueStatus();
    previous.conditions = null;
    CcStatus next = apply(previous, 1, Reason.Reconciling, "working");
    assertThat(next.conditions).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z"));

    Condition noTime = get(next, "Reconciling");
    noTime.setLastTransitionTime(null);
    now = now.plusSeconds(30);
    assertThat(get(apply(next, 1, Reason.Reconciling, "working"), "Reconciling").getLastTransitionTime()).isEqualTo("2024-05-01T10:00:30Z");
  }

  @Test
  void messagesAreCappedAndNeverNull() {
    String longText = "x".repeat(5000);
    CcStatus status = apply(null, 1, Reason.InvalidSpec, longText);
    assertThat(status.conditions).allSatisfy(c -> {
      assertThat(c.getMessage()).hasSize(Conditions.MAX_MESSAGE).startsWith("xxxx").endsWith("…");
    });
    assertThat(Conditions.MAX_MESSAGE).isEqualTo(512);

    String exact = "y".repeat(512);
    assertThat(get(apply(null, 1, Reason.InvalidSpec, exact), "Ready").getMessage()).isEqualTo(exact);
    assertThat(get(apply(null, 1, Reason.Ready, null), "Ready").getMessage()).isEmpty();
  }

  @Test
  void helpersReadAMissingStatusAsNotReady() {
    assertThat(Conditions.isReady(null)).isFalse();
    assertThat(Conditions.readyReason(null)).isNull();
    assertThat(Conditions.isReady(new CcQueueStatus())).isFalse();
    assertThat(Conditions.readyReason(new CcQueueStatus())).isNull();
  }
  @Test
  void aFurtherConditionKeepsItsTransitionTimeAndSurvivesTheKstatusThree() {
    CcStatus first = apply(null, 1, Reason.Ready, "ok");
    conditions.set(null, first, Conditions.PASSWORD_KNOWN, false, "PasswordUnknown", "no password", 1);
    now = now.plus(Duration.ofMinutes(5));

    CcStatus same = apply(first, 2, Reason.Ready, "ok");
    conditions.set(first, same, Conditions.PASSWORD_KNOWN, false, "PasswordUnknown", "no password", 2);
    assertThat(get(same, Conditions.PASSWORD_KNOWN).getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(same.conditions).extracting(Condition::getType).containsExactly("Ready", "Reconciling", "Stalled", "Synced", Conditions.PASSWORD_KNOWN);

    CcStatus flipped = apply(same, 2, Reason.Ready, "ok");
    conditions.set(same, flipped, Conditions.PASSWORD_KNOWN, true, "PasswordStored", "stored", 2);
    assertThat(get(flipped, Conditions.PASSWORD_KNOWN).getStatus()).isEqualTo("True");
    assertThat(get(flipped, Conditions.PASSWORD_KNOWN).getLastTransitionTime()).isEqualTo("2024-05-01T10:05:00Z");

    // a status copied from the last one (an error path) keeps it when the three are set again
    CcStatus copy = new CcQueueStatus();
    copy.conditions = new java.util.ArrayList<>(flipped.conditions);
    conditions.apply(flipped, copy, 3, Reason.BackendUnavailable, "down");
    assertThat(copy.conditions).extracting(Condition::getType).containsExactly("Ready", "Reconciling", "Stalled", "Synced", Conditions.PASSWORD_KNOWN);
    assertThat(get(copy, "Ready").getReason()).isEqualTo("BackendUnavailable");
  }
}
