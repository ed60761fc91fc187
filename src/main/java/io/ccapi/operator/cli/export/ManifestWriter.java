package io.ccapi.operator.cli.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ccapi.operator.plan.ExtensionPlanner;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Writes {@link Exported} manifests, one file per kind, numbered in the order the operator's work depends
 * on them (the Secret, the app, queues, extensions, seats, the IVR, subscriptions), so {@code kubectl apply -f DIR}
 * applies them in that order; the report goes beside them in a file kubectl does not read.
 */
public final class ManifestWriter {
  public static final String REPORT = "export-report.txt";
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // ids and numbers are strings in the CRDs: "1001", never 1001
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

  private ManifestWriter() {}

  /** The files written, in order. */
  public static List<Path> write(Exported exported, Path dir, List<String> report) {
    try {
      Files.createDirectories(dir);
      List<Path> files = new ArrayList<>();
      files.add(file(dir, "00-credentials.yaml", List.of(exported.credentials()), r -> CREDENTIALS));
      files.add(file(dir, "01-ccapp.yaml", List.of(exported.app()), r -> ""));
      files.add(file(dir, "02-ccqueues.yaml", exported.queues(), r -> ""));
      files.add(file(dir, "03-ccextensions.yaml", exported.extensions(), ManifestWriter::passwordComment));
      files.add(file(dir, "04-ccagents.yaml", exported.agents(), r -> ""));
      files.add(file(dir, "05-ccivrs.yaml", exported.ivrs(), r -> ""));
      files.add(file(dir, "06-ccsubscriptions.yaml", exported.subscriptions(), r -> ""));
      Path reportFile = dir.resolve(REPORT);
      Files.write(reportFile, report);
      files.add(reportFile);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
  }

  static final String CREDENTIALS = """
      # The account's Sid and AuthToken, which the export cannot read and does not invent. Create this
      # Secret before applying the rest, e.g.
      #   kubectl create secret generic NAME --from-literal=sid=... --from-literal=authToken=...
      # or add them here under stringData (sid, authToken) and keep this file out of version control.
      # Applied as it is, it leaves the values of an existing Secret in place.
      """;

  private static String passwordComment(HasMetadata resource) {
    String secret = ExtensionPlanner.secretName(resource.getMetadata().getName());
    return "# The platform never shows an extension's password: none is exported, and the Secret " + secret + "\n"
        + "# will hold extension and number only (condition PasswordKnown=False). To give the extension a new\n"
        + "# password, see the README, \"Renew an extension password\".\n";
  }

  private static Path file(Path dir, String name, List<? extends HasMetadata> resources, Function<HasMetadata, String> comment)
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (HasMetadata resource : resources) {
      if (!text.isEmpty()) {
        text.append("---\n");
      }
      text.append(comment.apply(resource)).append(YAML.writeValueAsString(pruned(resource)));
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text.toString());
    return file;
  }

  /** The resource without status and without null or empty fields (the CRD's defaults fill those). */
  static JsonNode pruned(HasMetadata resource) {
    ObjectNode node = Serialization.jsonMapper().valueToTree(resource);
    node.remove("status");
    prune(node);
    return node;
  }

  private static void prune(JsonNode node) {
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      JsonNode child = it.next();
      prune(child);
      if (child.isNull() || (child.isContainerNode() && child.isEmpty())) {
        it.remove();
      }
    }
  }
}
