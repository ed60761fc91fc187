package io.ccapi.operator.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives up the leader lease on a graceful shutdown, so a standby takes over within a retry period instead
 * of waiting out the lease. JOSDK 5.2.3 builds Fabric8's LeaderElectionConfig with releaseOnCancel off
 * and does not expose it, so this does what Fabric8's release does: empty holder, a one-second lease.
 */
final class LeaseRelease {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseRelease.class);

  private LeaseRelease() {}

  /** Releases the lease {@code namespace/name} if {@code identity} holds it; a lease someone else holds is left alone. */
  static void release(KubernetesClient kube, String namespace, String name, String identity) {
    try {
      var lease = kube.leases().inNamespace(namespace).withName(name);
      if (lease.get() == null || !identity.equals(lease.get().getSpec().getHolderIdentity())) {
        return;
      }
      lease.edit(l -> {
        if (identity.equals(l.getSpec().getHolderIdentity())) {
          l.getSpec().setHolderIdentity("");
          l.getSpec().setLeaseDurationSeconds(1);
          l.getSpec().setRenewTime(ZonedDateTime.now());
        }
        return l;
      });
      LOG.info("released the leader lease {}/{}", namespace, name);
    } catch (KubernetesClientException e) {
      LOG.warn("could not release the leader lease {}/{} ({}); a standby takes over when it expires", namespace, name, e.getMessage());
    }
  }
}
