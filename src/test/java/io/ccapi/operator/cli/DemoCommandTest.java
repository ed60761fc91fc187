package io.ccapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's first command, in-process: every sample converges and the output says so. */
class DemoCommandTest {
  @Test
  void demoConvergesEverySampleAndPrintsTablesWithoutSecretValues() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      exit = new CommandLine(new Main()).execute("demo", "--timeout", "PT120S");
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    assertThat(exit).as(text).isZero();
    assertThat(text).contains("All samples are Ready.");
    for (String row : new String[] {"demo-tenant", "sales", "support", "ext-8101", "ext-8102", "alice", "bob", "carol", "call-events"}) {
      assertThat(text).containsPattern("(?m)^Cc\\w+\\s+" + row + "\\s+True\\s+Ready\\s+\\S+");
    }
    assertThat(text).contains("demo-tenant-ccapp", "ext-8101-sip", "alice-extensions");
    assertThat(text).containsPattern("(?m)^ext-8101-sip\\s+extension,number,password$");
    // keys are listed, values never: the simulator's token must not appear either
    assertThat(text).doesNotContain("sim-token");
  }
}
