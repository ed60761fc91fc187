package io.ccapi.operator.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Compares the chart's crds/ with the generated CRDs in the repository's crds/. */
final class CrdCopies {
  private CrdCopies() {}

  /** One line per difference (missing, extra or differing file); empty when both sets are byte-identical. */
  static List<String> differences(Path chartCrds, Path repoCrds) {
    Set<String> inChart = yamlFiles(chartCrds);
    Set<String> inRepo = yamlFiles(repoCrds);
    List<String> differences = new ArrayList<>();
    for (String name : inRepo) {
      if (!inChart.contains(name)) {
        differences.add("missing in chart: " + name + " (copy it from crds/)");
      }
    }
    for (String name : inChart) {
      if (!inRepo.contains(name)) {
        differences.add("not in the repository's crds/: " + name);
      } else if (!Arrays.equals(read(chartCrds.resolve(name)), read(repoCrds.resolve(name)))) {
        differences.add("differs from crds/" + name + " (copy it again after `export crds`)");
      }
    }
    return differences;
  }

  static Set<String> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
