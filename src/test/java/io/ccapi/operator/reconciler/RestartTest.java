package io.ccapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.WebhookEventCategory;
import io.ccapi.operator.plan.IvrSpecs;
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

  /**
   * Webhook events have no read: what was sent lives in the CcApp's status, which a new process reads, so
   * it sends nothing again; the IVR and the relay number are observed and found in place.
   */
  @Test
  void aRestartedOperatorSendsTheTenantConfigurationNoSecondTime() {
    String ns = h.namespace();
    h.app(ns, "configured", s -> {
      s.defaultSpNumber = "057126200670";
      s.webhookEvents = List.of(new WebhookEventCategory(Events.Category.ext_state, List.of(Events.Name.ext_state)));
    });
    h.awaitReady(CcApp.class, ns, "configured");
    h.ivr(ns, "ivr", "configured", s -> s.voiceFiles = List.of(IvrSpecs.file("a.wav", "A")));
    h.awaitReady(CcIvr.class, ns, "ivr");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.get(CcApp.class, ns, "configured").getStatus().webhookEvents != null
        && h.get(CcIvr.class, ns, "ivr").getStatus().voiceFiles != null);
    List<Long> before = writes();

    h.restartOperator();
    String appId = h.appId(ns, "configured");
    long reads = h.simCalls("GET ivrs/vfiles");
    await().atMost(Duration.ofSeconds(30)).until(() -> h.simCalls("GET ivrs/vfiles") >= reads + 2); // two polls of the new process

    assertThat(writes()).isEqualTo(before);
    assertThat(h.simApp(appId).get("defSpNumber").asText()).isEqualTo("057126200670");
    assertThat(h.get(CcIvr.class, ns, "ivr").getStatus().voiceFiles).containsExactly("a.wav");
  }

  private static List<Long> writes() {
    return List.of(h.simCalls("PUT webhooks/events"), h.simCalls("PUT spnumbers/default"), h.simCalls("POST ivrs/vfiles"));
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
