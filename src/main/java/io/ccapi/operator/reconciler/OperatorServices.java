package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Ownership;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.observe.AppDirectory;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.observe.PlatformObserver;
import java.time.Duration;

/** The collaborators every reconciler shares; built once by the operator's bootstrap. */
public record OperatorServices(
    AppDirectory apps,
    PlatformObserver observer,
    CcapiClientFactory clients,
    ManagedSecrets secrets,
    Ownership ownership,
    KubeEvents events,
    Conditions conditions,
    Duration pollInterval) {}
