package io.ccapi.operator.runtime;

import io.ccapi.operator.crd.CcApp;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The manifests of {@code samples/} (bundled in the jar), ready to apply against a given endpoint. */
public final class Samples {
  private Samples() {}

  /**
   * Reads every sample, points CcApps at {@code endpoint}, and turns Secret stringData into data (the
   * API server does that itself; the mock server does not).
   */
  public static List<HasMetadata> load(KubernetesClient client, String endpoint) {
    List<HasMetadata> items = new ArrayList<>();
    for (String yaml : files()) {
      try (InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
        client.load(in).items().forEach(item -> items.add(adjust(item, endpoint)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return items;
  }

  /** Applies the samples into {@code namespace}. */
  public static List<HasMetadata> apply(KubernetesClient client, String namespace, String endpoint) {
    List<HasMetadata> items = load(client, endpoint);
    for (HasMetadata item : items) {
      item.getMetadata().setNamespace(namespace);
      client.resource(item).inNamespace(namespace).createOr(r -> r.update());
    }
    return items;
  }

  @SuppressWarnings("unchecked")
  private static HasMetadata adjust(HasMetadata item, String endpoint) {
    // typed when fabric8 already knows the kind in this JVM, generic otherwise
    if (item instanceof CcApp app) {
      app.getSpec().endpoint = endpoint;
    } else if (item instanceof GenericKubernetesResource g && "CcApp".equals(g.getKind())) {
      ((Map<String, Object>) g.getAdditionalProperties().get("spec")).put("endpoint", endpoint);
    }
    if (item instanceof Secret s && s.getStringData() != null && !s.getStringData().isEmpty()) {
      Map<String, String> data = new HashMap<>(s.getData() == null ? Map.of() : s.getData());
      s.getStringData().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
      s.setData(data);
      s.setStringData(null);
    }
    return item;
  }

  /** The sample files' contents, in file-name order. */
  static List<String> files() {
    URL url = Samples.class.getResource("/samples");
    if (url == null) {
      throw new IllegalStateException("samples are not on the classpath");
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
          return read(fs.getPath("/samples"));
        }
      }
      return read(Path.of(url.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> read(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(Files.readString(p));
      }
    }
    return out;
  }
}
