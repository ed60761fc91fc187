package io.ccapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcSubscription;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A new operator process knows nothing but what the cluster and the platform hold: it must pick every
 * resource up where the last one left it, create nothing twice, and still act on spec changes made while
 * no operator ran.
 */
class RestartTest extends ControllerTest {
  @Test
  void aRestartedOperatorDuplicatesNothingAndCatchesUpWithEditsMadeWhileDown() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.extension(ns, "e", "tenant", "8101", s -> {});
    h.agent(ns, "alice", "tenant", "1001", s -> {
      s.createExtension = true;
      s.extensionRefs = List.of("e");
      s.queueRefs = List.of("q");
    });
    h.subscription(ns, "sub", "tenant", s -> {});
    h.awaitReady(CcAgent.class, ns, "alice");
    h.awaitReady(CcSubscription.class, ns, "sub");
    String password = h.secret(ns, "e-sip").get("password");
    String ownPassword = h.secret(ns, "alice-extensions").get("password");
    long subscriptionId = h.get(CcSubscription.class, ns, "sub").getStatus().subscriptionId;

    h.restartOperator();
    h.edit(CcQueue.class, ns, "q", q -> q.getSpec().queueName = "Renamed while restarting");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> h.platform.listQueues(appId).get(0).name().equals("Renamed while restarting"));
    for (var kind : List.of(CcApp.class, CcQueue.class, CcExtension.class, CcAgent.class, CcSubscription.class)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> h.kube.resources(kind).inNamespace(ns).list().getItems().stream()
          .allMatch(r -> Conditions.isReady(r.getStatus())));
    }

    JsonNode app = h.simApp(appId);
    assertThat(tenantsNamed("Tenant tenant")).isEqualTo(1);
    assertThat(app.get("queues")).hasSize(1);
    assertThat(app.get("agents")).hasSize(1);
    assertThat(app.get("extensions")).hasSize(2); // e, and the one created with alice
    assertThat(h.platform.listSubscriptions(appId)).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(subscriptionId));
    assertThat(h.secret(ns, "e-sip").get("password")).isEqualTo(password);
    assertThat(h.secret(ns, "alice-extensions").get("password")).isEqualTo(ownPassword);
  }

  private long tenantsNamed(String name) {
    long n = 0;
    for (JsonNode a : h.simState().get("apps")) {
      if (name.equals(a.path("name").asText())) {
        n++;
      }
    }
    return n;
  }
}
