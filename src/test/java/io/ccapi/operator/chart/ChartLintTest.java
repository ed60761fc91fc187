package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

class ChartLintTest {
  @Test
  void strictLintPasses() {
    LintResult result = HelmChart.inRepo().lint();

    assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).as("lint messages").noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }
}
