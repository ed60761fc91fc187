package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcQueueSpec;
import io.ccapi.operator.crd.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Queues, extensions and seats of an exported tenant. Each holds exactly what the platform shows, so that
 * its planner finds nothing to change; a platform object the CRD cannot hold as it is (and every seat
 * bound to one) is reported instead of exported.
 */
final class ChildManifests {
  private final Resources resources;
  private final List<String> notExported;
  /** Exported platform id to resource name, per kind: what seats may reference. */
  private final Map<String, String> queueNames = new TreeMap<>(Resources.BY_ID);
  private final Map<String, String> extensionNames = new TreeMap<>(Resources.BY_ID);
  private final ResourceNames queueNamer = new ResourceNames();
  private final ResourceNames extensionNamer = new ResourceNames();
  private final ResourceNames agentNamer = new ResourceNames();

  ChildManifests(Resources resources, List<String> notExported) {
    this.resources = resources;
    this.notExported = notExported;
  }

  List<CcQueue> queues(List<Queues.Info> queues) {
    List<CcQueue> out = new ArrayList<>();
    queues.stream().sorted((a, b) -> Resources.BY_ID.compare(a.queueId(), b.queueId())).forEach(q -> attempt("queue " + q.queueId(), () -> {
      CcQueueSpec spec = resources.child(new CcQueueSpec());
      spec.queueId = NotExportable.fit("queueId", q.queueId(), Patterns.QUEUE_ID);
      spec.queueName = NotExportable.length("queue name", q.name(), 1, 64);
      spec.strategy = NotExportable.oneOf("strategy", q.strategy(), CcQueueSpec.Strategy.class);
      spec.timeoutSeconds = q.timeout();
      spec.maxLength = q.maxLength();
      String name = queueNamer.unique(ResourceNames.withId("queue", q.name(), q.queueId()));
      CcQueue queue = resources.named(new CcQueue(), name);
      queue.setSpec(spec);
      out.add(queue);
      queueNames.put(q.queueId(), name);
    }));
    return out;
  }

  /** The name of the CcQueue exported for {@code queueId}, null when it was not exported. */
  String queueName(String queueId) {
    return queueNames.get(queueId);
  }

  /** One CcExtension per extension bound to a seat: the API lists extensions nowhere else. */
  List<CcExtension> extensions(List<Agents.Details> seats) {
    List<String> numbers = seats.stream().flatMap(s -> refs(s).stream()).distinct().sorted(Resources.BY_ID).toList();
    List<CcExtension> out = new ArrayList<>();
    numbers.forEach(number -> attempt("extension " + number, () -> {
      CcExtensionSpec spec = resources.child(new CcExtensionSpec());
      spec.extension = NotExportable.fit("extension", number, Patterns.EXTENSION);
      String name = extensionNamer.unique(ResourceNames.withId("ext", null, number));
      CcExtension extension = resources.named(new CcExtension(), name);
      extension.setSpec(spec);
      out.add(extension);
      extensionNames.put(number, name);
    }));
    return out;
  }

  /** Seats, after {@link #queues} and {@link #extensions}: their references name those resources. */
  List<CcAgent> agents(List<Agents.Details> seats) {
    List<CcAgent> out = new ArrayList<>();
    seats.stream().sorted((a, b) -> Resources.BY_ID.compare(a.agentId(), b.agentId()))
        .forEach(seat -> attempt("agent " + seat.agentId(), () -> out.add(agent(seat))));
    return out;
  }

  private CcAgent agent(Agents.Details seat) {
    CcAgentSpec spec = resources.child(new CcAgentSpec());
    spec.agentId = NotExportable.fit("agentId", seat.agentId(), Patterns.AGENT_ID);
    spec.workId = NotExportable.fit("workId", Objects.requireNonNullElse(seat.workId(), ""), Patterns.WORK_ID);
    spec.displayName = AppManifest.blankToNull(NotExportable.length("name", seat.name(), 0, 64));
    spec.mobile = NotExportable.fit("mobile", AppManifest.blankToNull(seat.mobile()), Patterns.PHONE);
    spec.email = NotExportable.length("email", NotExportable.fit("email", AppManifest.blankToNull(seat.email()), Patterns.EMAIL), 0, 128);
    spec.role = NotExportable.oneOf("role", seat.role(), CcAgentSpec.Role.class);
    spec.enabled = !Boolean.FALSE.equals(seat.enable());
    spec.wrapUpTime = NotExportable.atLeast("wrapUpTime", seat.wrapUpTime(), 0);
    spec.createExtension = null; // only read at creation: the seat exists
    spec.extensionRefs = references(refs(seat), extensionNames, "extension");
    spec.queueRefs = references(Objects.requireNonNullElse(seat.queues(), List.of()), queueNames, "queue");
    List<String> relay = Objects.requireNonNullElse(seat.defSpNumber(), List.of());
    spec.defaultSpNumber = NotExportable.fit("defaultSpNumber", relay.stream().filter(n -> !n.isBlank()).findFirst().orElse(null), "^[0-9]{3,20}$");
    CcAgent agent = resources.named(new CcAgent(), agentNamer.unique(ResourceNames.withId("agent", seat.name(), seat.agentId())));
    agent.setSpec(spec);
    return agent;
  }

  /** The resource names of bound platform ids; a binding the manifests could not keep stops the seat. */
  private static List<String> references(List<String> ids, Map<String, String> names, String kind) {
    return ids.stream().sorted(Resources.BY_ID).map(id -> {
      String name = names.get(id);
      if (name == null) {
        throw new NotExportable("bound to " + kind + " " + id + ", which is not exported");
      }
      return name;
    }).toList();
  }

  private static List<String> refs(Agents.Details seat) {
    return seat.extensions() == null ? List.of() : seat.extensions().stream().map(ExtensionRef::extension).toList();
  }

  private void attempt(String subject, Runnable export) {
    try {
      export.run();
    } catch (NotExportable e) {
      notExported.add(subject + ": " + e.getMessage());
    }
  }
}
