package io.ccapi.operator.e2e;

import io.ccapi.operator.runtime.EmbeddedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl from the provisioned directory, against an embedded cluster. */
final class Kubectl {
  private final Path kubeconfig;
  private final Path cacheDir;

  Kubectl(EmbeddedCluster cluster) throws IOException {
    kubeconfig = Files.createTempFile("ccapi-e2e-", ".kubeconfig");
    Files.writeString(kubeconfig, cluster.kubeconfig());
    // a discovery cache of its own: ~/.kube/cache is keyed by host:port, which an earlier server may have used
    cacheDir = Files.createTempDirectory("ccapi-e2e-kubectl-cache");
  }

  /** Runs kubectl; returns exit code and combined output. */
  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(EmbeddedCluster.BINARIES.resolve("kubectl").toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(150, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  record Result(int exit, String output) {}
}
