package io.ccapi.operator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.StoredSecret;
import io.ccapi.operator.runtime.EmbeddedCluster;
import io.ccapi.operator.runtime.OperatorKubeClient;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's Secrets read from informers (its own in full, the names of all others): absent, ours and
 * foreign are told apart without a GET per resource, and a foreign Secret is never read or overwritten.
 * On the real API server when it is installed (the label selector {@code managed-by!=ccapi-operator} also
 * selects Secrets without the label).
 */
class ManagedSecretsTest {
  private static final String NS = "default";
  private static EmbeddedCluster cluster;
  private static KubernetesClient counted;
  private static final List<String> requests = new CopyOnWriteArrayList<>();
  private static ManagedSecrets secrets;

  @BeforeAll
  static void start() {
    cluster = EmbeddedCluster.start();
    Interceptor recorder = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        requests.add(request.method() + " " + request.uri().getPath());
      }
    };
    counted = OperatorKubeClient.builder().withConfig(Config.fromKubeconfig(cluster.kubeconfig()))
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("recorder", recorder)).build();
    cluster.client().secrets().inNamespace(NS).resource(plain("someone-elses")).create();
    cluster.client().secrets().inNamespace(NS).resource(labelled("claims-to-be-ours", "another-uid")).create();
    secrets = ManagedSecrets.cached(counted, Set.of(NS));
  }

  @AfterAll
  static void stop() {
    secrets.close();
    counted.close();
    cluster.close();
  }

  @Test
  void absentOursAndForeignAreToldApartWithoutAReadOfTheirOwn() {
    requests.clear();
    assertThat(secrets.read(owner("uid-1"), "nobodys").state()).isEqualTo(StoredSecret.State.ABSENT);
    assertThat(secrets.read(owner("uid-1"), "someone-elses").state()).isEqualTo(StoredSecret.State.FOREIGN);
    assertThat(secrets.read(owner("uid-1"), "claims-to-be-ours").state()).isEqualTo(StoredSecret.State.FOREIGN);
    assertThat(requests).isEmpty();

    secrets.write(owner("uid-1"), "mine", Map.of("password", "p1"));
    assertThat(secrets.read(owner("uid-1"), "mine").data()).containsEntry("password", "p1");
    assertThat(secrets.read(owner("uid-2"), "mine").state()).isEqualTo(StoredSecret.State.FOREIGN);
    assertThat(requests).containsExactly("POST /api/v1/namespaces/" + NS + "/secrets");
  }

  @Test
  void aForeignSecretIsNeverOverwrittenNorSentACreate() {
    requests.clear();
    assertThatThrownBy(() -> secrets.write(owner("uid-1"), "someone-elses", Map.of("password", "p1")))
        .isInstanceOfSatisfying(ReconcileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SecretConflict));
    assertThat(requests).isEmpty();
    assertThat(cluster.client().secrets().inNamespace(NS).withName("someone-elses").get().getData()).containsOnlyKeys("token");
  }

  @Test
  void aForeignSecretMadeAfterTheStartIsSeenByTheWatch() {
    cluster.client().secrets().inNamespace(NS).resource(plain("made-later")).create();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> secrets.read(owner("uid-1"), "made-later").state() == StoredSecret.State.FOREIGN);
  }

  private static CcExtension owner(String uid) {
    CcExtension ext = new CcExtension();
    ext.setMetadata(new ObjectMetaBuilder().withName("ext-" + uid).withNamespace(NS).withUid(uid).build());
    return ext;
  }

  private static Secret plain(String name) {
    return new SecretBuilder().withNewMetadata().withName(name).endMetadata().addToData("token", "c2VjcmV0").build();
  }

  private static Secret labelled(String name, String ownerUid) {
    return new SecretBuilder(plain(name)).editMetadata()
        .addToLabels(ManagedSecrets.MANAGED_BY_LABEL, ManagedSecrets.MANAGED_BY)
        .addToLabels(ManagedSecrets.OWNER_UID_LABEL, ownerUid)
        .endMetadata().build();
  }
}
