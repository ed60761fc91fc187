package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.util.List;
import java.util.Map;

/** A live tenant as the ccapi API shows it: what {@code export tenant} turns into manifests. */
public record Tenant(
    Apps.App app,
    SpNumbers.Numbers relayNumbers,
    List<Queues.Info> queues,
    List<Agents.Details> seats,
    List<Subscriptions.Subscription> subscriptions,
    Ivr ivr) {

  /** The app's IVR: voice files, default voices by prompt (as GET ivrs/defvoices answers) and the fast router. */
  public record Ivr(List<Ivrs.VoiceFile> files, Map<String, Object> voices, List<Ivrs.FastRoute> router) {
    public static final Ivr NONE = new Ivr(List.of(), Map.of(), List.of());
  }
}
