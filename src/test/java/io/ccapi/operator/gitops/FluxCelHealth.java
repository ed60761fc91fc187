package io.ccapi.operator.gitops;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one Flux {@code healthCheckExprs} entry the way kustomize-controller does (fluxcd/pkg
 * runtime/cel StatusEvaluator): first {@code status.observedGeneration != metadata.generation} means
 * InProgress; then inProgress, failed, current in that order, the first true one wins; none true means
 * InProgress. The object's top-level fields are the variables; a field the object lacks is no
 * variable at all, so an expression that reads it fails to evaluate and Flux reports Unknown (and
 * keeps waiting until its timeout).
 *
 * <p>Each expression is both type-checked against {@code status} and {@code metadata} declared as
 * {@code map(string, dyn)} (catches typos and non-bool results; CEL-Java's standard runtime) and, as
 * Flux does, evaluated parsed only, with no declarations (CEL-Java's planner runtime, the one that
 * runs unchecked expressions): both must give the same answer, and the parsed-only one is Flux's.
 */
final class FluxCelHealth {
  /** kstatus statuses Flux computes; Unknown is an evaluation error. */
  enum Status {
    Current,
    InProgress,
    Failed,
    Unknown
  }

  record Health(Status status, String error) {}

  private static final List<String> TOP_LEVEL = List.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final MapType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

  private static final Cel CHECKED =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("apiVersion", SimpleType.STRING)
          .addVar("kind", SimpleType.STRING)
          .addVar("metadata", OBJECT)
          .addVar("spec", OBJECT)
          .addVar("status", OBJECT)
          .setResultType(SimpleType.BOOL)
          .build();
  private static final Cel UNCHECKED =
      CelFactory.plannerCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();

  private record Expr(String source, Program checked, Program unchecked, Status status) {}

  private final List<Expr> order;

  /** Compiles the {@code inProgress}, {@code failed} and {@code current} of one entry. */
  FluxCelHealth(Map<String, String> entry) {
    if (entry.get("current") == null || entry.get("current").isBlank()) {
      throw new IllegalArgumentException("expression current is required");
    }
    order =
        java.util.stream.Stream.of(
                compile(entry.get("inProgress"), Status.InProgress),
                compile(entry.get("failed"), Status.Failed),
                compile(entry.get("current"), Status.Current))
            .filter(java.util.Objects::nonNull)
            .toList();
  }

  private static Expr compile(String source, Status status) {
    if (source == null || source.isBlank()) {
      return null;
    }
    try {
      CelAbstractSyntaxTree checked = CHECKED.compile(source).getAst();
      CelAbstractSyntaxTree parsed = UNCHECKED.parse(source).getAst();
      return new Expr(source, CHECKED.createProgram(checked), UNCHECKED.createProgram(parsed), status);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException("CEL expression does not compile: " + source + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  Health evaluate(Map<String, Object> resource) {
    Map<String, Object> status = (Map<String, Object>) resource.get("status");
    Map<String, Object> metadata = (Map<String, Object>) resource.get("metadata");
    if (status != null && status.get("observedGeneration") instanceof Number observed
        && metadata != null && metadata.get("generation") instanceof Number generation
        && observed.longValue() != generation.longValue()) {
      return new Health(Status.InProgress, null);
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : TOP_LEVEL) {
      if (resource.containsKey(name)) {
        variables.put(name, resource.get(name));
      }
    }
    for (Expr expr : order) {
      Object checked = eval(expr.checked(), variables);
      Object unchecked = eval(expr.unchecked(), variables);
      if (!sameOutcome(checked, unchecked)) {
        throw new AssertionError("type-checked and parsed-only evaluation differ for " + expr.source() + ": " + checked + " vs " + unchecked);
      }
      if (unchecked instanceof CelEvaluationException e) {
        return new Health(Status.Unknown, e.getMessage());
      }
      if (!(unchecked instanceof Boolean b)) {
        return new Health(Status.Unknown, "not a bool: " + unchecked);
      }
      if (b) {
        return new Health(expr.status(), null);
      }
    }
    return new Health(Status.InProgress, null);
  }

  private static Object eval(Program program, Map<String, Object> variables) {
    try {
      return program.eval(variables);
    } catch (CelEvaluationException e) {
      return e;
    }
  }

  /**
   * Both true, both false, or both no answer (an error; the type-checked runtime answers a declared
   * variable that has no value with an unknown set, the parsed-only one with "No such attribute").
   */
  private static boolean sameOutcome(Object checked, Object unchecked) {
    return checked instanceof Boolean || unchecked instanceof Boolean ? checked.equals(unchecked) : true;
  }
}
