package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeNamesTest {
  @Test
  void aShortNameKeepsItsSuffix() {
    assertThat(KubeNames.derived("alice", "-extensions")).isEqualTo("alice-extensions");
  }

  @Test
  void aLongNameIsShortenedToAValidDistinctName() {
    String a = "a".repeat(250) + "bc";
    String b = "a".repeat(250) + "bd";
    String derivedA = KubeNames.derived(a, "-sip");
    assertThat(derivedA).hasSize(253).endsWith("-sip").startsWith("a".repeat(200));
    assertThat(derivedA).isNotEqualTo(KubeNames.derived(b, "-sip"));
    assertThat(derivedA).isEqualTo(KubeNames.derived(a, "-sip"));
  }

  @Test
  void aCutAtADotOrDashLeavesNoEmptyLabel() {
    String name = "a".repeat(237) + ".-" + "b".repeat(14);
    assertThat(KubeNames.derived(name, "-sip")).doesNotContain(".-").doesNotContain("--");
  }
}
