package io.ccapi.operator.runtime;

import io.ccapi.operator.apply.Claims;
import io.ccapi.operator.ccapi.CcapiClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.ccapi.operator.apply.KubeEvents;
import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.observe.ListCacheObserver;
import io.ccapi.operator.reconciler.CcAgentReconciler;
import io.ccapi.operator.reconciler.CcAppReconciler;
import io.ccapi.operator.reconciler.CcExtensionReconciler;
import io.ccapi.operator.reconciler.CcIvrReconciler;
import io.ccapi.operator.reconciler.CcQueueReconciler;
import io.ccapi.operator.reconciler.CcReconciler;
import io.ccapi.operator.reconciler.CcSubscriptionReconciler;
import io.ccapi.operator.reconciler.OperatorServices;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Consumer;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Builds and runs the operator: the five controllers over one set of shared services. */
public final class CcapiOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CcapiOperator.class);
  private final Operator operator;
  private final CcapiClientFactory clients;
  private final ManagedSecrets secrets;
  private final KubeEvents events;
  private final AtomicBoolean leading;
  /** Set by {@link #close}: the lease ends because this process stops, not because another took it. */
  private final AtomicBoolean stopping;
  private final boolean electing;
  private Runnable releaseLease = () -> {};

  private CcapiOperator(
      Operator operator, CcapiClientFactory clients, ManagedSecrets secrets, KubeEvents events, AtomicBoolean leading,
      AtomicBoolean stopping, boolean electing) {
    this.operator = operator;
    this.secrets = secrets;
    this.events = events;
    this.clients = clients;
    this.leading = leading;
    this.stopping = stopping;
    this.electing = electing;
  }

  /** Starts without metrics. */
  public static CcapiOperator start(KubernetesClient kube, OperatorSettings settings, CcapiClient.CallRecorder recorder) {
    return start(kube, settings, recorder, null);
  }

  /** Starts; with a registry, JOSDK's reconciliation metrics go there too. */
  public static CcapiOperator start(
      KubernetesClient kube, OperatorSettings settings, CcapiClient.CallRecorder recorder, MeterRegistry registry) {
    Clock clock = Clock.systemUTC();
    CcapiClientFactory clients =
        new CcapiClientFactory(settings.connectTimeout(), settings.readTimeout(), settings.ccapiCallsPerSecond(), recorder, clock,
            CcapiClientFactory.DEFAULT_USER_AGENT + " (" + identity() + ")");
    AtomicBoolean leading = new AtomicBoolean(settings.leaseNamespace() == null);
    AtomicBoolean stopping = new AtomicBoolean();
    OperatorServices svc =
        OperatorServices.create(kube, settings.namespaces(), new ListCacheObserver(settings.pollInterval(), clock), clients, clock, settings.pollInterval());
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(kube)
                  .withUseSSAToPatchPrimaryResource(settings.useServerSideApply())
                  .withCloseClientOnStop(false);
              if (registry != null) {
                o.withMetrics(MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build());
              }
              if (settings.leaseNamespace() != null) {
                o.withLeaderElectionConfiguration(leaderElection(settings.leaseNamespace(), leading, stopping));
              }
            });
    for (CcReconciler<?, ?> r :
        List.<CcReconciler<?, ?>>of(
            new CcAppReconciler(svc),
            new CcQueueReconciler(svc),
            new CcExtensionReconciler(svc, settings.unboundExtensionCheck(), clock),
            new CcAgentReconciler(svc),
            new CcSubscriptionReconciler(svc),
            new CcIvrReconciler(svc))) {
      register(operator, r, settings, svc.claims());
      if (registry != null) {
        Gauge.builder("ccapi.resources.stalled", r, CcReconciler::stalled)
            .description("resources whose Stalled condition is True, by kind")
            .tag("kind", r.kind())
            .register(registry);
      }
    }
    operator.start();
    CcapiOperator started = new CcapiOperator(operator, clients, svc.secrets(), svc.events(), leading, stopping, settings.leaseNamespace() != null);
    if (settings.leaseNamespace() != null) {
      started.releaseLease = () -> LeaseRelease.release(kube, settings.leaseNamespace(), OperatorSettings.LEASE_NAME, identity());
    }
    return started;
  }

  /**
   * Who this operator is, for the Lease and the ccapi User-Agent: the pod name ($HOSTNAME in a pod), so
   * a restarted container takes its own lease back at once; outside a pod, the process id.
   */
  public static String identity() {
    return Objects.requireNonNullElseGet(System.getenv("HOSTNAME"), () -> "ccapi-operator-" + ProcessHandle.current().pid());
  }

  /**
   * JOSDK's own exit on a lost lease (exitOnStopLeading) also fires when this process stops the elector
   * itself, and then calls System.exit inside the shutdown: a deadlock, with the lease never released. So
   * the exit is ours, and only for a lease lost while running.
   */
  private static LeaderElectionConfiguration leaderElection(String namespace, AtomicBoolean leading, AtomicBoolean stopping) {
    String identity = identity();
    return new LeaderElectionConfiguration(
        OperatorSettings.LEASE_NAME,
        namespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        identity,
        new LeaderCallbacks(() -> leading.set(true), () -> lostLease(leading, stopping), leader -> {}),
        false);
  }

  /** A leader whose lease another took must not write one call more: it halts (no hooks, no writes). */
  private static void lostLease(AtomicBoolean leading, AtomicBoolean stopping) {
    leading.set(false);
    if (!stopping.get()) {
      LOG.error("lost the leader lease {}: stopping at once, so that only the new leader writes", OperatorSettings.LEASE_NAME);
      Runtime.getRuntime().halt(1);
    }
  }

  /** What /healthz and /readyz report. */
  public Health health() {
    boolean leader = leading.get();
    boolean started = operator.getRuntimeInfo().isStarted();
    boolean synced = leader && started && operator.getRuntimeInfo().allEventSourcesAreHealthy();
    return new Health(leader, electing, started, synced);
  }

  /** Operator state as the probes see it. */
  public record Health(boolean leader, boolean electing, boolean started, boolean synced) {
    /** A standby is alive; a leader is alive while its informers are healthy. */
    public boolean alive() {
      return !leader || synced;
    }

    /** Ready: a leader with synced controllers, or a standby waiting for the lease. */
    public boolean ready() {
      return leader ? synced : electing && started;
    }

    public String describe() {
      if (!leader) {
        return "standby: waiting for the leader lease";
      }
      return synced ? "ok: controllers started, informers synced" : "not ready: controllers starting or informers unhealthy";
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(Operator operator, Reconciler reconciler, OperatorSettings settings, Claims claims) {
    Consumer<ControllerConfigurationOverrider> config =
        o -> {
          // Spec changes (generation), deletion, and the annotations a person sets to adopt, pause,
          // resume or retry a create wake a reconcile; the operator's own status and claim writes do not.
          o.withGenerationAware(false);
          o.withTriggerReconcilerOnAllEvents(true); // the operator owns its finalizer (CcReconciler#reconcile)
          o.withOnUpdateFilter((now, before) -> ReconcileTriggers.worthReconciling((HasMetadata) now, (HasMetadata) before, claims));
          o.withRetry(retry(settings.pollInterval()));
          if (settings.namespaces().isEmpty()) {
            o.watchingAllNamespaces();
          } else {
            o.settingNamespaces(settings.namespaces());
          }
        };
    operator.register(reconciler, (Consumer) config);
  }

  /**
   * Backoff from 1 s, doubling, capped at the poll interval (as Crossplane caps it at its poll): once the
   * platform recovers, a failing resource is back within one poll, as every healthy one is checked.
   */
  static GenericRetry retry(Duration pollInterval) {
    return new GenericRetry()
        .setInitialInterval(Duration.ofSeconds(1))
        .setIntervalMultiplier(2)
        .setMaxInterval(Math.max(1000, pollInterval.toMillis()))
        .withoutMaxAttempts();
  }

  public Operator operator() {
    return operator;
  }

  @Override
  public void close() {
    stopping.set(true);
    operator.stop();
    releaseLease.run(); // after stop: the elector renews no more, and no reconcile runs
    events.close();
    secrets.close();
    clients.close();
  }
}
