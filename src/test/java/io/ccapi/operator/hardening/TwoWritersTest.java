package io.ccapi.operator.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two {@code run} processes on one cluster with the default settings, as in a rolling update: the new
 * pod starts while the old one is converging a tenant. The simulator's request records (User-Agent names
 * the pod) show that only the Lease holder calls the platform; SIGKILLing it hands over within the lease
 * duration plus two retry periods (the standby's retry is jittered), and the new leader carries on alone.
 */
@Tag("hardening")
@Tag("apiserver")
class TwoWritersTest extends ProcessTier {
  static final String NS = "two";
  static final Duration LEASE = LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE;
  static final Duration RETRY = LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE;

  @Test
  void onlyTheLeaderWritesAndKillingItHandsOverWithinTheLeaseTime() {
    Tenant tenant = new Tenant(kube, NS, 3, 30, 60);
    tenant.createApp(simulator.baseUrl());
    OperatorProcess old = operator("ccapi-operator-old", NS, Map.of());
    await().atMost(Duration.ofSeconds(60)).until(() -> old.identity.equals(holder()));
    tenant.createChildren();
    OperatorProcess next = operator("ccapi-operator-new", NS, Map.of());
    assertThat(CrashTest.awaitSpec(tenant, sim, Duration.ofSeconds(120))).isEmpty();
    Map<String, Long> converging = byCaller(sim.requests());
    assertThat(converging).as("callers while %s leads", old.identity).containsOnlyKeys(old.userAgent());
    assertThat(next.alive()).isTrue();

    int seen = sim.requests().size();
    long killed = System.nanoTime();
    old.kill();
    await().atMost(LEASE.plus(RETRY).plusSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> next.identity.equals(holder()));
    double handover = (System.nanoTime() - killed) / 1e9;
    kube.resources(CcQueue.class).inNamespace(NS).withName("q0").edit(q -> {
      q.getSpec().queueName = "renamed after the hand-over";
      return q;
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> sim.state().toString().contains("renamed after the hand-over"));
    List<Sim.Request> after = sim.requests().subList(seen, sim.requests().size());
    Map<String, Long> afterKill = byCaller(after);
    System.out.printf("two-writers: resources=%d calls_while_old_led=%s calls_after_kill=%s handover_s=%.1f lease_s=%d retry_s=%d%n",
        tenant.resources(), converging, afterKill, handover, LEASE.toSeconds(), RETRY.toSeconds());
    assertThat(afterKill).containsOnlyKeys(next.userAgent());
    assertThat(after.stream().filter(Sim.Request::write)).isNotEmpty();
    assertThat(handover).as("hand-over seconds").isLessThanOrEqualTo(LEASE.plus(RETRY.multipliedBy(2)).toSeconds());
    assertThat(tenant.problems(sim)).isEmpty();

    double graceful = gracefulHandOver(next);
    System.out.printf("two-writers: sigterm_handover_s=%.1f retry_s=%d%n", graceful, RETRY.toSeconds());
    assertThat(graceful).as("hand-over seconds after SIGTERM: the lease is released, not left to expire")
        .isLessThan(LEASE.toSeconds() / 2.0);
  }

  /** SIGTERM to the leader, as a rolling update does: the standby takes over once the lease is released. */
  private double gracefulHandOver(OperatorProcess leader) {
    OperatorProcess standby = operator("ccapi-operator-newest", NS, Map.of());
    await().atMost(Duration.ofSeconds(60)).until(() -> standby.output().contains("leader election on"));
    long terminated = System.nanoTime();
    leader.close();
    await().atMost(LEASE.plus(RETRY).plusSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> standby.identity.equals(holder()));
    return (System.nanoTime() - terminated) / 1e9;
  }

  private static String holder() {
    Lease lease = kube.leases().inNamespace(NS).withName(OperatorSettings.LEASE_NAME).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private static Map<String, Long> byCaller(List<Sim.Request> requests) {
    return requests.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.userAgent()), TreeMap::new, Collectors.counting()));
  }
}
