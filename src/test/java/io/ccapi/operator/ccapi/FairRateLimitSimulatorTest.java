package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.simulator.CcapiSimulator;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Over real HTTP: one endpoint's rate limit is shared fairly, so a busy app does not starve a quiet one. */
class FairRateLimitSimulatorTest {
  @Test
  void aQuietAppsFewCallsCompleteWhileABusyAppStillHasMostOfItsThousandWaiting() throws Exception {
    try (CcapiSimulator sim = CcapiSimulator.start(SimulatorConfig.ephemeral());
        CcapiClientFactory factory = new CcapiClientFactory(Duration.ofSeconds(5), Duration.ofSeconds(120), 200, CcapiClient.CallRecorder.NONE, Clock.systemUTC())) {
      CcapiClient client = factory.create(sim.baseUrl(), new CcapiCredentials(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN));
      String busy = client.createApp(new Apps.CreateRequest("busy", Apps.TYPE_CALL_CENTER, "", null, null)).appId();
      String quiet = client.createApp(new Apps.CreateRequest("quiet", Apps.TYPE_CALL_CENTER, "", null, null)).appId();
      ExecutorService busyCallers = Executors.newFixedThreadPool(64);
      AtomicInteger busyDone = new AtomicInteger();
      for (int i = 0; i < 1000; i++) {
        busyCallers.execute(() -> {
          client.listQueues(busy);
          busyDone.incrementAndGet();
        });
      }
      while (busyDone.get() == 0) {
        Thread.onSpinWait(); // the busy app's calls are flowing (and 64 of them queue at any moment)
      }

      ExecutorService quietCallers = Executors.newFixedThreadPool(3);
      List<Future<?>> quietCalls = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        quietCalls.add(quietCallers.submit(() -> client.listQueues(quiet)));
      }
      for (Future<?> f : quietCalls) {
        f.get();
      }
      int busyWhenQuietFinished = busyDone.get();

      busyCallers.shutdown();
      assertThat(busyCallers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      quietCallers.shutdown();
      assertThat(busyDone.get()).isEqualTo(1000);
      // turns alternate between the apps: the quiet app's 3 calls wait behind a handful of the busy one's
      assertThat(busyWhenQuietFinished).isLessThan(500);
    }
  }
}
