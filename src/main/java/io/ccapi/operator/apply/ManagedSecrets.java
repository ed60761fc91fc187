package io.ccapi.operator.apply;

import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.StoredSecret;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Secrets the operator writes: what the platform returns once (app Secret, extension passwords). A stored
 * value is never replaced by an empty one, so a later reconcile that no longer has a password cannot
 * erase it. A Secret under the same name that the operator did not create for this resource (see {@link
 * OwnershipRule#isOurSecret}) is never read as a record and never overwritten.
 */
public final class ManagedSecrets implements AutoCloseable {
  public static final String MANAGED_BY_LABEL = OwnershipRule.MANAGED_BY_LABEL;
  public static final String MANAGED_BY = OwnershipRule.MANAGED_BY;
  public static final String OWNER_KIND_LABEL = "ccapi.io/owner-kind";
  /** The owner's uid: a label value has at most 63 characters, a resource name up to 253. */
  public static final String OWNER_UID_LABEL = "ccapi.io/owner-uid";

  private static final int HTTP_CONFLICT = 409;

  private final KubernetesClient client;
  private final OwnSecretsCache cache;
  private final ForeignSecretNames foreign;

  /** Reads and writes straight through the API server. */
  public ManagedSecrets(KubernetesClient client) {
    this(client, null, null);
  }

  private ManagedSecrets(KubernetesClient client, OwnSecretsCache cache, ForeignSecretNames foreign) {
    this.client = client;
    this.cache = cache;
    this.foreign = foreign;
  }

  /**
   * Reads the Secrets in {@code namespaces} (all when empty) from informers: the operator's own in full,
   * the names of all others.
   */
  public static ManagedSecrets cached(KubernetesClient client, Set<String> namespaces) {
    return new ManagedSecrets(client, new OwnSecretsCache(client, namespaces), new ForeignSecretNames(client, namespaces));
  }

  /**
   * The Secret {@code name} as a record of {@code owner}: absent, ours (its data), or foreign (something
   * the operator did not create for this very resource).
   */
  public StoredSecret read(HasMetadata owner, String name) {
    return StoredSecret.of(name, current(owner.getMetadata().getNamespace(), name), owner.getMetadata().getUid());
  }

  /**
   * The extension numbers recorded in the operator's Secrets in {@code namespace} (seats' and
   * CcExtensions') other than {@code except}: numbers those resources hold or are creating, so no other
   * resource takes or deletes one. Each with the name of the first (by name) Secret recording it.
   */
  public Map<String, String> recordedExtensions(String namespace, String except) {
    List<Secret> secrets = cache != null ? cache.all(namespace)
        : client.secrets().inNamespace(namespace).withLabel(MANAGED_BY_LABEL, MANAGED_BY).list().getItems();
    Map<String, String> numbers = new java.util.TreeMap<>();
    secrets.stream()
        .filter(s -> !s.getMetadata().getName().equals(except))
        .forEach(s -> {
          String number = StoredSecret.decode(s).get("extension");
          if (number != null && !number.isEmpty()) {
            numbers.merge(number, s.getMetadata().getName(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
          }
        });
    return numbers;
  }

  /**
   * Writes {@code values} into Secret {@code name} owned by {@code owner}, keeping stored keys that
   * {@code values} leaves out or leaves empty. Returns the merged data.
   */
  public Map<String, String> write(HasMetadata owner, String name, Map<String, String> values) {
    return store(owner, name, values, true);
  }

  /** Writes exactly {@code values} into Secret {@code name}: stored keys it leaves out are dropped. */
  public Map<String, String> replace(HasMetadata owner, String name, Map<String, String> values) {
    return store(owner, name, values, false);
  }

  private Map<String, String> store(HasMetadata owner, String name, Map<String, String> values, boolean merge) {
    String namespace = owner.getMetadata().getNamespace();
    Secret existing = current(namespace, name);
    if (existing == null && cache != null) {
      Secret created = createIfAbsent(owner, name, nonEmpty(values));
      if (created != null) {
        return StoredSecret.decode(created);
      }
      existing = live(namespace, name); // a Secret the informers had not seen yet: read it (and refuse it if foreign)
    }
    if (existing != null && !OwnershipRule.isOurSecret(existing, owner.getMetadata().getUid())) {
      StoredSecret.foreign(name).requireNotForeign(owner.getKind());
    }
    Map<String, String> merged = new TreeMap<>(existing == null || !merge ? Map.of() : StoredSecret.decode(existing));
    merged.putAll(nonEmpty(values));
    if (existing != null && merged.equals(StoredSecret.decode(existing))) {
      return merged;
    }
    Secret stored = client.secrets().inNamespace(namespace).resource(secret(owner, name, merged)).createOr(NonDeletingOperation::update);
    if (cache != null && stored != null) {
      cache.wrote(stored);
    }
    return merged;
  }

  /** The values worth storing: a stored value is never replaced by an empty one. */
  private static Map<String, String> nonEmpty(Map<String, String> values) {
    Map<String, String> kept = new TreeMap<>();
    values.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        kept.put(k, v);
      }
    });
    return kept;
  }

  /** Creates the Secret (no read first: most are new); null when one exists under that name already. */
  private Secret createIfAbsent(HasMetadata owner, String name, Map<String, String> data) {
    try {
      Secret stored = client.secrets().inNamespace(owner.getMetadata().getNamespace()).resource(secret(owner, name, data)).create();
      cache.wrote(stored);
      return stored;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HTTP_CONFLICT) {
        throw e;
      }
      return null;
    }
  }

  /**
   * The Secret under {@code name}, from the informers when there are some: the operator's own in full, any
   * other as its name alone (enough to refuse it); null when neither has it.
   */
  private Secret current(String namespace, String name) {
    if (cache == null) {
      return live(namespace, name);
    }
    Secret own = cache.get(namespace, name);
    if (own != null || !foreign.has(namespace, name)) {
      return own;
    }
    return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata().build();
  }

  private Secret live(String namespace, String name) {
    return client.secrets().inNamespace(namespace).withName(name).get();
  }

  @Override
  public void close() {
    if (cache != null) {
      cache.close();
      foreign.close();
    }
  }

  /** The Secret as the operator writes it: labelled, controlled by its owner. */
  private static Secret secret(HasMetadata owner, String name, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(owner.getMetadata().getNamespace())
            .addToLabels(MANAGED_BY_LABEL, MANAGED_BY)
            .addToLabels(OWNER_KIND_LABEL, owner.getKind())
            .addToLabels(OWNER_UID_LABEL, owner.getMetadata().getUid())
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
  }


}
