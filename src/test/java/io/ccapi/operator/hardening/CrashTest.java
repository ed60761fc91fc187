package io.ccapi.operator.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.reconciler.Conditions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator process SIGKILLed at random moments while it converges a 201-resource tenant, restarted
 * each time; a run of lives has the simulator's lost answers on. Most kills land just after a write
 * reached the simulator (the simulator's write count picks the moment, and its latency keeps that write
 * and others in flight), some during start-up. The tenant's CcApp is Ready before the kills start: the one
 * app create is not what this test measures (an app create whose answer is lost is found again by the
 * AppId the operator sent; see LostAnswerTest).
 */
@Tag("hardening")
@Tag("apiserver")
class CrashTest extends ProcessTier {
  static final int KILLS = 21;
  static final String NS = "crash";
  /** The operator's own log level (-Dccapi.crash.logLevel=DEBUG logs every operation, to target/hardening/). */
  static final Map<String, String> LOG = Map.of("CCAPI_LOG_LEVEL", System.getProperty("ccapi.crash.logLevel", "INFO"));

  @Test
  void sigkilledAtRandomMomentsWhileWritingTheTenantStillEqualsTheSpec() {
    long seed = Long.getLong("ccapi.crash.seed", System.nanoTime());
    Random dice = new Random(seed);
    Tenant tenant = new Tenant(kube, NS, 5, 65, 130);
    tenant.createApp(simulator.baseUrl());
    OperatorProcess first = operator("crash-op", NS, Map.of());
    await().atMost(Duration.ofSeconds(90)).until(() -> isReady(tenant));
    first.kill();
    sim.faults("{\"latencyMs\":30,\"jitterMs\":30}");
    tenant.createChildren();

    int onWrite = 0;
    int atStartUp = 0;
    int lostAnswerLives = 0;
    for (int i = 0; i < KILLS; i++) {
      boolean lost = i >= 10 && i < 15;
      lostAnswerLives += lost ? 1 : 0;
      sim.faults("{\"lostAnswerRate\":" + (lost ? 0.2 : 0) + "}");
      OperatorProcess p = operator("crash-op", NS, LOG);
      if (i % 7 == 6) {
        sleep(300 + dice.nextInt(2500));
        atStartUp++;
      } else if (killAfterWrites(3 + dice.nextInt(28))) {
        onWrite++;
      }
      p.kill();
    }
    sim.faults("{\"lostAnswerRate\":0,\"latencyMs\":10,\"jitterMs\":0}");
    long writesBeforeLastLife = sim.writes();
    long last = System.nanoTime();
    operator("crash-op", NS, LOG);
    List<String> problems = awaitSpec(tenant, sim, Duration.ofSeconds(150));
    System.out.printf("crash: seed=%d resources=%d kills=%d on_write=%d at_start_up=%d lost_answer_lives=%d requests=%d writes=%d"
            + " last_life_writes=%d last_life_converge_s=%.1f problems=%d%n",
        seed, tenant.resources(), KILLS, onWrite, atStartUp, lostAnswerLives, sim.total(), sim.writes(),
        sim.writes() - writesBeforeLastLife, (System.nanoTime() - last) / 1e9, problems.size());
    if (!problems.isEmpty()) {
      kube.v1().events().inNamespace(NS).list().getItems().stream()
          .filter(e -> problems.stream().anyMatch(p -> p.startsWith(e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName() + ":")))
          .forEach(e -> System.out.printf("crash: event %s/%s %s x%d: %s%n", e.getInvolvedObject().getKind(), e.getInvolvedObject().getName(),
              e.getReason(), e.getCount(), e.getMessage()));
    }
    assertThat(problems).as("seed %d", seed).isEmpty();
    assertThat(onWrite).as("kills that landed on a write in flight").isGreaterThanOrEqualTo(KILLS - atStartUp - 2);
  }

  private static boolean isReady(Tenant tenant) {
    CcApp app = kube.resources(CcApp.class).inNamespace(tenant.ns()).withName(Tenant.APP).get();
    return app != null && Conditions.isReady(app.getStatus());
  }

  /** Waits until {@code n} more writes reached the simulator (true), or 20 s without them (false). */
  private boolean killAfterWrites(int n) {
    long target = sim.writes() + n;
    try {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> sim.writes() >= target);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /**
   * Polls until nothing differs from the spec; returns what still differs when the time is up, or 30 s
   * after every resource turned Ready (what is wrong then stays wrong).
   */
  static List<String> awaitSpec(Tenant tenant, Sim sim, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    List<String> problems;
    do {
      sleep(2000);
      boolean ready = tenant.ready() == tenant.resources();
      if (ready) {
        deadline = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(30).toNanos());
      }
      problems = ready ? tenant.problems(sim) : tenant.notReady();
    } while (!problems.isEmpty() && System.nanoTime() < deadline);
    return problems;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
