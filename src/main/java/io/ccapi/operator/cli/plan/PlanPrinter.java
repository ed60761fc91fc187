package io.ccapi.operator.cli.plan;

import io.ccapi.operator.plan.Op;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a plan: per resource a header {@code kind namespace/name:}, then one line per operation
 * ({@link Op#describe()}, which never holds a value that exists only in a Secret), {@code = no changes}
 * or {@code ! reason: message}; then the summary line. Answers the exit code: 0 nothing would change, 2
 * changes are planned, 1 a resource cannot be planned or a write was sent.
 */
public final class PlanPrinter {
  public static final int NO_CHANGES = 0;
  public static final int ERROR = 1;
  public static final int CHANGES = 2;

  private final PrintWriter out;

  public PlanPrinter(PrintWriter out) {
    this.out = out;
  }

  /** @param unmanaged lines on platform objects no manifest names (reported only: they change no exit code) */
  public int print(List<PlannedResource> resources, List<String> unmanaged, int writesSent) {
    resources.forEach(this::print);
    unmanaged.forEach(out::println);
    out.println(summary(resources, writesSent));
    long stopped = resources.stream().filter(PlannedResource::stopped).count();
    if (stopped > 0) {
      out.println("plan: " + stopped + " resources cannot be planned (see the '!' lines)");
    }
    out.flush();
    if (stopped > 0 || writesSent > 0) {
      return ERROR;
    }
    return resources.stream().anyMatch(r -> !r.changes().isEmpty()) ? CHANGES : NO_CHANGES;
  }

  private void print(PlannedResource r) {
    out.println(r.header());
    if (r.plan() != null && r.plan().stopped()) {
      out.println("  ! " + r.plan().reason() + ": " + r.plan().message());
    } else if (r.plan() != null) {
      r.plan().ops().forEach(op -> out.println("  " + op.describe()));
      if (r.changes().isEmpty()) {
        out.println("  = no changes");
      }
    }
    r.notes().forEach(n -> out.println("  note: " + n));
  }

  static String summary(List<PlannedResource> resources, int writesSent) {
    List<Op> changes = resources.stream().flatMap(r -> r.changes().stream()).toList();
    return "plan: " + resources.size() + " resources, "
        + count(changes, Op.Verb.CREATE) + " creates, "
        + count(changes, Op.Verb.UPDATE) + " updates, "
        + count(changes, Op.Verb.BIND) + " binds, "
        + count(changes, Op.Verb.UNBIND) + " unbinds, "
        + count(changes, Op.Verb.DELETE) + " deletes, "
        + writesSent + " writes sent";
  }

  private static long count(List<Op> ops, Op.Verb verb) {
    return ops.stream().filter(op -> op.verb() == verb).count();
  }
}
