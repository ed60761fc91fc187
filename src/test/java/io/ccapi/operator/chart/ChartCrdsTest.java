package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart ships the generated CRDs unchanged. */
class ChartCrdsTest {
  static final Path CHART_CRDS = HelmChart.IN_REPO.resolve("crds");

  @Test
  void chartCrdsAreByteIdenticalCopiesOfTheGeneratedOnes() {
    assertThat(CrdCopies.yamlFiles(HelmChart.REPO_CRDS)).as("generated CRDs in crds/").hasSize(6);
    assertThat(CrdCopies.differences(CHART_CRDS, HelmChart.REPO_CRDS))
        .as("charts/ccapi-operator/crds vs crds (fix: cp crds/*.yaml charts/ccapi-operator/crds/)")
        .isEmpty();
  }

  @Test
  void chartCrdsDefineTheSixKindsOfCcapiIo() throws IOException {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String file : CrdCopies.yamlFiles(CHART_CRDS)) {
      for (HasMetadata item : HelmChart.parse(Files.readString(CHART_CRDS.resolve(file)))) {
        assertThat(item).as(file).isInstanceOf(CustomResourceDefinition.class);
        crds.add((CustomResourceDefinition) item);
      }
    }
    assertThat(crds).allSatisfy(crd -> {
      assertThat(crd.getSpec().getGroup()).isEqualTo("ccapi.io");
      assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
      assertThat(crd.getSpec().getNames().getCategories()).as("`kubectl get ccapi` in NOTES.txt").contains("ccapi");
      assertThat(crd.getSpec().getVersions()).anySatisfy(v -> {
        assertThat(v.getName()).isEqualTo("v1alpha1");
        assertThat(v.getServed()).isTrue();
        assertThat(v.getSubresources().getStatus()).as("status subresource (RBAC grants */status)").isNotNull();
      });
    });
    assertThat(crds).extracting(c -> c.getSpec().getNames().getPlural())
        .containsExactlyInAnyOrderElementsOf(RbacExpectations.KINDS);
  }

  @Test
  void notesTellHowToListEverything() throws IOException {
    assertThat(Files.readString(HelmChart.IN_REPO.resolve("templates/NOTES.txt"))).contains("kubectl get ccapi -A");
  }
}
