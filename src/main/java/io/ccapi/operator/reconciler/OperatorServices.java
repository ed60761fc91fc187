package io.ccapi.operator.reconciler;

import io.ccapi.operator.apply.Claims;
import io.ccapi.operator.apply.Executor;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.observe.AppDirectory;
import io.ccapi.operator.observe.PlatformObserver;
import java.time.Clock;
import java.time.Duration;

/** The collaborators every reconciler shares; built once by the operator's bootstrap. */
public record OperatorServices(
    AppDirectory apps,
    PlatformObserver observer,
    CcapiClientFactory clients,
    ManagedSecrets secrets,
    Claims claims,
    KubeEvents events,
    Conditions conditions,
    Executor executor,
    Duration pollInterval) {

  /** The services over one Kubernetes client, observer and client factory. */
  public static OperatorServices create(
      io.fabric8.kubernetes.client.KubernetesClient kube, java.util.Set<String> namespaces, PlatformObserver observer,
      CcapiClientFactory clients, Clock clock, Duration pollInterval) {
    ManagedSecrets secrets = ManagedSecrets.cached(kube, namespaces);
    Claims claims = new Claims(kube);
    KubeEvents events = new KubeEvents(kube, clock);
    return new OperatorServices(
        new AppDirectory(), observer, clients, secrets, claims, events, new Conditions(clock),
        new Executor(observer, claims, secrets, events, clock), pollInterval);
  }
}
