package io.ccapi.operator.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.plan.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which seat creates share a POST agents, and which part of a batch's answer is a seat's own. */
class PlatformWritesTest {
  private static Agents.Agent seat(String id, Boolean createExtension, String extension) {
    return new Agents.Agent(id, "w" + id, null, null, null, "agent", true, createExtension, extension);
  }

  private static final List<Extensions.Credentials> ANSWER =
      List.of(new Extensions.Credentials("8001", "p1", "9000000008001"), new Extensions.Credentials("8002", "p2", "9000000008002"));

  @Test
  void aSeatWhoseExtensionThePlatformNumbersGoesAlone() {
    assertThat(PlatformWrites.batchable(seat("1", false, null))).isTrue();
    assertThat(PlatformWrites.batchable(seat("1", null, null))).isTrue();
    assertThat(PlatformWrites.batchable(seat("1", true, "8001"))).isTrue();
    assertThat(PlatformWrites.batchable(seat("1", true, null))).isFalse();
  }

  @Test
  void aSeatTakesOnlyTheCredentialsOfTheExtensionItNamed() {
    assertThat(PlatformWrites.ownExtension(seat("2", true, "8002"), ANSWER)).extracting(Extensions.Credentials::password).containsExactly("p2");
    assertThat(PlatformWrites.ownExtension(seat("3", true, "8003"), ANSWER)).isEmpty();
  }

  @Test
  void aSeatWithoutItsOwnExtensionTakesNoCredentials() {
    assertThat(PlatformWrites.ownExtension(seat("1", false, null), ANSWER)).isEmpty();
    assertThat(PlatformWrites.ownExtension(seat("1", true, "8001"), null)).isEmpty();
  }

  @Test
  void numberExistedOnASeatNamingItsExtensionIsAboutTheExtension() {
    CcapiException taken = CcapiException.of(200, "100015", "NumberIsExisted", "agents");
    CcapiException duplicate = CcapiException.of(200, "100004", "Duplicate entry", "agents");
    Op named = new Op.CreateAgent(seat("1", true, "8001"), "a-extensions");
    Op numbered = new Op.CreateAgent(seat("1", true, null), "a-extensions");

    assertThat(Executor.extensionTaken(named, taken)).isTrue();
    assertThat(Executor.extensionTaken(named, duplicate)).isFalse();
    assertThat(Executor.extensionTaken(numbered, taken)).isFalse();
    assertThat(Executor.extensionTaken(new Op.CreateExtension("8001", "e", Op.CreateExtension.Why.NEW), taken)).isFalse();
  }
}
