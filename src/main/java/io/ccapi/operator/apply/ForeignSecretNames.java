package io.ccapi.operator.apply;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.api.model.SecretList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The names of the Secrets the operator did not label as its own, from an informer that keeps only each
 * one's namespace and name (never its data): with {@link OwnSecretsCache} it tells whether a name the
 * operator would write is free without a GET per resource. Fabric8 has no metadata-only watch, so the
 * data passes through once per change and is dropped as it is stored; the first list is read in pages.
 */
final class ForeignSecretNames implements AutoCloseable {
  private static final long PAGE = 500;
  private final List<SharedIndexInformer<Secret>> informers = new ArrayList<>();

  ForeignSecretNames(KubernetesClient client, Set<String> namespaces) {
    if (namespaces.isEmpty()) {
      informers.add(inform(client.secrets().inAnyNamespace()));
    } else {
      namespaces.forEach(ns -> informers.add(inform(client.secrets().inNamespace(ns))));
    }
  }

  private static SharedIndexInformer<Secret> inform(FilterWatchListDeletable<Secret, SecretList, Resource<Secret>> secrets) {
    return secrets.withoutLabel(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY)
        .withLimit(PAGE)
        .runnableInformer(0)
        .itemStore(new NamesOnly())
        .run();
  }

  /** Whether a Secret {@code namespace/name} exists that does not carry the operator's label. */
  boolean has(String namespace, String name) {
    String key = namespace + "/" + name;
    return informers.stream().anyMatch(i -> i.getStore().getByKey(key) != null);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }

  /** Stores a Secret's name, namespace and resourceVersion, nothing else. */
  private static final class NamesOnly extends BasicItemStore<Secret> {
    NamesOnly() {
      super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public Secret put(String key, Secret secret) {
      return super.put(key, new SecretBuilder().withNewMetadata()
          .withName(secret.getMetadata().getName())
          .withNamespace(secret.getMetadata().getNamespace())
          .withResourceVersion(secret.getMetadata().getResourceVersion())
          .endMetadata().build());
    }
  }
}
