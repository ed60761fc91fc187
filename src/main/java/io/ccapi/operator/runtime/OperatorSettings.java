package io.ccapi.operator.runtime;

import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs. {@code useServerSideApply} is true in production; only tests against the
 * Fabric8 mock server (which answers SSA with 415) turn it off. {@code leaseNamespace} null means no
 * leader election.
 */
public record OperatorSettings(
    Set<String> namespaces,
    Duration pollInterval,
    Duration connectTimeout,
    Duration readTimeout,
    int ccapiCallsPerSecond,
    boolean useServerSideApply,
    String leaseNamespace,
    Duration unboundExtensionCheck) {

  public static final String LEASE_NAME = "ccapi-operator";

  public static OperatorSettings defaults() {
    return new OperatorSettings(Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(15), 0, true, null, Duration.ofMinutes(10));
  }

  public OperatorSettings withPollInterval(Duration poll) {
    return new OperatorSettings(namespaces, poll, connectTimeout, readTimeout, ccapiCallsPerSecond, useServerSideApply, leaseNamespace, unboundExtensionCheck);
  }

  public OperatorSettings withServerSideApply(boolean ssa) {
    return new OperatorSettings(namespaces, pollInterval, connectTimeout, readTimeout, ccapiCallsPerSecond, ssa, leaseNamespace, unboundExtensionCheck);
  }

  public OperatorSettings withNamespaces(Set<String> watched) {
    return new OperatorSettings(watched, pollInterval, connectTimeout, readTimeout, ccapiCallsPerSecond, useServerSideApply, leaseNamespace, unboundExtensionCheck);
  }

  public OperatorSettings withTimeouts(Duration connect, Duration read) {
    return new OperatorSettings(namespaces, pollInterval, connect, read, ccapiCallsPerSecond, useServerSideApply, leaseNamespace, unboundExtensionCheck);
  }

  public OperatorSettings withRateLimit(int callsPerSecond) {
    return new OperatorSettings(namespaces, pollInterval, connectTimeout, readTimeout, callsPerSecond, useServerSideApply, leaseNamespace, unboundExtensionCheck);
  }

  /** How often an extension bound to no seat is checked (by a create, the only way the API offers). */
  public OperatorSettings withUnboundExtensionCheck(Duration every) {
    return new OperatorSettings(namespaces, pollInterval, connectTimeout, readTimeout, ccapiCallsPerSecond, useServerSideApply, leaseNamespace, every);
  }

  public OperatorSettings withLeaderElection(String namespace) {
    return new OperatorSettings(namespaces, pollInterval, connectTimeout, readTimeout, ccapiCallsPerSecond, useServerSideApply, namespace, unboundExtensionCheck);
  }
}
