package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart tests can fail: each case breaks a copy of the chart the way a careless edit would and
 * shows that the assertion the real tests use catches it.
 */
class ChartCanFailTest {
  @TempDir Path temp;

  private HelmChart copy() {
    return HelmChart.inRepo().copyInto(temp);
  }

  @Test
  void missingPatchOnStatusIsCaught() {
    HelmChart broken = copy().edit("templates/_helpers.tpl", "verbs: [\"get\", \"update\", \"patch\"]", "verbs: [\"get\", \"update\"]");

    ClusterRole role = broken.render("").one(ClusterRole.class);
    assertThatThrownBy(() -> RbacExpectations.assertWatchedNamespaceRules(role.getRules()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ccapi.io/ccagents/status:patch");

    Role perNamespace = broken.render(HelmChart.CUSTOM_VALUES).named(Role.class, "team-a", "ccapi-operator").orElseThrow();
    assertThatThrownBy(() -> RbacExpectations.assertWatchedNamespaceRules(perNamespace.getRules()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ccapi.io/ccagents/status:patch");
  }

  @Test
  void extraSecretVerbIsCaught() {
    HelmChart broken =
        copy().edit("templates/_helpers.tpl", "\"create\", \"update\", \"patch\"]", "\"create\", \"update\", \"patch\", \"delete\"]");

    ClusterRole role = broken.render("").one(ClusterRole.class);
    assertThatThrownBy(() -> RbacExpectations.assertWatchedNamespaceRules(role.getRules()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/secrets:delete");
  }

  @Test
  void wildcardIsCaught() {
    HelmChart broken = copy().edit("templates/_helpers.tpl", "verbs: [\"create\", \"patch\", \"get\", \"update\"]", "verbs: [\"*\"]");

    ClusterRole role = broken.render("").one(ClusterRole.class);
    assertThatThrownBy(() -> RbacExpectations.assertNoWildcards(role.getRules())).isInstanceOf(AssertionError.class);
  }

  @Test
  void unnamedLeaseUpdateIsCaught() {
    HelmChart broken = copy().edit("templates/rbac.yaml", "    resourceNames: [\"ccapi-operator\"]\n", "");

    Role role = broken.render("").one(Role.class);
    assertThatThrownBy(() -> RbacExpectations.assertLeaderElectionRules(role.getRules()))
        .isInstanceOf(AssertionError.class);
  }

  /** The brief's get/create/update was not enough: a real API server showed the leader renewing by PATCH. */
  @Test
  void leaseWithoutPatchIsCaught() {
    HelmChart broken = copy().edit("templates/rbac.yaml", "verbs: [\"get\", \"update\", \"patch\"]", "verbs: [\"get\", \"update\"]");

    Role role = broken.render("").one(Role.class);
    assertThatThrownBy(() -> RbacExpectations.assertLeaderElectionRules(role.getRules()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("coordination.k8s.io/leases:patch");
  }

  @Test
  void loosenedSchemaLetsZeroReplicasThrough() {
    HelmChart broken = copy().edit("values.schema.json", "\"type\": \"integer\",\n      \"minimum\": 1", "\"type\": \"integer\"");

    assertThatCode(() -> broken.template("replicas: 0\n")).doesNotThrowAnyException();
    assertThatThrownBy(() -> HelmChart.inRepo().template("replicas: 0\n")).hasMessageContaining(ChartSchemaTest.SCHEMA_ERROR);
  }

  @Test
  void openSchemaLetsUnknownKeysThrough() {
    HelmChart broken = copy().edit("values.schema.json", "  \"additionalProperties\": false,\n  \"definitions\"", "  \"definitions\"");

    assertThatCode(() -> broken.template("unknownKey: 1\n")).doesNotThrowAnyException();
  }

  @Test
  void templateErrorFailsLint() {
    HelmChart broken = copy().edit("templates/deployment.yaml", "{{ .Values.replicas }}", "{{ .Values.replicas ");

    LintResult result = broken.lint();
    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("deployment.yaml");
  }

  @Test
  void staleCrdCopyIsCaught() throws IOException {
    HelmChart broken = copy();
    Path crd = broken.dir().resolve("crds/ccagents.ccapi.io.yaml");
    Files.writeString(crd, Files.readString(crd) + "\n");
    Files.delete(broken.dir().resolve("crds/ccsubscriptions.ccapi.io.yaml"));
    Files.writeString(broken.dir().resolve("crds/extra.yaml"), "---\n");

    assertThat(CrdCopies.differences(broken.dir().resolve("crds"), HelmChart.REPO_CRDS))
        .containsExactlyInAnyOrder(
            "missing in chart: ccsubscriptions.ccapi.io.yaml (copy it from crds/)",
            "differs from crds/ccagents.ccapi.io.yaml (copy it again after `export crds`)",
            "not in the repository's crds/: extra.yaml");
  }
}
