package io.ccapi.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.gitops.GitOpsFiles.CrdKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind in crds/ has its Argo CD and Flux health check, and the copies are the tested ones. */
class GitOpsFilesTest {
  private static final String HEALTH_LUA = GitOpsFiles.read(GitOpsFiles.HEALTH_LUA);

  @Test
  void crdsHaveTheSixKinds() {
    assertThat(GitOpsFiles.crdKinds())
        .extracting(CrdKind::kind)
        .containsExactlyInAnyOrder("CcApp", "CcAgent", "CcQueue", "CcExtension", "CcSubscription", "CcIvr");
  }

  @Test
  void argocdCmHasHealthLuaForEveryKindAndNothingElse() {
    Map<String, String> data = GitOpsFiles.argocdCmData();
    List<String> expectedKeys =
        GitOpsFiles.crdKinds().stream().map(k -> GitOpsFiles.ARGO_KEY_PREFIX + k.group() + "_" + k.kind()).toList();

    assertThat(data.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
    data.forEach(
        (key, script) ->
            assertThat(script)
                .as("%s must be charts/ccapi-operator/gitops/argocd/health.lua verbatim", key)
                .isEqualTo(HEALTH_LUA));
  }

  @Test
  void fluxHasOneEntryPerKindWithTheSameExpressions() {
    List<Map<String, String>> exprs = GitOpsFiles.fluxExprs();
    List<CrdKind> kinds = GitOpsFiles.crdKinds();

    assertThat(exprs).hasSize(kinds.size());
    for (CrdKind kind : kinds) {
      Map<String, String> entry = GitOpsFiles.fluxExprs(kind);
      assertThat(entry.keySet()).containsExactlyInAnyOrder("apiVersion", "kind", "inProgress", "failed", "current");
      Map<String, String> first = exprs.get(0);
      for (String field : List.of("inProgress", "failed", "current")) {
        assertThat(entry.get(field)).as("%s %s", kind, field).isEqualTo(first.get(field));
      }
    }
  }

  @Test
  void fluxSnippetIsAKustomizationThatWaits() {
    Map<String, Object> kustomization = GitOpsFiles.yaml(GitOpsFiles.FLUX);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) kustomization.get("spec");

    assertThat(kustomization.get("apiVersion")).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
    assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
    assertThat(spec.get("wait")).as("healthCheckExprs only apply to resources Flux waits for").isEqualTo(true);
  }
}
