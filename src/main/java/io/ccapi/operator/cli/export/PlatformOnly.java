package io.ccapi.operator.cli.export;

import java.util.ArrayList;
import java.util.List;

/** What a tenant has that no kind of the operator declares: reported, never touched. */
final class PlatformOnly {
  private PlatformOnly() {}

  static List<String> of() {
    List<String> out = new ArrayList<>();
    out.add("extensions bound to no seat: the ccapi API cannot list them, so they are not exported (nor touched)");
    return out;
  }
}
