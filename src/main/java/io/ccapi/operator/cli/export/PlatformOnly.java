package io.ccapi.operator.cli.export;

import java.util.ArrayList;
import java.util.List;

/** What a tenant has that no kind of the operator declares: reported, never touched. */
final class PlatformOnly {
  private PlatformOnly() {}

  static List<String> of() {
    List<String> out = new ArrayList<>();
    out.add("extensions bound to no seat: the ccapi API cannot list them, so they are not exported (nor touched)");
    out.add("webhook event categories (webhooks/events): the ccapi API cannot read them, so they are not exported;"
        + " declare them in the CcApp's spec.webhookEvents to manage them (under Manage that sends them, replacing what is set)");
    return out;
  }
}
