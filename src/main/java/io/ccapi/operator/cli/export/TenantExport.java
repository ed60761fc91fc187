package io.ccapi.operator.cli.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Tenant} into {@link Exported} manifests: pure. Everything the platform shows that the
 * manifests do not hold is listed in {@link Exported#notExported()}, with why.
 */
public final class TenantExport {
  private TenantExport() {}

  public static Exported of(Tenant tenant, ExportOptions options) {
    List<String> notExported = new ArrayList<>();
    Resources resources = new Resources(options, new ResourceNames().take(tenant.app().name(), "tenant"));
    ChildManifests children = new ChildManifests(resources, notExported);
    var app = app(tenant, options, resources);
    var queues = children.queues(tenant.queues());
    var extensions = children.extensions(tenant.seats());
    var agents = children.agents(tenant.seats());
    var ivrs = IvrManifest.of(tenant.ivr(), children::queueName, resources, notExported);
    var subscriptions = SubscriptionManifests.of(tenant.subscriptions(), resources, notExported);
    notExported.addAll(PlatformOnly.of());
    return new Exported(AppManifest.credentials(options), app, queues, extensions, agents, ivrs, subscriptions, List.copyOf(notExported));
  }

  /** The CcApp; without it nothing can be exported, so what it cannot hold is an error. */
  private static io.ccapi.operator.crd.CcApp app(Tenant tenant, ExportOptions options, Resources resources) {
    try {
      return AppManifest.app(tenant.app(), tenant.relayNumbers().defSpNumber(), options, resources);
    } catch (NotExportable e) {
      throw new IllegalArgumentException("application " + tenant.app().appId() + " cannot be exported: " + e.getMessage());
    }
  }
}
