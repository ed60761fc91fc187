package io.ccapi.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A graceful shutdown gives up the lease this process holds, and only that one. */
class LeaseReleaseTest {
  private static EmbeddedCluster cluster;
  private static KubernetesClient kube;

  @BeforeAll
  static void start() {
    cluster = EmbeddedCluster.startMock();
    kube = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static void lease(String name, String holder) {
    kube.leases().inNamespace("ops").resource(new LeaseBuilder().withNewMetadata().withName(name).withNamespace("ops").endMetadata()
        .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(15).withRenewTime(ZonedDateTime.now()).endSpec().build()).create();
  }

  @Test
  void theHoldersLeaseIsReleasedAndAnotherHoldersIsLeftAlone() {
    lease("mine", "pod-a");
    lease("theirs", "pod-b");
    LeaseRelease.release(kube, "ops", "mine", "pod-a");
    LeaseRelease.release(kube, "ops", "theirs", "pod-a");
    LeaseRelease.release(kube, "ops", "absent", "pod-a");

    Lease mine = kube.leases().inNamespace("ops").withName("mine").get();
    assertThat(mine.getSpec().getHolderIdentity()).isEmpty();
    assertThat(mine.getSpec().getLeaseDurationSeconds()).isEqualTo(1);
    Lease theirs = kube.leases().inNamespace("ops").withName("theirs").get();
    assertThat(theirs.getSpec().getHolderIdentity()).isEqualTo("pod-b");
    assertThat(theirs.getSpec().getLeaseDurationSeconds()).isEqualTo(15);
  }
}
