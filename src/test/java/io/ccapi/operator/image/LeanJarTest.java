package io.ccapi.operator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.runtime.Crds;
import io.ccapi.operator.runtime.EmbeddedCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The production jar the image runs (target/ccapi-operator-run.jar, built by `mvn package`): none of the
 * demo's, simulator's or tests' libraries and classes, and `run` works from it alone. Tagged "jar": it runs
 * in the verify phase, after the jars are built.
 */
@Tag("jar")
class LeanJarTest {
  static final Path TARGET = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
  static final Path LEAN = TARGET.resolve("ccapi-operator-run.jar");
  static final List<String> DEMO_AND_TEST_ONLY =
      List.of(
          "io/vertx/", "io/netty/", "org/bouncycastle/", "org/junit/", "org/opentest4j/", "org/apache/commons/compress/",
          "io/fabric8/kubeapitest/", "io/fabric8/mockwebserver/", "io/fabric8/kubernetes/client/server/mock/",
          "io/ccapi/operator/simulator/", "io/ccapi/operator/runtime/Demo", "io/ccapi/operator/runtime/EmbeddedCluster",
          "io/ccapi/operator/runtime/Bench", "io/ccapi/operator/runtime/Samples", "io/ccapi/operator/cli/DemoCommand",
          "io/ccapi/operator/cli/BenchCommand", "io/ccapi/operator/cli/SimulatorCommand");

  @Test
  void holdsNoDemoOrTestLibrary() throws IOException {
    List<String> found = new ArrayList<>();
    int classes = 0;
    try (JarFile jar = new JarFile(LEAN.toFile())) {
      for (ZipEntry e : jar.stream().toList()) {
        classes += e.getName().endsWith(".class") ? 1 : 0;
        DEMO_AND_TEST_ONLY.stream().filter(e.getName()::startsWith).findFirst().ifPresent(p -> found.add(e.getName()));
      }
    }
    assertThat(found).as("demo/test-only entries in " + LEAN).isEmpty();
    assertThat(classes).as("classes in the lean jar").isGreaterThan(1000);
    assertThat(Files.size(LEAN)).isLessThan(Files.size(TARGET.resolve("ccapi-operator.jar")) * 2 / 3);
  }

  @Test
  void runHelpWorksAndTheDemoIsNotOffered() throws Exception {
    Run help = java(List.of("run", "--help"));
    assertThat(help.exit()).as(help.output()).isZero();
    assertThat(help.output()).contains("--ccapi-rate-limit", "--metrics-port", "--leader-election");
    Run usage = java(List.of("--help"));
    assertThat(usage.output()).contains("run", "export", "plan").doesNotContain("demo", "simulator", "bench");
  }

  /** `run` from the lean jar alone starts against an API server and serves its probes and metrics. */
  @Test
  void runStartsAndServesMetrics() throws Exception {
    try (EmbeddedCluster cluster = EmbeddedCluster.startMock()) {
      Crds.install(cluster.client());
      Path kubeconfig = Files.createTempFile("ccapi-lean-", ".kubeconfig");
      Files.writeString(kubeconfig, cluster.kubeconfig());
      int port = freePort();
      Process p = start(List.of("run", "--leader-election=false", "--metrics-port", String.valueOf(port)), kubeconfig);
      try {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(http, port, "/readyz").statusCode() == 200);
        assertThat(get(http, port, "/metrics").body()).contains("ccapi_resources_stalled{kind=\"CcAgent\"} 0.0");
      } finally {
        p.destroy();
        p.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> javaJar(List<String> args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", LEAN.toString()));
    command.addAll(args);
    return command;
  }

  private static Process start(List<String> args, Path kubeconfig) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(javaJar(args)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    return pb.start();
  }

  private static Run java(List<String> args) throws Exception {
    Process p = new ProcessBuilder(javaJar(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  record Run(int exit, String output) {}
}
