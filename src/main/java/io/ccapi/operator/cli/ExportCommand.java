package io.ccapi.operator.cli;

import io.ccapi.operator.runtime.Crds;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes the operator's CRDs, as shipped, to a directory. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export generated artifacts: 'crds' writes the CRDs (default into crds/).")
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "What to export: ${COMPLETION-CANDIDATES}")
  What what;

  @Option(names = "--dir", defaultValue = "crds", description = "Target directory (default ${DEFAULT-VALUE}).")
  Path dir;

  enum What {
    crds
  }

  @Override
  public Integer call() throws Exception {
    Crds.export(dir);
    System.out.println("wrote " + Crds.PLURALS.size() + " CRDs to " + dir);
    return 0;
  }
}
