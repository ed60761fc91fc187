package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimTest {
  private static final String UID = "8d4a0e5c-uid";

  static Stream<Claim> claims() {
    return Stream.of(
        Claim.pending(null, UID, "2024-05-01T10:00:00Z"),
        Claim.pending("1001", UID, "2024-05-01T10:00:00Z"),
        Claim.created("1001", UID),
        Claim.adopted("1001", UID));
  }

  @ParameterizedTest
  @MethodSource("claims")
  void roundTripsThroughItsAnnotation(Claim claim) {
    assertThat(Claim.of(claim.toAnnotation(), UID)).contains(claim);
  }

  @ParameterizedTest
  @MethodSource("claims")
  void aClaimNamingAnotherUidIsNoClaim(Claim claim) {
    assertThat(Claim.of(claim.toAnnotation(), "another-uid")).isEmpty();
    assertThat(Claim.of(claim.toAnnotation(), null)).isEmpty();
  }

  static Stream<Arguments> annotations() {
    return Stream.of(
        Arguments.of(Claim.created("1001", UID), "{\"state\":\"CREATED\",\"id\":\"1001\",\"uid\":\"" + UID + "\"}"),
        Arguments.of(Claim.pending(null, UID, "t"), "{\"state\":\"PENDING\",\"uid\":\"" + UID + "\",\"since\":\"t\"}"));
  }

  @ParameterizedTest
  @MethodSource("annotations")
  void theAnnotationIsCompactJsonWithoutNulls(Claim claim, String json) {
    assertThat(claim.toAnnotation()).isEqualTo(json);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
    " ",
    "not json",
    "{\"state\":\"CREATED\",\"id\":\"1001\"",
    "[1,2]",
    "{\"id\":\"1001\",\"uid\":\"" + UID + "\"}",
    "{\"state\":\"STOLEN\",\"id\":\"1001\",\"uid\":\"" + UID + "\"}",
    "{\"state\":\"CREATED\",\"id\":\"1001\"}"
  })
  void anythingMalformedIsNoClaim(String annotation) {
    assertThat(Claim.of(annotation, UID)).isEmpty();
  }

  static Stream<Arguments> covers() {
    return Stream.of(
        Arguments.of(Claim.pending(null, UID, "t"), "1001", true),
        Arguments.of(Claim.pending(null, UID, "t"), "1002", true),
        Arguments.of(Claim.pending("1001", UID, "t"), "1001", true),
        Arguments.of(Claim.pending("1001", UID, "t"), "1002", false),
        Arguments.of(Claim.created("1001", UID), "1001", true),
        Arguments.of(Claim.created("1001", UID), "1002", false),
        Arguments.of(Claim.adopted("1001", UID), "1001", true),
        Arguments.of(Claim.adopted("1001", UID), "1002", false),
        Arguments.of(new Claim(Claim.State.CREATED, null, UID, null), "1001", false));
  }

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @MethodSource("covers")
  void covers(Claim claim, String platformId, boolean expected) {
    assertThat(claim.covers(platformId)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("claims")
  void ownedUnlessPending(Claim claim) {
    assertThat(claim.owned()).isEqualTo(claim.state() != Claim.State.PENDING);
  }

  @org.junit.jupiter.api.Test
  void aClaimWithFieldsOfANewerOperatorIsStillAClaim() {
    String newer = "{\"state\":\"CREATED\",\"id\":\"1001\",\"uid\":\"" + UID + "\",\"generation\":3}";
    org.assertj.core.api.Assertions.assertThat(Claim.of(newer, UID)).contains(Claim.created("1001", UID));
  }
}
