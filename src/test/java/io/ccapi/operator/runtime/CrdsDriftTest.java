package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** crds/ must be what the Java classes generate; refresh with `java -jar target/ccapi-operator.jar export crds`. */
class CrdsDriftTest {
  private static final Path DIR = Path.of("crds");

  @Test
  void committedCrdsMatchTheGeneratedOnes() throws IOException {
    List<CustomResourceDefinition> generated = Crds.load();
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .as("files in crds/")
          .containsExactlyElementsOf(generated.stream().map(Crds::fileName).sorted().toList());
    }
    for (CustomResourceDefinition crd : generated) {
      assertThat(Files.readString(DIR.resolve(Crds.fileName(crd))))
          .as("crds/%s is stale: run `java -jar target/ccapi-operator.jar export crds`", Crds.fileName(crd))
          .isEqualTo(Crds.yaml(crd));
    }
  }

  @Test
  void printerColumnsComeInTheOrderKubectlShouldShowThem() {
    for (CustomResourceDefinition crd : Crds.load()) {
      List<String> names =
          crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream().map(c -> c.getName()).toList();
      assertThat(names).hasSize(5);
      assertThat(names.subList(0, 2)).containsExactly("Ready", "Reason");
      assertThat(names.subList(3, 5)).containsExactly("App", "Age");
      assertThat(crd.getSpec().getNames().getCategories()).containsExactly("ccapi");
      assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
    }
  }
}
