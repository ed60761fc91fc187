package io.ccapi.operator.cli.plan;

import io.ccapi.operator.crd.Annotations;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.plan.Claim;
import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.Records;
import io.ccapi.operator.plan.StoredSecret;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's records for a manifest, as the reconcilers read them, from the live object of the same
 * kind, namespace and name: its claim (bound to the LIVE uid) and the Secret the operator keeps for it
 * (its record only per {@link OwnershipRule#isOurSecret}). A manifest not in the cluster has no claim, and
 * a Secret under the operator's name is then someone else's. Without a cluster there are no records and
 * adoption is assumed, as under managementPolicy Observe.
 */
public final class RecordSource {
  private final LiveCluster cluster;

  public RecordSource(LiveCluster cluster) {
    this.cluster = cluster;
  }

  /** Whether records are read: false without a cluster (ownership is not checked). */
  public boolean known() {
    return cluster.connected();
  }

  /** @param secretName the Secret the operator keeps for this resource, or null */
  public <R extends CcResource<?, ?>> Records records(R manifest, String secretName) {
    if (!known()) {
      return Records.none(secretName).withAdoptAllowed(true);
    }
    Optional<? extends CcResource<?, ?>> live = live(manifest);
    String uid = live.map(r -> r.getMetadata().getUid()).orElse(null);
    Optional<Claim> claim = live.flatMap(r -> Claim.of(annotation(r.getMetadata().getAnnotations()), uid));
    boolean adopt = adoptAllowed(manifest, live);
    StoredSecret secret = secretName == null ? StoredSecret.absent(null) : stored(manifest.getMetadata().getNamespace(), secretName, uid);
    return new Records(claim, adopt, secret);
  }

  /**
   * The live object's status: what only the operator's earlier runs know (webhook events sent, voice
   * files registered). Empty without a cluster or a live object.
   */
  public <S extends CcStatus, R extends CcResource<?, S>> Optional<S> liveStatus(R manifest) {
    return known() ? live(manifest).map(CcResource::getStatus) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private <R extends CcResource<?, ?>> Optional<R> live(R manifest) {
    return cluster.get((Class<R>) manifest.getClass(), manifest.getMetadata().getNamespace(), manifest.getMetadata().getName());
  }

  /** The manifest's adopt annotation when it sets one (apply would write it), else the live object's. */
  private static boolean adoptAllowed(CcResource<?, ?> manifest, Optional<? extends CcResource<?, ?>> live) {
    Map<String, String> own = manifest.getMetadata().getAnnotations();
    if (own != null && own.containsKey(Annotations.ADOPT)) {
      return manifest.adoptionAllowed();
    }
    return live.map(CcResource::adoptionAllowed).orElse(false);
  }

  private StoredSecret stored(String namespace, String name, String ownerUid) {
    return StoredSecret.of(name, cluster.secret(namespace, name).orElse(null), ownerUid);
  }

  private static String annotation(Map<String, String> annotations) {
    return annotations == null ? null : annotations.get(Annotations.CLAIM);
  }
}
