package io.ccapi.operator.cli;

import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.cli.export.ExportOptions;
import io.ccapi.operator.cli.export.ExportSummary;
import io.ccapi.operator.cli.export.Exported;
import io.ccapi.operator.cli.export.ManifestWriter;
import io.ccapi.operator.cli.export.Tenant;
import io.ccapi.operator.cli.export.TenantExport;
import io.ccapi.operator.cli.export.TenantReader;
import io.ccapi.operator.cli.plan.CredentialSource;
import io.ccapi.operator.cli.plan.WriteCounter;
import io.ccapi.operator.crd.ManagementPolicy;
import io.ccapi.operator.plan.ReconcileException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code export tenant}: reads a live tenant (GETs only) and writes manifests that adopt it, every
 * resource marked {@code ccapi.io/adopt=true} and under the chosen policy (default Observe: nothing is
 * written to the platform until a person switches to Manage).
 */
@Command(
    name = "tenant",
    mixinStandardHelpOptions = true,
    description = {
      "Write a live tenant as manifests that adopt it: a CcApp with spec.appId, its queues, the extensions seen on seats,"
          + " its seats and subscriptions, and a credentials Secret template without values. Reads only (GET).",
      "Credentials come from --credentials-file (a Secret manifest with keys sid and authToken), else from the"
          + " environment variables CCAPI_SID and CCAPI_AUTH_TOKEN; never from the command line, never printed.",
      "Exit code: 0 written, 1 error."
    })
final class ExportTenantCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--endpoint", required = true, description = "Base URL of the ccapi platform (the CcApp's spec.endpoint).")
  String endpoint;

  @Option(names = "--app-id", required = true, description = "AppId of the tenant to export.")
  String appId;

  @Option(names = {"-n", "--namespace"}, description = "metadata.namespace of the manifests (default: none, kubectl's).")
  String namespace;

  @Option(names = "--policy", defaultValue = "observe", description = "observe (default) or manage: spec.managementPolicy of every resource.")
  String policy;

  @Option(names = {"-o", "--output"}, defaultValue = "tenant-export", description = "Directory to write (default ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--credentials-file", paramLabel = "FILE", description = "A Secret manifest with keys sid and authToken (data or stringData).")
  Path credentialsFile;

  @Option(names = "--credentials-secret", defaultValue = "ccapi-credentials",
      description = "Name of the credentials Secret the CcApp names (default ${DEFAULT-VALUE}).")
  String credentialsSecret;

  @Option(names = "--platform-timeout", defaultValue = "PT10S", description = "Timeout of each platform read (default: ${DEFAULT-VALUE}).")
  Duration platformTimeout;

  /** The environment (credentials); tests replace it. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ExportOptions options = new ExportOptions(endpoint, namespace, policy(), credentialsSecret);
      WriteCounter writes = new WriteCounter();
      try (CcapiClientFactory clients = new CcapiClientFactory(platformTimeout, platformTimeout, writes)) {
        Tenant tenant = new TenantReader(clients.create(endpoint, credentials()), err).read(appId);
        Exported exported = TenantExport.of(tenant, options);
        ExportSummary summary = new ExportSummary(tenant, exported, options, output);
        ManifestWriter.write(exported, output, summary.report());
        summary.print(out, writes.writes());
        return 0;
      }
    } catch (CcapiException | ReconcileException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private ManagementPolicy policy() {
    for (ManagementPolicy p : ManagementPolicy.values()) {
      if (p.name().equalsIgnoreCase(policy)) {
        return p;
      }
    }
    throw new IllegalArgumentException("--policy: observe or manage, not '" + policy + "'");
  }

  private CcapiCredentials credentials() {
    if (credentialsFile != null) {
      try {
        Secret secret = Serialization.unmarshal(Files.readString(credentialsFile), Secret.class);
        return CredentialSource.fromSecret(secret, credentialsFile.toString());
      } catch (IOException | RuntimeException e) {
        if (e instanceof ReconcileException re) {
          throw re;
        }
        throw new IllegalArgumentException("--credentials-file " + credentialsFile + ": not a readable Secret manifest");
      }
    }
    return CredentialSource.fromEnvironment(env).orElseThrow(() -> new IllegalArgumentException(
        "no credentials: give --credentials-file, or set " + CredentialSource.ENV_SID + " and " + CredentialSource.ENV_AUTH_TOKEN));
  }
}
