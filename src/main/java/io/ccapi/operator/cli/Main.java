package io.ccapi.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ccapi-operator.jar}: one subcommand per job. */
@Command(
    name = "ccapi-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Kubernetes operator for udesk CTI Cloud ccapi v2 tenants.",
    subcommands = {SimulatorCommand.class, RunCommand.class, DemoCommand.class, BenchCommand.class, ExportCommand.class, PlanCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ccapi-operator " + (v == null ? "dev" : v)};
    }
  }
}
