package io.ccapi.operator.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets the operator writes: what the platform returns once (app Secret, extension passwords). A stored
 * value is never replaced by an empty one, so a later reconcile that no longer has a password cannot
 * erase it. Reads go to the API server, not a cache: they decide whether a value is already stored.
 */
public final class ManagedSecrets {
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "ccapi-operator";
  public static final String OWNER_KIND_LABEL = "ccapi.io/owner-kind";
  public static final String OWNER_NAME_LABEL = "ccapi.io/owner-name";

  private final KubernetesClient client;

  public ManagedSecrets(KubernetesClient client) {
    this.client = client;
  }

  /** Decoded data of a Secret; empty when it does not exist. */
  public Map<String, String> read(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    return secret == null ? Map.of() : decode(secret);
  }

  /**
   * Writes {@code values} into Secret {@code name} owned by {@code owner}, keeping stored keys that
   * {@code values} leaves out or leaves empty. Returns the merged data.
   */
  public Map<String, String> write(HasMetadata owner, String name, Map<String, String> values) {
    String namespace = owner.getMetadata().getNamespace();
    Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
    Map<String, String> merged = new TreeMap<>(existing == null ? Map.of() : decode(existing));
    values.forEach(
        (k, v) -> {
          if (v != null && !v.isEmpty()) {
            merged.put(k, v);
          }
        });
    if (existing != null && merged.equals(decode(existing)) && isOwnedBy(existing, owner)) {
      return merged;
    }
    Map<String, String> data = new LinkedHashMap<>();
    merged.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
            .addToLabels(OWNER_KIND_LABEL, owner.getKind())
            .addToLabels(OWNER_NAME_LABEL, owner.getMetadata().getName())
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(owner.getApiVersion())
                    .withKind(owner.getKind())
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(false)
                    .build())
            .endMetadata()
            .withType("Opaque")
            .withData(data)
            .build();
    client.secrets().inNamespace(namespace).resource(secret).createOr(NonDeletingOperation::update);
    return merged;
  }

  private static boolean isOwnedBy(Secret secret, HasMetadata owner) {
    return secret.getMetadata().getOwnerReferences().stream()
        .anyMatch(r -> owner.getMetadata().getUid().equals(r.getUid()));
  }

  private static Map<String, String> decode(Secret secret) {
    Map<String, String> out = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      out.putAll(secret.getStringData());
    }
    return out;
  }
}
