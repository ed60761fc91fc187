package io.ccapi.operator.cli.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a tenant has that no kind of the operator declares: reported, never touched. */
final class PlatformOnly {
  private PlatformOnly() {}

  static List<String> of(Tenant tenant) {
    List<String> out = new ArrayList<>();
    String appDefault = Objects.requireNonNullElse(tenant.relayNumbers().defSpNumber(), "");
    if (!appDefault.isBlank()) {
      out.add("application default relay number " + appDefault + ": CcApp has no field for it yet (seat defaults are exported)");
    }
    out.add("extensions bound to no seat: the ccapi API cannot list them, so they are not exported (nor touched)");
    return out;
  }
}
