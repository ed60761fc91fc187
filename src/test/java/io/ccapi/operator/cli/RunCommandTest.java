package io.ccapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run} elects a leader unless told not to: two operators on one tenant duplicate it. */
class RunCommandTest {
  @Test
  void leaderElectionIsOnByDefaultAndOffOnlyWhenSaidSo() {
    assertThat(parse().leaderElection).isTrue();
    assertThat(parse("--leader-election").leaderElection).isTrue();
    assertThat(parse("--leader-election=true").leaderElection).isTrue();
    assertThat(parse("--leader-election=false").leaderElection).isFalse();
  }

  private static RunCommand parse(String... args) {
    RunCommand command = new RunCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
