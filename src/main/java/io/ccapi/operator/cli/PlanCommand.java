package io.ccapi.operator.cli;

import io.ccapi.operator.ccapi.CcapiClientFactory;
import io.ccapi.operator.cli.plan.ChildInputs;
import io.ccapi.operator.cli.plan.ClusterConnector;
import io.ccapi.operator.cli.plan.CredentialSource;
import io.ccapi.operator.cli.plan.LiveCluster;
import io.ccapi.operator.cli.plan.ManifestLoader;
import io.ccapi.operator.cli.plan.ManifestSet;
import io.ccapi.operator.cli.plan.PlanInputException;
import io.ccapi.operator.cli.plan.PlanPrinter;
import io.ccapi.operator.cli.plan.PlanRunner;
import io.ccapi.operator.cli.plan.PlannedResource;
import io.ccapi.operator.cli.plan.RecordSource;
import io.ccapi.operator.cli.plan.Unmanaged;
import io.ccapi.operator.cli.plan.WriteCounter;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.observe.AppConnection;
import java.util.ArrayList;
import io.ccapi.operator.observe.ListCacheObserver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plan}: a dry run of the manifests against the live platform. It reads (GET) the platform through
 * the operator's observer and runs the operator's planners, and never writes, neither to the platform nor
 * to the cluster.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run: show the platform operations the operator would make for these manifests, without making any.",
      "Credentials come from the Secret spec.credentialsSecretRef names (among the manifests, else in the cluster),"
          + " else from the environment variables CCAPI_SID and CCAPI_AUTH_TOKEN; they are never printed.",
      "Exit code: 0 nothing would change, 2 changes are planned, 1 error."
    })
public final class PlanCommand implements Callable<Integer> {
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(3);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE_OR_DIR",
      description = "Manifest file, or directory of *.yaml/*.yml (repeatable), as for kubectl apply -f.")
  List<Path> files;

  @Option(names = {"-n", "--namespace"}, defaultValue = "default",
      description = "Namespace of manifests that name none (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--kubeconfig", defaultValue = "", paramLabel = "PATH|none",
      description = "Cluster to read records (claims, the operator's Secrets) and credentials from, read-only:"
          + " a kubeconfig file, or 'none' for no cluster. Default: Fabric8's (KUBECONFIG, ~/.kube/config, in-cluster);"
          + " no kubeconfig or no answer within 3s means no cluster: ownership is then not checked.")
  String kubeconfig;

  @Option(names = "--platform-timeout", defaultValue = "PT10S",
      description = "Timeout of each platform read (default: ${DEFAULT-VALUE}).")
  Duration platformTimeout;

  /** The environment (credentials, KUBERNETES_SERVICE_HOST); tests replace it. */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ManifestSet manifests = new ManifestLoader(namespace, err).load(files);
      try (LiveCluster cluster = new ClusterConnector(CLUSTER_TIMEOUT, env).connect(kubeconfig)) {
        return plan(manifests, cluster, out);
      }
    } catch (PlanInputException | LiveCluster.ClusterReadException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return PlanPrinter.ERROR;
    }
  }

  private int plan(ManifestSet manifests, LiveCluster cluster, PrintWriter out) {
    if (!cluster.connected()) {
      out.println("note: no Kubernetes cluster (" + cluster.why() + "): ownership was not checked;"
          + " existing platform objects are assumed adoptable, as under managementPolicy Observe");
    }
    WriteCounter writes = new WriteCounter();
    CcapiClientFactory clients = new CcapiClientFactory(platformTimeout, platformTimeout, writes);
    try {
      RecordSource records = new RecordSource(cluster);
      PlanRunner runner = new PlanRunner(manifests, records, new CredentialSource(manifests, cluster, env), clients);
      ListCacheObserver observer = new ListCacheObserver(Duration.ofMinutes(10), Clock.systemUTC());
      ChildInputs children = new ChildInputs(manifests, observer, records.known());
      List<PlannedResource> planned = runner.run(children.with(runner));
      return new PlanPrinter(out).print(planned, unmanaged(runner, manifests, observer), writes.writes());
    } finally {
      clients.close();
    }
  }

  /** Per observed tenant, what no manifest names (from the lists the plans read; reported, never planned). */
  private static List<String> unmanaged(PlanRunner runner, ManifestSet manifests, ListCacheObserver observer) {
    List<String> out = new ArrayList<>();
    for (AppConnection app : runner.observedApps()) {
      String header = "CcApp " + app.namespace() + "/" + app.appName() + ": in the platform, not in the manifests (never deleted):";
      try {
        List<String> lines = Unmanaged.lines(app, manifests, observer.agents(app), observer.queues(app), observer.subscriptions(app));
        if (!lines.isEmpty()) {
          out.add(header);
          lines.forEach(l -> out.add("  " + l));
        }
      } catch (CcapiException e) {
        out.add(header);
        out.add("  ? not listed: " + e.getMessage());
      }
    }
    return out;
  }
}
