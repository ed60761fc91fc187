package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcAppSpec;
import io.ccapi.operator.crd.Patterns;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * The CcApp of an exported tenant (spec.appId adopts it, with its default relay number) and its credentials
 * Secret, as a template. An http:// endpoint (the simulator) says spec.insecure, as the operator demands.
 */
final class AppManifest {
  private AppManifest() {}

  static CcApp app(Apps.App app, String defaultSpNumber, ExportOptions options, Resources resources) {
    CcAppSpec spec = new CcAppSpec();
    spec.endpoint = NotExportable.fit("--endpoint", options.endpoint(), Patterns.URL);
    spec.insecure = options.endpoint().startsWith("http://") ? Boolean.TRUE : null;
    spec.credentialsSecretRef = options.credentialsSecret();
    spec.appId = app.appId();
    spec.displayName = NotExportable.length("application name", app.name(), 1, 64);
    spec.type = Integer.toString(Apps.TYPE_TELEMARKETING).equals(app.type()) ? CcAppSpec.AppType.telemarketing : CcAppSpec.AppType.callCenter;
    spec.callbackUrl = blankToNull(NotExportable.fit("application callbackUrl", app.callbackUrl(), Patterns.URL_OR_EMPTY));
    spec.hideUserNumber = Boolean.TRUE.equals(app.isHideUserNum());
    spec.memo = blankToNull(NotExportable.length("application memo", app.memo(), 0, 256));
    spec.defaultSpNumber = blankToNull(defaultSpNumber);
    spec.managementPolicy = options.policy();
    CcApp resource = resources.named(new CcApp(), resources.appName());
    resource.setSpec(spec);
    return resource;
  }

  /** The Secret the CcApp names, with no values: the platform never shows them, so none are invented. */
  static Secret credentials(ExportOptions options) {
    return new SecretBuilder()
        .withNewMetadata().withName(options.credentialsSecret()).withNamespace(options.namespace()).endMetadata()
        .withType("Opaque")
        .build();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
