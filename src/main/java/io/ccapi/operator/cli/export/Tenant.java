package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.util.List;

/** A live tenant as the ccapi API shows it: what {@code export tenant} turns into manifests. */
public record Tenant(
    Apps.App app,
    SpNumbers.Numbers relayNumbers,
    List<Queues.Info> queues,
    List<Agents.Details> seats,
    List<Subscriptions.Subscription> subscriptions) {}
