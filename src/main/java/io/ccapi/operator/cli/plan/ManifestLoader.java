package io.ccapi.operator.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads manifests as {@code kubectl apply -f} does: files, or the {@code *.yaml}/{@code *.yml} of a
 * directory (not recursive, in name order), each with any number of YAML documents (and {@code List}s).
 * CcApp, CcQueue, CcExtension, CcAgent, CcSubscription, CcIvr and core v1 Secrets are kept; other kinds are
 * skipped with a note. Errors name the file, the document and the field.
 */
public final class ManifestLoader {
  private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      key(CcResource.GROUP + "/" + CcResource.VERSION, "CcApp"), CcApp.class,
      key(CcResource.GROUP + "/" + CcResource.VERSION, "CcQueue"), CcQueue.class,
      key(CcResource.GROUP + "/" + CcResource.VERSION, "CcExtension"), CcExtension.class,
      key(CcResource.GROUP + "/" + CcResource.VERSION, "CcAgent"), CcAgent.class,
      key(CcResource.GROUP + "/" + CcResource.VERSION, "CcSubscription"), CcSubscription.class,
      key(CcResource.GROUP + "/" + CcResource.VERSION, "CcIvr"), CcIvr.class,
      key("v1", "Secret"), Secret.class);

  private final YAMLMapper yaml = new YAMLMapper();
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final String defaultNamespace;
  private final PrintWriter notes;

  public ManifestLoader(String defaultNamespace, PrintWriter notes) {
    this.defaultNamespace = defaultNamespace;
    this.notes = notes;
  }

  public ManifestSet load(List<Path> paths) {
    ManifestSet set = new ManifestSet();
    for (Path path : paths) {
      for (Path file : files(path)) {
        loadFile(file, set);
      }
    }
    if (set.isEmpty()) {
      throw new PlanInputException("no CcApp, CcQueue, CcExtension, CcAgent, CcSubscription or CcIvr in " + paths);
    }
    return set;
  }

  private static List<Path> files(Path path) {
    if (!Files.exists(path)) {
      throw new PlanInputException(path + ": no such file or directory");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries.filter(p -> Files.isRegularFile(p) && p.toString().matches(".*\\.ya?ml$")).sorted().toList();
    } catch (IOException e) {
      throw new PlanInputException(path + ": cannot list directory: " + e.getMessage());
    }
  }

  private void loadFile(Path file, ManifestSet set) {
    List<JsonNode> documents = documents(file);
    for (int i = 0; i < documents.size(); i++) {
      String where = file + " (document " + (i + 1) + ")";
      JsonNode doc = documents.get(i);
      if (doc.path("kind").asText().endsWith("List") && doc.has("items")) {
        doc.get("items").forEach(item -> add(item, where, set));
      } else {
        add(doc, where, set);
      }
    }
  }

  private List<JsonNode> documents(Path file) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          documents.add(doc);
        }
      }
    } catch (JsonProcessingException e) {
      throw new PlanInputException(file + ": not valid YAML: " + firstLine(e.getOriginalMessage()) + location(e));
    } catch (IOException | RuntimeException e) {
      throw new PlanInputException(file + ": cannot be read: " + e.getMessage());
    }
    return documents;
  }

  private void add(JsonNode doc, String where, ManifestSet set) {
    if (!doc.isObject()) {
      throw new PlanInputException(where + ": not a Kubernetes object");
    }
    String apiVersion = doc.path("apiVersion").asText("");
    String kind = doc.path("kind").asText("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      throw new PlanInputException(where + ": apiVersion and kind are required");
    }
    Class<? extends HasMetadata> type = KINDS.get(key(apiVersion, kind));
    if (type == null) {
      notes.println("note: " + where + ": " + kind + " (" + apiVersion + ") is not planned; skipped");
      return;
    }
    HasMetadata item = convert(doc, type, where + ": " + kind);
    if (!set.add(item)) {
      throw new PlanInputException(where + ": " + kind + " " + ref(item) + " appears more than once");
    }
  }

  private HasMetadata convert(JsonNode doc, Class<? extends HasMetadata> type, String where) {
    String name = doc.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      throw new PlanInputException(where + ": metadata.name is required");
    }
    HasMetadata item;
    try {
      item = serialization.convertValue(doc, type);
    } catch (IllegalArgumentException e) {
      throw new PlanInputException(where + " " + name + ": " + fieldError(e));
    }
    if (item.getMetadata().getNamespace() == null || item.getMetadata().getNamespace().isBlank()) {
      item.getMetadata().setNamespace(defaultNamespace);
    }
    if (item instanceof CcResource<?, ?> resource) {
      String missing = RequiredFields.firstMissing(resource.getSpec());
      if (missing != null) {
        throw new PlanInputException(where + " " + ref(item) + ": " + missing + " is required");
      }
    }
    return item;
  }

  /** The field a conversion failed on and why, without echoing the whole document. */
  private static String fieldError(IllegalArgumentException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        path.append(r.getFieldName() != null ? (path.length() == 0 ? "" : ".") + r.getFieldName() : "[" + r.getIndex() + "]");
      }
      return path + ": " + firstLine(m.getOriginalMessage());
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : firstLine(cause.getMessage());
  }

  /** Parser messages may quote the offending line (a Secret's value): only their first line is kept. */
  private static String firstLine(String message) {
    return message == null ? "invalid" : message.lines().findFirst().orElse("invalid");
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static String ref(HasMetadata item) {
    return item.getMetadata().getNamespace() + "/" + item.getMetadata().getName();
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }
}
