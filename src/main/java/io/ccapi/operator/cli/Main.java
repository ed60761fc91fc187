package io.ccapi.operator.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ccapi-operator.jar}: one subcommand per job. */
@Command(
    name = "ccapi-operator",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Kubernetes operator for udesk CTI Cloud ccapi v2 tenants.",
    subcommands = {RunCommand.class, ExportCommand.class, PlanCommand.class},
    modelTransformer = Main.FullJarCommands.class)
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

  /**
   * The subcommands of the full jar only: the production jar (ccapi-operator-run.jar, the image's) leaves them
   * out with the simulator, the embedded API servers and the test libraries they need, so they are named here
   * by class name and added when present.
   */
  static final class FullJarCommands implements CommandLine.IModelTransformer {
    static final List<String> CLASSES =
        List.of("io.ccapi.operator.cli.SimulatorCommand", "io.ccapi.operator.cli.DemoCommand", "io.ccapi.operator.cli.BenchCommand");

    @Override
    public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
      for (String name : CLASSES) {
        try {
          spec.addSubcommand(null, new CommandLine(Class.forName(name).getDeclaredConstructor().newInstance()));
        } catch (ClassNotFoundException leanJar) {
          // not in this jar: the command is not offered
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot create the subcommand " + name, e instanceof InvocationTargetException i ? i.getCause() : e);
        }
      }
      return spec;
    }
  }
}
