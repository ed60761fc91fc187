package io.ccapi.operator.runtime;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.observe.ListCacheObserver;
import io.ccapi.operator.reconciler.AppDirectory;
import io.ccapi.operator.reconciler.CcAgentReconciler;
import io.ccapi.operator.reconciler.CcAppReconciler;
import io.ccapi.operator.reconciler.CcExtensionReconciler;
import io.ccapi.operator.reconciler.CcQueueReconciler;
import io.ccapi.operator.reconciler.CcSubscriptionReconciler;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.reconciler.KubeEvents;
import io.ccapi.operator.reconciler.ManagedSecrets;
import io.ccapi.operator.reconciler.OperatorServices;
import io.ccapi.operator.reconciler.Ownership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Builds and runs the operator: the five controllers over one set of shared services. */
public final class CcapiOperator implements AutoCloseable {
  private final Operator operator;
  private final CcapiClientFactory clients;

  private CcapiOperator(Operator operator, CcapiClientFactory clients) {
    this.operator = operator;
    this.clients = clients;
  }

  public static CcapiOperator start(KubernetesClient kube, OperatorSettings settings, CcapiClient.CallRecorder recorder) {
    Clock clock = Clock.systemUTC();
    CcapiClientFactory clients = new CcapiClientFactory(settings.connectTimeout(), settings.readTimeout(), recorder);
    OperatorServices svc =
        new OperatorServices(
            new AppDirectory(),
            new ListCacheObserver(settings.pollInterval(), clock),
            clients,
            new ManagedSecrets(kube),
            new Ownership(kube),
            new KubeEvents(kube, clock),
            new Conditions(clock),
            settings.pollInterval());
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(kube)
                    .withUseSSAToPatchPrimaryResource(settings.useServerSideApply())
                    .withCloseClientOnStop(false));
    for (Reconciler<?> r :
        List.<Reconciler<?>>of(
            new CcAppReconciler(svc),
            new CcQueueReconciler(svc),
            new CcExtensionReconciler(svc),
            new CcAgentReconciler(svc),
            new CcSubscriptionReconciler(svc))) {
      register(operator, r, settings);
    }
    operator.start();
    return new CcapiOperator(operator, clients);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(Operator operator, Reconciler reconciler, OperatorSettings settings) {
    Consumer<ControllerConfigurationOverrider> config =
        o -> {
          o.withRetry(
              new GenericRetry()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setIntervalMultiplier(2)
                  .setMaxInterval(Duration.ofMinutes(5).toMillis())
                  .withoutMaxAttempts());
          if (settings.namespaces().isEmpty()) {
            o.watchingAllNamespaces();
          } else {
            o.settingNamespaces(settings.namespaces());
          }
        };
    operator.register(reconciler, (Consumer) config);
  }

  public Operator operator() {
    return operator;
  }

  @Override
  public void close() {
    operator.stop();
    clients.close();
  }
}
