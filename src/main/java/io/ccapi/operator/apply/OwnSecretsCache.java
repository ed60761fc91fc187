package io.ccapi.operator.apply;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Secrets the operator labelled as its own, from an informer (no GET per reconcile), plus what this
 * process last wrote, so a read right after a write sees that write even before the watch delivers it.
 * A miss is a Secret the operator did not label, or none: {@link ForeignSecretNames} tells which.
 */
final class OwnSecretsCache implements AutoCloseable {
  private final List<SharedIndexInformer<Secret>> informers = new ArrayList<>();
  private final Map<String, Secret> written = new ConcurrentHashMap<>();

  OwnSecretsCache(KubernetesClient client, Set<String> namespaces) {
    if (namespaces.isEmpty()) {
      informers.add(client.secrets().inAnyNamespace().withLabel(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY).inform());
    } else {
      namespaces.forEach(ns ->
          informers.add(client.secrets().inNamespace(ns).withLabel(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY).inform()));
    }
  }

  /** The newest copy known of {@code namespace/name}, or null. */
  Secret get(String namespace, String name) {
    String key = namespace + "/" + name;
    Secret watched = informers.stream().map(i -> i.getStore().getByKey(key)).filter(s -> s != null).findFirst().orElse(null);
    Secret mine = written.get(key);
    if (mine == null) {
      return watched;
    }
    if (watched != null && !olderThan(watched, mine)) {
      written.remove(key, mine); // the watch has caught up
      return watched;
    }
    return mine;
  }

  /** The newest copy of every Secret of the operator's in {@code namespace}. */
  List<Secret> all(String namespace) {
    Map<String, Secret> newest = new java.util.HashMap<>();
    informers.forEach(i -> i.getStore().list().stream()
        .filter(s -> namespace.equals(s.getMetadata().getNamespace()))
        .forEach(s -> newest.put(s.getMetadata().getName(), s)));
    written.values().stream().filter(s -> namespace.equals(s.getMetadata().getNamespace())).forEach(mine -> newest.merge(
        mine.getMetadata().getName(), mine, (watched, w) -> olderThan(watched, w) ? w : watched));
    return List.copyOf(newest.values());
  }

  void wrote(Secret secret) {
    written.put(secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName(), secret);
  }

  private static boolean olderThan(Secret a, Secret b) {
    try {
      return Long.parseLong(a.getMetadata().getResourceVersion()) < Long.parseLong(b.getMetadata().getResourceVersion());
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
