package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReasonTest {
  /** The table of Reason's Javadoc: each error class, its reason and how that reason shows. */
  private static final Map<ErrorClass, Reason> DOCUMENTED = new EnumMap<>(Map.of(
      ErrorClass.INVALID_INPUT, Reason.InvalidSpec,
      ErrorClass.BACKEND, Reason.BackendUnavailable,
      ErrorClass.NOT_FOUND, Reason.NotFound,
      ErrorClass.APP_NOT_FOUND, Reason.AppNotFound,
      ErrorClass.CONFLICT, Reason.AlreadyExists,
      ErrorClass.BLOCKED_BY_DEPENDENCY, Reason.DeletionBlocked,
      ErrorClass.UNAUTHORIZED, Reason.Unauthorized,
      ErrorClass.MALFORMED, Reason.MalformedResponse));

  private static final Map<Reason, Reason.Kind> KINDS = new EnumMap<>(Map.ofEntries(
      Map.entry(Reason.Ready, Reason.Kind.READY),
      Map.entry(Reason.Reconciling, Reason.Kind.PROGRESSING),
      Map.entry(Reason.WaitingForApp, Reason.Kind.PROGRESSING),
      Map.entry(Reason.AppConnecting, Reason.Kind.PROGRESSING),
      Map.entry(Reason.WaitingForReference, Reason.Kind.PROGRESSING),
      Map.entry(Reason.DeletionBlocked, Reason.Kind.PROGRESSING),
      Map.entry(Reason.BackendUnavailable, Reason.Kind.PROGRESSING),
      Map.entry(Reason.ClusterApiError, Reason.Kind.PROGRESSING),
      Map.entry(Reason.CredentialsMissing, Reason.Kind.STALLED),
      Map.entry(Reason.InvalidSpec, Reason.Kind.STALLED),
      Map.entry(Reason.ImmutableFieldChanged, Reason.Kind.STALLED),
      Map.entry(Reason.AppNotFound, Reason.Kind.STALLED),
      Map.entry(Reason.AlreadyExists, Reason.Kind.STALLED),
      Map.entry(Reason.Unauthorized, Reason.Kind.STALLED),
      Map.entry(Reason.MalformedResponse, Reason.Kind.STALLED),
      Map.entry(Reason.CreateOutcomeUnknown, Reason.Kind.STALLED),
      Map.entry(Reason.SecretConflict, Reason.Kind.STALLED),
      Map.entry(Reason.NotFound, Reason.Kind.STALLED),
      Map.entry(Reason.Paused, Reason.Kind.PAUSED)));

  @ParameterizedTest
  @EnumSource(ErrorClass.class)
  void everyErrorClassHasItsDocumentedReason(ErrorClass errorClass) {
    CcapiException e = new CcapiException(errorClass, "123456", "text", 200, "GET things", null);
    assertThat(DOCUMENTED).containsKey(errorClass);
    assertThat(Reason.of(e)).isEqualTo(DOCUMENTED.get(errorClass));
  }

  @ParameterizedTest
  @EnumSource(ErrorClass.class)
  void onlyRetryableErrorsAreNotStalled(ErrorClass errorClass) {
    Reason reason = Reason.of(new CcapiException(errorClass, null, null, 0, "GET things", null));
    if (errorClass.retryable()) {
      assertThat(reason.kind()).isEqualTo(Reason.Kind.PROGRESSING);
    } else if (errorClass != ErrorClass.BLOCKED_BY_DEPENDENCY) {
      assertThat(reason.kind()).isEqualTo(Reason.Kind.STALLED);
    }
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyReasonHasItsDocumentedKindAndIsCamelCase(Reason reason) {
    assertThat(reason.kind()).isEqualTo(KINDS.get(reason));
    assertThat(reason.name()).matches("[A-Z][A-Za-z]+");
  }

  @Test
  void theTableCoversEveryReasonAndEveryErrorClass() {
    assertThat(KINDS).hasSize(Reason.values().length);
    assertThat(DOCUMENTED).hasSize(ErrorClass.values().length);
    assertThat(Reason.Kind.values()).containsExactly(Reason.Kind.READY, Reason.Kind.PROGRESSING, Reason.Kind.STALLED, Reason.Kind.PAUSED);
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void onlyFailuresToLookAreTransient(Reason reason) {
    boolean expected = reason == Reason.BackendUnavailable || reason == Reason.ClusterApiError || reason == Reason.AppConnecting;
    assertThat(reason.transientError()).isEqualTo(expected);
    assertThat(reason.recheckedEveryPoll()).isEqualTo(reason.kind() == Reason.Kind.PAUSED || java.util.Set.of(
        Reason.AlreadyExists, Reason.SecretConflict, Reason.NotFound, Reason.CreateOutcomeUnknown, Reason.AppNotFound).contains(reason));
  }
}
