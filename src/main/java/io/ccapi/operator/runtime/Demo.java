package io.ccapi.operator.runtime;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.reconciler.Conditions;
import io.ccapi.operator.apply.ManagedSecrets;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.FaultSettings;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The embedded demo: simulator + embedded API server + CRDs + samples + operator, until every sample is
 * Ready. Returns whether it converged; {@link #close()} tears everything down.
 */
public final class Demo implements AutoCloseable {
  public static final String NAMESPACE = "default";
  static final List<Class<? extends CcResource<?, ?>>> KINDS =
      List.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class, CcSubscription.class, CcIvr.class);

  private final CcapiSimulator simulator;
  private final EmbeddedCluster cluster;
  private final CcapiOperator operator;

  private Demo(CcapiSimulator simulator, EmbeddedCluster cluster, CcapiOperator operator) {
    this.simulator = simulator;
    this.cluster = cluster;
    this.operator = operator;
  }

  public static Demo start(FaultSettings faults, Duration pollInterval, PrintStream out) throws Exception {
    CcapiSimulator simulator = CcapiSimulator.start(SimulatorConfig.ephemeral().withFaults(faults));
    out.println("ccapi simulator listening on " + simulator.baseUrl());
    EmbeddedCluster cluster = EmbeddedCluster.start();
    out.println("Kubernetes API: " + cluster.description());
    KubernetesClient client = cluster.client();
    Crds.install(client);
    if (cluster.real()) {
      Crds.awaitEstablished(client);
    }
    out.println("installed CRDs: " + String.join(", ", Crds.PLURALS));
    int applied = Samples.apply(client, NAMESPACE, simulator.baseUrl()).size();
    out.println("applied " + applied + " sample manifests to namespace " + NAMESPACE);
    OperatorSettings settings =
        OperatorSettings.defaults()
            .withPollInterval(pollInterval)
            .withServerSideApply(cluster.real())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    CcapiOperator operator = CcapiOperator.start(client, settings, CcapiClient.CallRecorder.NONE);
    out.println("operator started");
    return new Demo(simulator, cluster, operator);
  }

  /** Waits until every sample resource is Ready; false on timeout. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (resources().stream().allMatch(r -> Conditions.isReady(r.getStatus()))) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Our resources in the demo namespace. */
  public List<CcResource<?, ?>> resources() {
    List<CcResource<?, ?>> all = new ArrayList<>();
    for (Class<? extends CcResource<?, ?>> kind : KINDS) {
      all.addAll(cluster.client().resources(kind).inNamespace(NAMESPACE).list().getItems());
    }
    return all;
  }

  public void printTable(PrintStream out) {
    String format = "%-15s %-14s %-6s %-22s %s%n";
    out.printf(format, "KIND", "NAME", "READY", "REASON", "EXTERNAL ID");
    for (CcResource<?, ?> r : resources()) {
      out.printf(
          format,
          r.getKind(),
          r.getMetadata().getName(),
          Conditions.isReady(r.getStatus()) ? "True" : "False",
          Objects.requireNonNullElse(Conditions.readyReason(r.getStatus()), "-"),
          externalId(r));
    }
  }

  /** The Secrets the operator wrote: names and keys, never values. */
  public void printSecrets(PrintStream out) {
    out.printf("%-24s %s%n", "SECRET", "KEYS");
    for (Secret s :
        cluster.client().secrets().inNamespace(NAMESPACE).withLabel(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY).list().getItems()) {
      out.printf("%-24s %s%n", s.getMetadata().getName(), String.join(",", new TreeSet<>(s.getData().keySet())));
    }
  }

  static String externalId(CcResource<?, ?> r) {
    if (r instanceof CcApp app) {
      return app.getStatus() == null || app.getStatus().appId == null ? "-" : app.getStatus().appId;
    }
    if (r instanceof CcIvr ivr) {
      return ivr.getStatus() == null || ivr.getStatus().appId == null ? "-" : ivr.getStatus().appId;
    }
    if (r instanceof CcSubscription sub) {
      return sub.getStatus() == null || sub.getStatus().subscriptionId == null ? "-" : sub.getStatus().subscriptionId.toString();
    }
    return Objects.requireNonNullElse(r.specExternalId(), "-");
  }

  public CcapiSimulator simulator() {
    return simulator;
  }

  public EmbeddedCluster cluster() {
    return cluster;
  }

  @Override
  public void close() {
    operator.close();
    cluster.close();
    simulator.close();
  }
}
