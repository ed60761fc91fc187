package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignerTest {
  @Test
  void signsLikeAnIndependentSha1() {
    // Computed outside Java:
    //   printf '%s' '123456789abcdeftoken1566446286000' | sha1sum
    //   8bfeb95c4d3a6aaa054c1e1573df03e68aa084e2  -
    assertThat(Signer.sign("123456789abcdef", "token", 1566446286000L))
        .isEqualTo("8bfeb95c4d3a6aaa054c1e1573df03e68aa084e2");
  }

  @Test
  void signsTheSimulatorDefaultAccount() {
    // printf '%s' 'sim-sidsim-token1700000000000' | sha1sum
    assertThat(Signer.sign("sim-sid", "sim-token", 1700000000000L))
        .isEqualTo("330070dd6ab80fa0e843f45da21c46fd91f4667f");
  }
}
