package io.ccapi.operator.cli;

import picocli.CommandLine.Command;

/** Placeholder until the simulator lands (being written now). */
@Command(name = "simulator", description = "Run the stateful ccapi v2 simulator.")
final class SimulatorCommand implements Runnable {
  @Override
  public void run() {}
}
