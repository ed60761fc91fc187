package io.ccapi.operator.gitops;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The shipped GitOps files and the kinds in crds/, read as a user's tool would read them. */
final class GitOpsFiles {
  static final Path DIR = Path.of("charts", "ccapi-operator", "gitops");
  static final Path HEALTH_LUA = DIR.resolve("argocd/health.lua");
  static final Path ARGOCD_CM = DIR.resolve("argocd/argocd-cm.yaml");
  static final Path FLUX = DIR.resolve("flux/health-check-exprs.yaml");
  static final String ARGO_KEY_PREFIX = "resource.customizations.health.";

  /** A kind served by a CRD in crds/: its group, storage version and kind. */
  record CrdKind(String group, String version, String kind) {
    String apiVersion() {
      return group + "/" + version;
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private GitOpsFiles() {}

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) {
    try {
      return YAML.readValue(file.toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every kind in crds/, with the version the operator serves. */
  @SuppressWarnings("unchecked")
  static List<CrdKind> crdKinds() {
    List<CrdKind> kinds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("crds"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<Map<String, Object>> docs = YAML.readerFor(Map.class).readValues(file.toFile())) {
          while (docs.hasNext()) {
            Map<String, Object> doc = docs.next();
            if (doc == null || !"CustomResourceDefinition".equals(doc.get("kind"))) {
              continue;
            }
            Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
            Map<String, Object> names = (Map<String, Object>) spec.get("names");
            for (Map<String, Object> version : (List<Map<String, Object>>) spec.get("versions")) {
              if (Boolean.TRUE.equals(version.get("storage"))) {
                kinds.add(new CrdKind((String) spec.get("group"), (String) version.get("name"), (String) names.get("kind")));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kinds;
  }

  /** The data of the argocd-cm snippet: key to Lua script. */
  @SuppressWarnings("unchecked")
  static Map<String, String> argocdCmData() {
    return (Map<String, String>) yaml(ARGOCD_CM).get("data");
  }

  /** spec.healthCheckExprs of the Flux Kustomization snippet. */
  @SuppressWarnings("unchecked")
  static List<Map<String, String>> fluxExprs() {
    Map<String, Object> spec = (Map<String, Object>) yaml(FLUX).get("spec");
    return (List<Map<String, String>>) spec.get("healthCheckExprs");
  }

  static Map<String, String> fluxExprs(CrdKind kind) {
    return fluxExprs().stream()
        .filter(e -> kind.apiVersion().equals(e.get("apiVersion")) && kind.kind().equals(e.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no healthCheckExprs entry for " + kind.apiVersion() + " " + kind.kind()));
  }
}
