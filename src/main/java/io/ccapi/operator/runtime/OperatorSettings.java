package io.ccapi.operator.runtime;

import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs. {@code useServerSideApply} is true in production; only tests against the
 * Fabric8 mock server (which answers SSA with 415) turn it off.
 */
public record OperatorSettings(
    Set<String> namespaces,
    Duration pollInterval,
    Duration connectTimeout,
    Duration readTimeout,
    boolean useServerSideApply) {

  public static OperatorSettings defaults() {
    return new OperatorSettings(Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(15), true);
  }

  public OperatorSettings withPollInterval(Duration poll) {
    return new OperatorSettings(namespaces, poll, connectTimeout, readTimeout, useServerSideApply);
  }

  public OperatorSettings withServerSideApply(boolean ssa) {
    return new OperatorSettings(namespaces, pollInterval, connectTimeout, readTimeout, ssa);
  }

  public OperatorSettings withNamespaces(Set<String> watched) {
    return new OperatorSettings(watched, pollInterval, connectTimeout, readTimeout, useServerSideApply);
  }

  public OperatorSettings withTimeouts(Duration connect, Duration read) {
    return new OperatorSettings(namespaces, pollInterval, connect, read, useServerSideApply);
  }
}
