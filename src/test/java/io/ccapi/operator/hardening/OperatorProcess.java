package io.ccapi.operator.hardening;

import io.ccapi.operator.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator as its own process, {@code java ... Main run}, on the test classpath (as Surefire tells
 * it): a pod as Kubernetes runs it, with its own HOSTNAME (pod name, lease identity and ccapi
 * User-Agent), POD_NAMESPACE and KUBECONFIG. Its output goes to a file. {@link #kill} is SIGKILL (destroyForcibly on Linux): no shutdown hook, nothing flushed.
 */
final class OperatorProcess implements AutoCloseable {
  final String identity;
  final Path log;
  private final Process process;

  private OperatorProcess(String identity, Path log, Process process) {
    this.identity = identity;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code run} watching {@code namespace}, with its Lease there; {@code extra} are more options. */
  static OperatorProcess start(String identity, Path kubeconfig, String namespace, Path log, Map<String, String> env, String... extra) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Main.class.getName(), "run",
        "--namespace=" + namespace, "--metrics-port=0", "--poll-interval=PT5S", "--unbound-extension-check=PT30S",
        "--ccapi-connect-timeout=PT1S", "--ccapi-read-timeout=PT2S", "--ccapi-rate-limit=0"));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("HOSTNAME", identity);
    builder.environment().put("POD_NAMESPACE", namespace);
    builder.environment().putAll(env);
    try {
      return new OperatorProcess(identity, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ccapi User-Agent this process sends. */
  String userAgent() {
    return "ccapi-operator (" + identity + ")";
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM (a graceful stop, as a pod deletion does), then waits. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  private void waitFor() {
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
