package io.ccapi.operator.cli;

import io.ccapi.operator.runtime.Crds;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: the CRDs as shipped ({@code crds}), or a live tenant as manifests ({@code tenant}). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export generated artifacts: 'crds' writes the CRDs (default into crds/); 'tenant' writes a live tenant as manifests.",
    subcommands = {ExportCommand.CrdsCommand.class, ExportTenantCommand.class})
final class ExportCommand {
  @Command(name = "crds", mixinStandardHelpOptions = true, description = "Write the CRDs (default into crds/).")
  static final class CrdsCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "crds", description = "Target directory (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      Crds.export(dir);
      System.out.println("wrote " + Crds.PLURALS.size() + " CRDs to " + dir);
      return 0;
    }
  }
}
