package io.ccapi.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/** What one `helm template` produced. */
record Manifests(List<HasMetadata> items) {

  static Manifests parse(String yaml) {
    return new Manifests(List.copyOf(HelmChart.parse(yaml)));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The only object of {@code type}; fails the test if there is not exactly one. */
  <T extends HasMetadata> T one(Class<T> type) {
    List<T> found = all(type);
    assertThat(found).as("rendered %s objects", type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  List<HasMetadata> ofKind(String kind) {
    return items.stream().filter(i -> kind.equals(i.getKind())).toList();
  }

  <T extends HasMetadata> Optional<T> named(Class<T> type, String namespace, String name) {
    return all(type).stream()
        .filter(i -> name.equals(i.getMetadata().getName()))
        .filter(i -> java.util.Objects.equals(namespace, i.getMetadata().getNamespace()))
        .findFirst();
  }

  List<String> kinds() {
    return items.stream().map(HasMetadata::getKind).toList();
  }
}
