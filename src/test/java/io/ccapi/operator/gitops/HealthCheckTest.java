package io.ccapi.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.gitops.FluxCelHealth.Status;
import io.ccapi.operator.gitops.GitOpsFiles.CrdKind;
import io.ccapi.operator.plan.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped Argo CD health.lua (run by LuaJ) and the shipped Flux healthCheckExprs (run by CEL) on
 * the same status fixtures, for every kind in crds/: each gives the expected health and the two agree.
 */
class HealthCheckTest {
  private static final ArgoLuaHealth ARGO = new ArgoLuaHealth(GitOpsFiles.read(GitOpsFiles.HEALTH_LUA));

  /** One row: a fixture, what Argo CD must say, what Flux must say, and a part of Argo's message. */
  record Row(String name, Function<CrdKind, Map<String, Object>> resource, String argo, Status flux, String argoMessage) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String WAITING = "CcQueue sales does not exist in this namespace";
  private static final String INVALID = "agentId must be 4 to 8 digits";
  private static final String PAUSED =
      "reconciliation is paused (annotation ccapi.io/paused=true): the platform is neither read nor written";

  static List<Row> rows() {
    return List.of(
        // Flux cannot evaluate an expression over a status that is not there: Unknown, and it waits.
        new Row("no status", k -> StatusFixtures.withoutStatus(k, 1), "Progressing", Status.Unknown, "Waiting for the operator"),
        new Row("status without conditions", k -> StatusFixtures.withEmptyStatus(k, 1), "Progressing", Status.InProgress, "Waiting for the operator"),
        new Row("stale observedGeneration", k -> StatusFixtures.withStatus(k, 3, 2, Reason.Ready, "in sync"), "Progressing", Status.InProgress, "generation 3 not observed yet"),
        new Row("stale observedGeneration, Stalled", k -> StatusFixtures.withStatus(k, 3, 2, Reason.InvalidSpec, INVALID), "Progressing", Status.InProgress, "generation 3 not observed yet"),
        new Row("Ready", k -> StatusFixtures.withStatus(k, 2, 2, Reason.Ready, "in sync"), "Healthy", Status.Current, "in sync"),
        new Row("Reconciling (WaitingForReference)", k -> StatusFixtures.withStatus(k, 1, 1, Reason.WaitingForReference, WAITING), "Progressing", Status.InProgress, WAITING),
        new Row("Stalled (InvalidSpec)", k -> StatusFixtures.withStatus(k, 1, 1, Reason.InvalidSpec, INVALID), "Degraded", Status.Failed, INVALID),
        new Row("Paused", k -> StatusFixtures.withStatus(k, 1, 1, Reason.Paused, PAUSED), "Suspended", Status.InProgress, PAUSED),
        new Row("Ready without message", k -> StatusFixtures.withStatus(k, 1, 1, Reason.Ready, ""), "Healthy", Status.Current, "Ready"));
  }

  static Stream<Arguments> table() {
    List<Arguments> arguments = new ArrayList<>();
    for (CrdKind kind : GitOpsFiles.crdKinds()) {
      for (Row row : rows()) {
        arguments.add(Arguments.of(kind, row));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("table")
  void argoAndFluxGiveTheExpectedHealth(CrdKind kind, Row row) {
    Map<String, Object> resource = row.resource().apply(kind);

    ArgoLuaHealth.Health argo = ARGO.evaluate(resource);
    FluxCelHealth.Health flux = new FluxCelHealth(GitOpsFiles.fluxExprs(kind)).evaluate(resource);

    assertThat(argo.status()).as("Argo CD health").isEqualTo(row.argo());
    assertThat(argo.message()).as("Argo CD message").contains(row.argoMessage());
    assertThat(flux.status()).as("Flux status (error: %s)", flux.error()).isEqualTo(row.flux());
    assertThat(agree(argo.status(), flux.status())).as("Argo %s vs Flux %s", argo.status(), flux.status()).isTrue();
    if (flux.status() == Status.Unknown) {
      assertThat(flux.error()).as("Flux fails only on the missing status").containsIgnoringCase("status");
    }
  }

  static Stream<Arguments> reasons() {
    List<Arguments> arguments = new ArrayList<>();
    for (CrdKind kind : GitOpsFiles.crdKinds()) {
      for (Reason reason : Reason.values()) {
        arguments.add(Arguments.of(kind, reason));
      }
    }
    return arguments.stream();
  }

  /** Every reason in the table, as the operator writes it for the current generation. */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("reasons")
  void everyReasonMapsByItsKind(CrdKind kind, Reason reason) {
    Map<String, Object> resource = StatusFixtures.withStatus(kind, 4, 4, reason, "message for " + reason);

    ArgoLuaHealth.Health argo = ARGO.evaluate(resource);
    FluxCelHealth.Health flux = new FluxCelHealth(GitOpsFiles.fluxExprs(kind)).evaluate(resource);

    String expectedArgo =
        switch (reason.kind()) {
          case READY -> "Healthy";
          case PROGRESSING -> "Progressing";
          case STALLED -> "Degraded";
          case PAUSED -> "Suspended";
        };
    Status expectedFlux =
        switch (reason.kind()) {
          case READY -> Status.Current;
          case PROGRESSING, PAUSED -> Status.InProgress;
          case STALLED -> Status.Failed;
        };
    assertThat(argo.status()).isEqualTo(expectedArgo);
    assertThat(argo.message()).isEqualTo("message for " + reason);
    assertThat(flux.status()).as("Flux (error: %s)", flux.error()).isEqualTo(expectedFlux);
    assertThat(agree(argo.status(), flux.status())).isTrue();
  }

  /**
   * Argo CD health and Flux status say the same thing: Healthy is Current, Degraded is Failed,
   * Progressing is InProgress or (no status yet) Unknown, on which Flux keeps waiting; Suspended has no
   * Flux counterpart and is InProgress, so Flux does not report a paused resource as applied.
   */
  static boolean agree(String argo, Status flux) {
    return switch (argo) {
      case "Healthy" -> flux == Status.Current;
      case "Degraded" -> flux == Status.Failed;
      case "Progressing" -> flux == Status.InProgress || flux == Status.Unknown;
      case "Suspended" -> flux == Status.InProgress;
      default -> false;
    };
  }
}
