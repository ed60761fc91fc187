package io.ccapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.cli.export.TenantFixture;
import io.ccapi.operator.cli.plan.ManifestLoader;
import io.ccapi.operator.cli.plan.ManifestSet;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimCounts;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code export tenant} against the simulator over HTTP: a tenant of 520 seats (one page) exported with
 * GETs only, the files and their order, and {@code plan} on the exported files finding nothing to change.
 */
class ExportTenantCommandTest {
  static final Map<String, String> ENV = Map.of("CCAPI_SID", SimulatorConfig.DEFAULT_SID, "CCAPI_AUTH_TOKEN", SimulatorConfig.DEFAULT_AUTH_TOKEN);
  static CcapiSimulator simulator;
  static CcapiClientFactory clients;
  static TenantFixture tenant;

  @TempDir Path dir;

  @BeforeAll
  static void populate() throws Exception {
    simulator = CcapiSimulator.start(SimulatorConfig.ephemeral());
    clients = new CcapiClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(5), CcapiClient.CallRecorder.NONE);
    tenant = TenantFixture.populate(platform(), 520, 6);
  }

  static CcapiClient platform() {
    return clients.create(simulator.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
  }

  @AfterAll
  static void stop() {
    clients.close();
    simulator.close();
  }

  @Test
  void exportsTheTenantWithReadsOnlyAndPlanFindsNothingToChange() throws Exception {
    SimCounts before = SimCounts.of(simulator.baseUrl());
    Run export = run(ENV, "export", "tenant", "--endpoint", simulator.baseUrl(), "--app-id", tenant.appId(), "-n", "acme", "-o", dir.toString());

    assertThat(export.exit).as(export.text()).isZero();
    assertThat(SimCounts.of(simulator.baseUrl()).writesSince(before)).as("writes of the export").isEmpty();
    assertThat(export.err.toString()).contains("read seats: 520/520 (page 1/1)", "read 6 queues", "read 3 subscriptions",
        "read the IVR: 2 voice files, 3 default voices, 3 fast router keys");
    assertThat(export.out.toString())
        .contains("1 CcApp, 6 CcQueues, 260 CcExtensions, 520 CcAgents, 1 CcIvr, 3 CcSubscriptions, 1 Secret template")
        .contains("extensions bound to no seat: the ccapi API cannot list them")
        .contains("webhook event categories (webhooks/events): the ccapi API cannot read them")
        .contains("export: 791 resources, 2 notes, managementPolicy Observe, 0 writes sent")
        .doesNotContain(SimulatorConfig.DEFAULT_AUTH_TOKEN);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "00-credentials.yaml", "01-ccapp.yaml", "02-ccqueues.yaml", "03-ccextensions.yaml", "04-ccagents.yaml", "05-ccivrs.yaml", "06-ccsubscriptions.yaml",
          "export-report.txt");
    }
    assertThat(Files.readString(dir.resolve("01-ccapp.yaml"))).containsPattern("defaultSpNumber: \"?" + TenantFixture.APP_RELAY).contains("insecure: true");
    assertThat(Files.readString(dir.resolve("00-credentials.yaml"))).doesNotContain("sid:", "authToken:", SimulatorConfig.DEFAULT_AUTH_TOKEN);
    assertThat(Files.readString(dir.resolve("03-ccextensions.yaml"))).contains("# The platform never shows an extension's password");
    assertThat(Files.readString(dir.resolve("export-report.txt"))).contains("not in the manifests", "webhook event categories");
    assertThat(Files.readString(dir.resolve("06-ccsubscriptions.yaml"))).contains("name: call-events-2", "name: Call Events");

    ManifestSet manifests = new ManifestLoader("default", new PrintWriter(new StringWriter())).load(List.of(dir));
    assertThat(manifests.all(CcAgent.class)).hasSize(520).allSatisfy(a -> {
      assertThat(a.getMetadata().getNamespace()).isEqualTo("acme");
      assertThat(a.adoptionAllowed()).isTrue();
      assertThat(a.managementPolicy()).isEqualTo(ManagementPolicy.Observe);
    });
    CcAgent second = manifests.find(CcAgent.class, "acme", "agent-2-1002").orElseThrow();
    assertThat(second.getSpec().extensionRefs).containsExactly("ext-6002");
    assertThat(second.getSpec().queueRefs).containsExactly("queue-1-9001", "queue-3-9003");
    assertThat(manifests.find(CcAgent.class, "acme", "agent-1011").orElseThrow().getSpec().displayName).isEqualTo("坐席11");
    assertThat(manifests.find(CcAgent.class, "acme", "agent-1-1013")).isPresent();
    assertThat(manifests.find(CcAgent.class, "acme", "agent-3-1003").orElseThrow().getSpec().defaultSpNumber).isEqualTo(TenantFixture.RELAY);
    assertThat(manifests.find(CcAgent.class, "acme", "agent-6-1006").orElseThrow().getSpec().wrapUpTime).isEqualTo(TenantFixture.WRAP_UP_SECONDS);
    assertThat(manifests.find(CcAgent.class, "acme", "agent-5-1005").orElseThrow().getSpec().wrapUpTime).as("the platform shows 0").isZero();
    assertThat(manifests.find(CcIvr.class, "acme", "acme-support").orElseThrow().getSpec()).satisfies(ivr -> {
      assertThat(ivr.voiceFiles).extracting(f -> f.name).containsExactlyInAnyOrder("welcome.wav", "closed.wav");
      assertThat(ivr.defaultVoices).extracting(v -> v.prompt.name()).containsExactly("Welcome", "ClosingTime", "Hold");
      assertThat(ivr.fastRouter).extracting(r -> r.dtmf + "->" + r.queueRef).containsExactly("1->queue-1-9001", "2->queue-2-9002", "3->queue-3-9003");
    });
    assertThat(manifests.all(CcQueue.class)).hasSize(6);
    assertThat(manifests.all(CcExtension.class)).hasSize(260);
    assertThat(manifests.all(CcSubscription.class)).extracting(s -> s.getMetadata().getName()).containsExactlyElementsOf(TenantFixture.SUBSCRIPTIONS);

    SimCounts beforePlan = SimCounts.of(simulator.baseUrl());
    Run plan = run(ENV, "plan", "-f", dir.toString(), "--kubeconfig", "none");
    assertThat(plan.exit).as(plan.text()).isZero();
    assertThat(plan.out.toString()).contains("plan: 791 resources, 0 creates, 0 updates, 0 binds, 0 unbinds, 0 deletes, 0 writes sent")
        .doesNotContain("not in the manifests");
    assertThat(SimCounts.of(simulator.baseUrl()).writesSince(beforePlan)).isEmpty();

    // a seat made after the export: plan reports it, plans nothing for it, and still exits 0
    platform().createAgents(tenant.appId(), List.of(new Agents.Agent("9999", "W9999", "Late", null, null, "agent", true, false, null)));
    Run later = run(ENV, "plan", "-f", dir.toString(), "--kubeconfig", "none");
    assertThat(later.exit).as(later.text()).isZero();
    assertThat(later.out.toString().lines().toList()).containsSubsequence(
        "CcApp acme/acme-support: in the platform, not in the manifests (never deleted):", "  1 agents [9999]");
  }

  @Test
  void credentialsNeverComeFromTheCommandLine() {
    Run noCredentials = run(Map.of(), "export", "tenant", "--endpoint", simulator.baseUrl(), "--app-id", tenant.appId(), "-o", dir.toString());
    assertThat(noCredentials.exit).isEqualTo(1);
    assertThat(noCredentials.err.toString()).contains("no credentials: give --credentials-file, or set CCAPI_SID and CCAPI_AUTH_TOKEN");

    Run unknownOption = run(ENV, "export", "tenant", "--endpoint", simulator.baseUrl(), "--app-id", tenant.appId(), "--auth-token", "x");
    assertThat(unknownOption.exit).isNotZero();
  }

  @Test
  void credentialsFromASecretFileAndManagePolicy() throws Exception {
    Path secret = dir.resolve("creds.yaml");
    Files.writeString(secret, TenantFixture.credentialsFile());
    Path out = dir.resolve("out");
    Run export = run(Map.of(), "export", "tenant", "--endpoint", simulator.baseUrl(), "--app-id", tenant.appId(), "--credentials-file", secret.toString(), "--policy", "manage", "-o", out.toString());
    assertThat(export.exit).as(export.text()).isZero();
    assertThat(Files.readString(out.resolve("01-ccapp.yaml"))).contains("managementPolicy: Manage", "appId: " + tenant.appId(), "ccapi.io/adopt: \"true\"");

    Run export2 = run(Map.of(), "export", "crds", "--help");
    assertThat(export2.exit).isZero();
  }

  private record Run(int exit, StringWriter out, StringWriter err) {
    String text() {
      return out + "\n" + err;
    }
  }

  private static Run run(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new Main());
    ((PlanCommand) cli.getSubcommands().get("plan").getCommand()).env = env;
    ((ExportTenantCommand) cli.getSubcommands().get("export").getSubcommands().get("tenant").getCommand()).env = env;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out, err);
  }
}
