package io.ccapi.operator.apply;

import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.KubeNames;
import io.ccapi.operator.plan.Reason;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about our resources. The Event name is derived from the object, reason and message,
 * so a repeat bumps {@code count} on the same Event instead of piling up new ones. Failing to record an
 * Event never fails a reconcile.
 */
public final class KubeEvents {
  private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);
  private static final String COMPONENT = "ccapi-operator";
  private static final int HTTP_CONFLICT = 409;

  private final KubernetesClient client;
  private final Clock clock;

  public KubeEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata about, EventReason reason, String message) {
    record(about, "Normal", reason.name(), message);
  }

  public void warning(HasMetadata about, EventReason reason, String message) {
    record(about, "Warning", reason.name(), message);
  }

  /** A Warning about a failure, under the reason its condition carries. */
  public void warning(HasMetadata about, Reason reason, String message) {
    record(about, "Warning", reason.name(), message);
  }

  private void record(HasMetadata about, String type, String reason, String message) {
    String namespace = about.getMetadata().getNamespace();
    String name =
        KubeNames.derived(about.getMetadata().getName(), "." + DigestUtils.sha1Hex(about.getMetadata().getUid() + reason + message).substring(0, 16));
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      try {
        client.v1().events().inNamespace(namespace).resource(event(about, name, type, reason, message, now)).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HTTP_CONFLICT) {
          throw e;
        }
        // a repeat: most events are new, so creating first saves a read
        client.v1().events().inNamespace(namespace).withName(name).edit(existing -> {
          existing.setCount(existing.getCount() == null ? 2 : existing.getCount() + 1);
          existing.setLastTimestamp(now);
          return existing;
        });
      }
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} for {}/{}: {}", reason, namespace, about.getMetadata().getName(), e.getMessage());
    }
  }

  private static Event event(HasMetadata about, String name, String type, String reason, String message, String now) {
    String namespace = about.getMetadata().getNamespace();
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(about.getApiVersion())
                .withKind(about.getKind())
                .withName(about.getMetadata().getName())
                .withNamespace(namespace)
                .withUid(about.getMetadata().getUid())
                .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(1)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource(COMPONENT, null)
        .withReportingComponent(COMPONENT)
        .build();
  }
}
