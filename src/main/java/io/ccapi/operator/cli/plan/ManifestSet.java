package io.ccapi.operator.cli.plan;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The manifests a user would apply, in the order they were read, every one with its namespace set. */
public final class ManifestSet {
  /** The kinds {@code plan} plans, in the order the operator's work depends on them. */
  public static final List<Class<? extends CcResource<?, ?>>> APPLY_ORDER =
      List.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class, CcSubscription.class, CcIvr.class);

  private final List<HasMetadata> items = new ArrayList<>();

  /** Adds {@code item}; false when the set already has one of that kind, namespace and name. */
  boolean add(HasMetadata item) {
    if (find(item.getClass(), ns(item), item.getMetadata().getName()).isPresent()) {
      return false;
    }
    return items.add(item);
  }

  /** Every manifest of {@code kind}, in the order read. */
  public <T extends HasMetadata> List<T> all(Class<T> kind) {
    return items.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The manifest of {@code kind} named {@code name} in {@code namespace}. */
  public <T extends HasMetadata> Optional<T> find(Class<T> kind, String namespace, String name) {
    return items.stream()
        .filter(kind::isInstance)
        .filter(i -> namespace.equals(ns(i)) && i.getMetadata().getName().equals(name))
        .map(kind::cast)
        .findFirst();
  }

  /** The manifests of {@code kind} in {@code namespace}, by name. */
  public <T extends HasMetadata> Map<String, T> byName(Class<T> kind, String namespace) {
    return all(kind).stream().filter(i -> namespace.equals(ns(i))).collect(Collectors.toMap(i -> i.getMetadata().getName(), i -> i));
  }

  public Optional<Secret> secret(String namespace, String name) {
    return find(Secret.class, namespace, name);
  }

  public boolean isEmpty() {
    return APPLY_ORDER.stream().allMatch(k -> all(k).isEmpty());
  }

  private static String ns(HasMetadata item) {
    return item.getMetadata().getNamespace();
  }
}
