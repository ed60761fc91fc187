package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.Claim;
import static io.ccapi.operator.reconciler.OperatorHarness.claimedId;
import io.ccapi.operator.plan.Reason;
import static io.ccapi.operator.reconciler.OperatorHarness.condition;
import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.crd.CcSubscription;
import io.ccapi.operator.crd.DeletionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CcSubscriptionReconcilerTest extends ControllerTest {
  private static Optional<Subscriptions.Subscription> platformSubscription(String appId, String name) {
    return h.platform.listSubscriptions(appId).stream().filter(s -> name.equals(s.name())).findFirst();
  }

  @Test
  void createsTheSubscriptionAndRecordsItsId() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.subscription(ns, "calls", "tenant", s -> {});
    CcSubscription sub = h.awaitReady(CcSubscription.class, ns, "calls");

    List<Subscriptions.Subscription> all = h.platform.listSubscriptions(appId);
    assertThat(all).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo(sub.getStatus().subscriptionId);
      assertThat(s.name()).isEqualTo("calls");
      assertThat(s.callback()).isEqualTo("https://hooks.example.com/calls");
      assertThat(s.events()).containsExactlyInAnyOrder("user_ringing", "user_hangup");
      assertThat(s.enable()).isTrue();
    });
    assertThat(claimedId(sub)).isEqualTo(Long.toString(sub.getStatus().subscriptionId));
    assertThat(OperatorHarness.claim(sub)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(Claim.State.CREATED));
    assertThat(readyMessage(sub)).contains(Long.toString(sub.getStatus().subscriptionId));
  }

  @Test
  void specEditsReachThePlatformAndDriftIsUndone() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.subscription(ns, "calls", "tenant", s -> {});
    long id = h.awaitReady(CcSubscription.class, ns, "calls").getStatus().subscriptionId;

    h.edit(CcSubscription.class, ns, "calls", s -> {
      s.getSpec().events = List.of(Events.Name.user_answer);
      s.getSpec().enabled = false;
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(platformSubscription(appId, "calls")).hasValueSatisfying(s -> {
      assertThat(s.id()).isEqualTo(id);
      assertThat(s.events()).containsExactly("user_answer");
      assertThat(s.enable()).isFalse();
    }));

    // changed behind the operator's back: restored
    h.platform.updateSubscription(appId, id, new Subscriptions.Subscription(null, "https://elsewhere.example.com/", "calls", List.of("user_ringing"), true));
    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(platformSubscription(appId, "calls")).hasValueSatisfying(s -> {
      assertThat(s.callback()).isEqualTo("https://hooks.example.com/calls");
      assertThat(s.events()).containsExactly("user_answer");
      assertThat(s.enable()).isFalse();
    }));

    // deleted behind the operator's back: created again, with a new id that status and annotation follow
    h.platform.deleteSubscription(appId, id);
    await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).until(() -> platformSubscription(appId, "calls").isPresent());
    Subscriptions.Subscription again = platformSubscription(appId, "calls").orElseThrow();
    assertThat(again.id()).isNotEqualTo(id);
    assertThat(again.events()).containsExactly("user_answer");
    // the platform creates subscriptions enabled; the disabling PUT follows the create
    await().atMost(Duration.ofSeconds(5)).until(() -> Boolean.FALSE.equals(platformSubscription(appId, "calls").orElseThrow().enable()));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      CcSubscription sub = h.get(CcSubscription.class, ns, "calls");
      assertThat(sub.getStatus().subscriptionId).isEqualTo(again.id());
      assertThat(claimedId(sub)).isEqualTo(Long.toString(again.id()));
    });
    assertThat(h.platform.listSubscriptions(appId)).hasSize(1);
  }

  @Test
  void deletionRemovesTheSubscriptionAndOrphanKeepsIt() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.subscription(ns, "gone", "tenant", s -> {});
    h.subscription(ns, "kept", "tenant", s -> s.deletionPolicy = DeletionPolicy.Orphan);
    h.awaitReady(CcSubscription.class, ns, "gone");
    h.awaitReady(CcSubscription.class, ns, "kept");

    h.delete(CcSubscription.class, ns, "gone");
    h.delete(CcSubscription.class, ns, "kept");
    h.awaitGone(CcSubscription.class, ns, "gone");
    h.awaitGone(CcSubscription.class, ns, "kept");
    assertThat(h.platform.listSubscriptions(appId)).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("kept"));
  }

  @Test
  void aSubscriptionRefusedByThePlatformIsInvalidSpecUntilFixed() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.subscription(ns, "calls", "tenant", s -> s.callbackUrl = "ftp://hooks.example.com/calls");
    CcSubscription invalid = h.awaitReason(CcSubscription.class, ns, "calls", Reason.InvalidSpec);
    assertThat(condition(invalid.getStatus(), "Stalled").getStatus()).isEqualTo("True");
    assertThat(readyMessage(invalid)).contains("calls", "spec.callbackUrl");
    // each wake by its CcApp (still settling) sends the create again: once they stop, no claim is left
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(OperatorHarness.claim(h.get(CcSubscription.class, ns, "calls"))).isEmpty());
    assertThat(h.platform.listSubscriptions(appId)).isEmpty();

    h.edit(CcSubscription.class, ns, "calls", s -> s.getSpec().callbackUrl = "https://hooks.example.com/calls");
    CcSubscription ready = h.awaitReady(CcSubscription.class, ns, "calls");
    assertThat(readyMessage(ready)).doesNotContain("refused");
    assertThat(condition(ready.getStatus(), "Stalled").getStatus()).isEqualTo("False");
    assertThat(h.platform.listSubscriptions(appId)).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(ready.getStatus().subscriptionId));
  }

  @Test
  void anExistingSubscriptionIsAdoptedByItsPlatformNameOnlyWithTheAdoptAnnotation() {
    String ns = h.namespace();
    String appId = tenant(ns);
    h.platform.createSubscriptions(appId, List.of(new Subscriptions.Subscription(null, "https://crm.example.com/", "crm-calls", List.of("user_ringing"), true)));
    long existing = platformSubscription(appId, "crm-calls").orElseThrow().id();

    h.subscription(ns, "calls", "tenant", s -> s.name = "crm-calls");
    CcSubscription refused = h.awaitReason(CcSubscription.class, ns, "calls", Reason.AlreadyExists);
    assertThat(readyMessage(refused)).contains("crm-calls", "ccapi.io/adopt=true");
    assertThat(platformSubscription(appId, "crm-calls").orElseThrow().callback()).isEqualTo("https://crm.example.com/");

    h.annotate(CcSubscription.class, ns, "calls", io.ccapi.operator.crd.Annotations.ADOPT, "true");
    CcSubscription adopted = h.awaitReady(CcSubscription.class, ns, "calls");
    assertThat(adopted.getStatus().subscriptionId).isEqualTo(existing);
    assertThat(h.platform.listSubscriptions(appId)).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("crm-calls");
      assertThat(s.callback()).isEqualTo("https://hooks.example.com/calls");
    });
  }
}
