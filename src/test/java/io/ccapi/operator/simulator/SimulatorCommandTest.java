package io.ccapi.operator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ccapi-operator simulator ...} through picocli, in a thread that is interrupted to stop it. */
class SimulatorCommandTest {
  private static final Pattern LISTENING = Pattern.compile("ccapi simulator listening on (http://127\\.0\\.0\\.1:(\\d+))");

  @Test
  void printsTheListeningLineAndServesWithTheGivenOptions() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread thread =
        new Thread(() -> exitCode.set(cli.execute(
            "simulator", "--port", "0", "--sid", "cli-sid", "--auth-token", "cli-token", "--latency-ms", "7",
            "--error-mode", "errcode", "--hang-ms", "1234")));
    thread.start();
    String url;
    int port;
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> LISTENING.matcher(out.toString()).find());
      assertThat(out.toString().lines().toList()).hasSize(1);
      Matcher m = LISTENING.matcher(out.toString().strip());
      assertThat(m.matches()).as("exactly the listening line").isTrue();
      url = m.group(1);
      port = Integer.parseInt(m.group(2));
      assertThat(port).isPositive();

      CcapiClientFactory factory =
          new CcapiClientFactory(Duration.ofSeconds(2), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
      try {
        CcapiClient client = factory.create(url, new CcapiCredentials("cli-sid", "cli-token"));
        String appId = client.createApp(new Apps.CreateRequest("cli", 1, "", null, null)).appId();
        assertThat(client.getApp(appId).name()).isEqualTo("cli");
        CcapiClient defaults = factory.create(url, SimHarness.CREDENTIALS);
        try {
          defaults.getApp(appId);
          throw new AssertionError("the default account must be refused");
        } catch (CcapiException e) {
          assertThat(e.errorClass()).isEqualTo(ErrorClass.UNAUTHORIZED);
        }
      } finally {
        factory.close();
      }

      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(url + "/__sim/faults")).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode faults = new ObjectMapper().readTree(answer.body());
      assertThat(faults.get("latencyMs").asLong()).isEqualTo(7);
      assertThat(faults.get("errorMode").asText()).isEqualTo("errcode");
      assertThat(faults.get("hangMs").asLong()).isEqualTo(1234);
    } finally {
      thread.interrupt();
      thread.join(5000);
    }
    assertThat(thread.isAlive()).isFalse();
    assertThat(exitCode.get()).isZero();
    assertClosed(port);
  }

  private static void assertClosed(int port) {
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        throw new AssertionError("still listening on " + port);
      } catch (ConnectException expected) {
        // closed
      }
    });
  }

  @Test
  void aSeparateProcessServesUntilKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "simulator",
                "--port", "0")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).isNotNull();
      Matcher m = LISTENING.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      int port = Integer.parseInt(m.group(2));
      HttpResponse<String> stats =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(m.group(1) + "/__sim/stats")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(stats.statusCode()).isEqualTo(200);

      process.destroy(); // SIGTERM: the shutdown hook closes the server
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertClosed(port);
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void refusesBadFaultOptions() {
    for (String[] args : new String[][] {
      {"simulator", "--port", "0", "--error-mode", "teapot"},
      {"simulator", "--port", "0", "--error-rate", "1.5"},
      {"simulator", "--port", "70000"},
      {"simulator", "--latency-ms", "soon"},
    }) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new Main());
      cli.setErr(new PrintWriter(err, true));
      cli.setOut(new PrintWriter(new StringWriter(), true));
      assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(CommandLine.ExitCode.USAGE);
      assertThat(err.toString()).isNotBlank();
    }
  }

  @Test
  void aBusyPortIsReported() {
    try (SimHarness busy = SimHarness.start()) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new Main());
      cli.setErr(new PrintWriter(err, true));
      cli.setOut(new PrintWriter(new StringWriter(), true));
      assertThat(cli.execute("simulator", "--port", Integer.toString(busy.simulator.port()))).isEqualTo(1);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + busy.simulator.port());
    }
  }

  @Test
  void helpListsTheFaultFlags() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("simulator", "--help")).isZero();
    assertThat(out.toString())
        .contains("--port", "--sid", "--auth-token", "--latency-ms", "--jitter-ms", "--error-rate", "--error-mode",
            "--timeout-rate", "--hang-ms", "--drop-rate");
  }
}
