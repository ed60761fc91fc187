package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Records} and {@link StoredSecret}: the evidence planners accept. */
class RecordsTest {
  private static final String UID = "uid";

  private static Records with(Claim claim) {
    return new Records(Optional.ofNullable(claim), false, StoredSecret.absent("s"));
  }

  @Test
  void noneHasNoEvidence() {
    Records none = Records.none("agent-extensions");

    assertThat(none.claim()).isEmpty();
    assertThat(none.adoptAllowed()).isFalse();
    assertThat(none.secret()).isEqualTo(StoredSecret.absent("agent-extensions"));
    assertThat(none.ownedId()).isEmpty();
    assertThat(none.claimOn("1001")).isEmpty();
  }

  static Stream<Arguments> owned() {
    return Stream.of(
        Arguments.of(null, null),
        Arguments.of(Claim.pending(null, UID, "t"), null),
        Arguments.of(Claim.pending("1001", UID, "t"), null),
        Arguments.of(Claim.created("1001", UID), "1001"),
        Arguments.of(Claim.adopted("1002", UID), "1002"));
  }

  @ParameterizedTest(name = "{0} owns {1}")
  @MethodSource("owned")
  void ownedIdOnlyOnceCreatedOrAdopted(Claim claim, String expected) {
    assertThat(with(claim).ownedId()).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void claimOnFiltersByTheId() {
    Records records = with(Claim.created("1001", UID));

    assertThat(records.claimOn("1001")).contains(Claim.created("1001", UID));
    assertThat(records.claimOn("1002")).isEmpty();
    assertThat(with(Claim.pending(null, UID, "t")).claimOn("anything")).isPresent();
  }

  @Test
  void withAdoptAllowedKeepsTheRest() {
    Records records = new Records(Optional.of(Claim.created("1", UID)), false, StoredSecret.ours("s", Map.of("k", "v")));

    Records allowed = records.withAdoptAllowed(true);

    assertThat(allowed.adoptAllowed()).isTrue();
    assertThat(allowed.claim()).isEqualTo(records.claim());
    assertThat(allowed.secret()).isEqualTo(records.secret());
    assertThat(records.adoptAllowed()).isFalse();
  }

  // ---- StoredSecret ----

  static Stream<Arguments> reads() {
    return Stream.of(
        Arguments.of(StoredSecret.ours("s", Map.of("password", "pw")), "pw", true),
        Arguments.of(StoredSecret.ours("s", Map.of("password", "")), "", false),
        Arguments.of(StoredSecret.ours("s", Map.of()), null, false),
        Arguments.of(StoredSecret.absent("s"), null, false),
        Arguments.of(new StoredSecret("s", StoredSecret.State.FOREIGN, Map.of("password", "theirs")), null, false));
  }

  @ParameterizedTest(name = "{0}: get={1}, has={2}")
  @MethodSource("reads")
  void onlyTheOperatorsOwnRecordIsRead(StoredSecret secret, String value, boolean has) {
    assertThat(secret.get("password")).isEqualTo(value);
    assertThat(secret.has("password")).isEqualTo(has);
  }

  @Test
  void oursCopiesItsData() {
    Map<String, String> data = new HashMap<>(Map.of("extension", "2001"));

    StoredSecret secret = StoredSecret.ours("s", data);
    data.put("extension", "2002");

    assertThat(secret.get("extension")).isEqualTo("2001");
  }

  @Test
  void aForeignSecretStopsNamingItselfAndTheKind() {
    ReconcileException e = catchThrowableOfType(ReconcileException.class, () -> StoredSecret.foreign("q-sip").requireNotForeign("CcExtension"));

    assertThat(e.reason()).isEqualTo(Reason.SecretConflict);
    assertThat(e.getMessage()).startsWith("Secret q-sip exists").contains("CcExtension", "neither read nor overwritten");
  }

  @Test
  void absentOrOwnSecretsAreNoConflict() {
    assertThatCode(() -> StoredSecret.absent("s").requireNotForeign("CcApp")).doesNotThrowAnyException();
    assertThatCode(() -> StoredSecret.ours("s", Map.of()).requireNotForeign("CcApp")).doesNotThrowAnyException();
  }
}
