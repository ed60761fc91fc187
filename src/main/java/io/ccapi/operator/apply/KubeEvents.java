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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about our resources, recorded off the reconcile thread: a reconcile hands the Event
 * over and goes on. The Event name is derived from the object, reason and message, so a repeat bumps
 * {@code count} on the same Event instead of piling up new ones, and repeats handed over before the
 * first was sent go out as one request. Failing to record an Event never fails a reconcile.
 */
public final class KubeEvents implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);
  private static final String COMPONENT = "ccapi-operator";
  private static final int HTTP_CONFLICT = 409;

  /** An Event waiting to be sent, and how many repeats it carries. */
  private record Waiting(Event event, int count) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kube-events");
    t.setDaemon(true);
    return t;
  });

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

  /** Waits until every Event handed over so far was sent (or failed). */
  public void flush() {
    try {
      sender.submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("events not flushed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    sender.shutdown();
  }

  private void record(HasMetadata about, String type, String reason, String message) {
    String name =
        KubeNames.derived(about.getMetadata().getName(), "." + DigestUtils.sha1Hex(about.getMetadata().getUid() + reason + message).substring(0, 16));
    Event event = event(about, name, type, reason, message, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    Waiting merged = waiting.merge(name, new Waiting(event, 1), (old, now) -> new Waiting(now.event(), old.count() + 1));
    if (merged.count() == 1) {
      try {
        sender.execute(() -> send(name));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        waiting.remove(name);
      }
    }
  }

  private void send(String name) {
    Waiting w = waiting.remove(name);
    if (w == null) {
      return;
    }
    Event event = w.event();
    String namespace = event.getMetadata().getNamespace();
    try {
      try {
        event.setCount(w.count());
        client.v1().events().inNamespace(namespace).resource(event).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HTTP_CONFLICT) {
          throw e;
        }
        // a repeat: most events are new, so creating first saves a read
        client.v1().events().inNamespace(namespace).withName(name).edit(existing -> {
          existing.setCount((existing.getCount() == null ? 1 : existing.getCount()) + w.count());
          existing.setLastTimestamp(event.getLastTimestamp());
          return existing;
        });
      }
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} for {}/{}: {}", event.getReason(), namespace, event.getInvolvedObject().getName(), e.getMessage());
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
