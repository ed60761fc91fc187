package io.ccapi.operator.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The Helm chart in charts/ccapi-operator (or a copy of it), linted and rendered through helm-java. */
final class HelmChart {
  static final Path REPO = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
  static final String NAME = "ccapi-operator";
  static final Path IN_REPO = REPO.resolve("charts").resolve(NAME);
  static final Path REPO_CRDS = REPO.resolve("crds");
  /** Release name and namespace used for every render; the release name makes the fullname "ccapi-operator". */
  static final String RELEASE = "ccapi-operator";
  static final String NAMESPACE = "ccapi-system";
  /** Chart.yaml's kubeVersion: the minimum supported Kubernetes (README, Supported Kubernetes). */
  static final String KUBE_VERSION = "\">=1.29.0-0\"";

  /** Values for the non-default render used by several tests. */
  static final String CUSTOM_VALUES =
      String.join(
          "\n",
          "image:",
          "  repository: registry.example.com/team/ccapi-operator",
          "  tag: 0.2.0-rc1",
          "  pullPolicy: Always",
          "replicas: 3",
          "watchNamespaces: [team-a, team-b]",
          "pollInterval: PT2M",
          "unboundExtensionCheck: PT30M",
          "ccapi:",
          "  rateLimit: 5",
          "  connectTimeout: PT3S",
          "  readTimeout: PT30S",
          "logLevel: DEBUG",
          "metrics:",
          "  port: 9090",
          "  serviceMonitor:",
          "    enabled: true",
          "    interval: 15s",
          "    labels: {release: prometheus}",
          "");

  private final Path dir;

  private HelmChart(Path dir) {
    this.dir = dir;
  }

  /**
   * The repository's chart as helm-java can render it: a copy without Chart.yaml's kubeVersion, because the
   * Helm inside helm-java is built without a Kubernetes version and checks kubeVersion against v1.20.0
   * (real Helm checks the cluster's, or its own recent default). ChartDefaultsTest checks kubeVersion itself.
   */
  static HelmChart inRepo() {
    return RENDERABLE;
  }

  private static final HelmChart RENDERABLE = renderableCopy();

  private static HelmChart renderableCopy() {
    try {
      Path parent = Files.createTempDirectory("ccapi-chart");
      return new HelmChart(IN_REPO).copyInto(parent).edit("Chart.yaml", "kubeVersion: " + KUBE_VERSION + "\n", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  /** A copy of this chart under {@code parent}, in a directory named like the chart (helm lint wants that). */
  HelmChart copyInto(Path parent) {
    Path target = parent.resolve(NAME);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path source : files.toList()) {
        Path copy = target.resolve(dir.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HelmChart(target);
  }

  /** Replaces exactly one occurrence of {@code from} in a file of the chart; fails if it is not there once. */
  HelmChart edit(String file, String from, String to) {
    Path path = dir.resolve(file);
    try {
      String text = Files.readString(path);
      int at = text.indexOf(from);
      if (at < 0 || text.indexOf(from, at + 1) >= 0) {
        throw new IllegalArgumentException("expected exactly one '" + from + "' in " + path);
      }
      Files.writeString(path, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  LintResult lint() {
    return new Helm(dir).lint().strict().call();
  }

  /** The rendered YAML with the chart's defaults overridden by {@code valuesYaml} (may be empty). */
  String template(String valuesYaml) {
    return template(valuesYaml, NAMESPACE, t -> t);
  }

  /** As {@link #template(String)}, into {@code namespace}, with extra options such as {@code set(key, value)}. */
  String template(String valuesYaml, String namespace, UnaryOperator<TemplateCommand> options) {
    Path values = null;
    try {
      values = Files.createTempFile("ccapi-values", ".yaml");
      Files.writeString(values, valuesYaml);
      TemplateCommand command =
          new Helm(dir).template().withName(RELEASE).withNamespace(namespace).withValuesFile(values);
      return options.apply(command).call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (values != null) {
        try {
          Files.deleteIfExists(values);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  /** The rendered manifests as Kubernetes objects (known kinds typed, others generic). */
  Manifests render(String valuesYaml) {
    return render(valuesYaml, NAMESPACE);
  }

  Manifests render(String valuesYaml, String namespace) {
    return Manifests.parse(template(valuesYaml, namespace, t -> t));
  }

  /** Parses multi-document YAML without contacting any API server. */
  static List<HasMetadata> parse(String yaml) {
    try (KubernetesClient offline = new KubernetesClientBuilder().build()) {
      return offline.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }
  }
}
