package io.ccapi.operator.cli.export;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcChildSpec;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.DeletionPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Comparator;

/** What every exported resource shares: its name and namespace, the adopt mark, the policy. */
final class Resources {
  /** Platform ids in their natural order: digits by value (9 before 10), else as text. */
  static final Comparator<String> BY_ID = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final ExportOptions options;
  private final String appName;

  Resources(ExportOptions options, String appName) {
    this.options = options;
    this.appName = appName;
  }

  String appName() {
    return appName;
  }

  /** {@code resource} named {@code name}, marked for adoption ({@link Annotations#ADOPT}). */
  <R extends CcResource<?, ?>> R named(R resource, String name) {
    resource.setMetadata(new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(options.namespace())
        .addToAnnotations(Annotations.ADOPT, "true")
        .build());
    return resource;
  }

  /**
   * A child's spec in its app, with the chosen policy; deletionPolicy Orphan, so that deleting an
   * exported resource never deletes what existed before it.
   */
  <S extends CcChildSpec> S child(S spec) {
    spec.appRef = appName;
    spec.managementPolicy = options.policy();
    spec.deletionPolicy = DeletionPolicy.Orphan;
    return spec;
  }
}
