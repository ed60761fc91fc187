package io.ccapi.operator.cli;

import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.FaultSettings;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulator}: runs the stateful ccapi v2 simulator on 127.0.0.1 until the process is killed (or,
 * in-process, until the running thread is interrupted). Prints one line with the base URL once listening.
 */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = "Run the stateful ccapi v2 simulator on 127.0.0.1 (see simulator/DESIGN.md).")
public final class SimulatorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "" + SimulatorConfig.DEFAULT_PORT,
      description = "Port; 0 picks a free one and prints it (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--sid",
      defaultValue = SimulatorConfig.DEFAULT_SID,
      description = "Account Sid (default: ${DEFAULT-VALUE}).")
  String sid;

  @Option(
      names = "--auth-token",
      defaultValue = SimulatorConfig.DEFAULT_AUTH_TOKEN,
      description = "Account AuthToken (default: ${DEFAULT-VALUE}).")
  String authToken;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Added to every /ccapi/v2/ answer.")
  long latencyMs;

  @Option(names = "--jitter-ms", defaultValue = "0", description = "Uniform extra latency, 0..N ms.")
  long jitterMs;

  @Option(names = "--error-rate", defaultValue = "0", description = "Probability of an injected 000003 error.")
  double errorRate;

  @Option(
      names = "--error-mode",
      defaultValue = "http500",
      description = "http500 (HTTP 500) or errcode (HTTP 200, ErrCode 000003) (default: ${DEFAULT-VALUE}).")
  String errorMode;

  @Option(names = "--timeout-rate", defaultValue = "0", description = "Probability of hanging --hang-ms first.")
  double timeoutRate;

  @Option(
      names = "--hang-ms",
      defaultValue = "30000",
      description = "How long a hung request waits (default: ${DEFAULT-VALUE}).")
  long hangMs;

  @Option(names = "--drop-rate", defaultValue = "0", description = "Probability of closing the connection unanswered.")
  double dropRate;

  @Option(
      names = "--lost-answer-rate",
      defaultValue = "0",
      description = "Probability that a write is applied but its answer never sent.")
  double lostAnswerRate;

  @Override
  public Integer call() throws Exception {
    SimulatorConfig config;
    try {
      FaultSettings faults =
          new FaultSettings(
              latencyMs, jitterMs, errorRate, FaultSettings.ErrorMode.parse(errorMode), timeoutRate, hangMs,
              dropRate, lostAnswerRate);
      config = new SimulatorConfig(port, sid, authToken, faults);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    CcapiSimulator simulator;
    try {
      simulator = CcapiSimulator.start(config);
    } catch (BindException e) {
      spec.commandLine().getErr().println("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(() -> {
          simulator.close();
          stopped.countDown();
        }, "ccapi-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("ccapi simulator listening on " + simulator.baseUrl());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      simulator.close();
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
