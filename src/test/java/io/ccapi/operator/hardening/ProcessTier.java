package io.ccapi.operator.hardening;

import io.ccapi.operator.e2e.RealApiServer;
import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.FaultSettings;
import io.ccapi.operator.simulator.SimulatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The hardening tier: a real kube-apiserver, a simulator per test, and the operator as separate {@code
 * run} processes (logs under target/hardening/, kept for a failed CI run).
 */
abstract class ProcessTier {
  static final Path LOGS = Path.of("target", "hardening");
  static EmbeddedCluster cluster;
  static KubernetesClient kube;
  static Path kubeconfig;

  CcapiSimulator simulator;
  Sim sim;
  private final List<OperatorProcess> started = new ArrayList<>();
  private String testName;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = RealApiServer.startOrSkip();
    kube = cluster.client();
    Crds.install(kube);
    Crds.awaitEstablished(kube);
    Files.createDirectories(LOGS);
    kubeconfig = Files.writeString(Files.createTempFile(LOGS.toAbsolutePath(), "kubeconfig", ".yaml"), cluster.kubeconfig());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (kubeconfig != null) {
      Files.deleteIfExists(kubeconfig);
    }
    RealApiServer.closeAll(cluster);
  }

  @BeforeEach
  void startSimulator(TestInfo info) throws IOException {
    testName = getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();
    try (var old = Files.list(LOGS)) {
      for (Path f : old.filter(f -> f.getFileName().toString().startsWith(testName)).toList()) {
        Files.delete(f);
      }
    }
    simulator = CcapiSimulator.start(SimulatorConfig.ephemeral().withFaults(FaultSettings.none().withLatency(10)));
    sim = new Sim(simulator);
  }

  @AfterEach
  void stopAll() {
    started.forEach(OperatorProcess::kill);
    simulator.close();
  }

  /** Starts {@code run} for {@code ns} as pod {@code identity}; its log is target/hardening/TEST-IDENTITY.log. */
  OperatorProcess operator(String identity, String ns, Map<String, String> env, String... extra) {
    OperatorProcess p = OperatorProcess.start(identity, kubeconfig, ns, LOGS.resolve(testName + "-" + identity + ".log"), env, extra);
    started.add(p);
    return p;
  }
}
