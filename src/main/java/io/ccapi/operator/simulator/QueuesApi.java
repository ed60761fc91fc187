package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.model.Queues;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Queues: "queues" and "queues/agents". */
final class QueuesApi {
  private static final Pattern QUEUE_ID = Pattern.compile("9\\d{3}");

  private final SimState state;

  QueuesApi(SimState state) {
    this.state = state;
  }

  void register(SimRouter r) {
    r.add("POST", "queues", true, this::create);
    r.add("PUT", "queues", true, this::update);
    r.add("DELETE", "queues", true, this::delete);
    r.add("GET", "queues", true, this::list);
    r.add("POST", "queues/agents", true, this::bindAgents);
    r.add("PUT", "queues/agents", true, this::bindAgents);
  }

  private record Spec(String queueId, String name, String strategy, int timeout, int maxLength) {}

  /**
   * The queue of POST and PUT. PUT replaces the queue: absent optional fields take the create defaults
   * (the reference's PUT table says Timeout defaults to 0, its POST table 60; we use 60 for both).
   */
  private static Spec parse(Body b) {
    String queueId = queueId(b);
    String name = b.text("QueueName");
    if (Body.isBlank(name)) {
      throw SimError.parameterError("QueueName is required");
    }
    String strategy = b.text("Strategy");
    strategy = Body.isBlank(strategy) ? Queues.DEFAULT_STRATEGY : strategy;
    if (!Queues.STRATEGIES.contains(strategy)) {
      throw SimError.paramsInvalid("Strategy must be one of " + Queues.STRATEGIES);
    }
    Integer timeout = b.integer("Timeout");
    timeout = timeout == null ? Queues.DEFAULT_TIMEOUT : timeout;
    if (timeout < 0) {
      throw SimError.paramsInvalid("Timeout must be >= 0");
    }
    Integer maxLength = b.integer("MaxLength");
    maxLength = maxLength == null ? Queues.DEFAULT_MAX_LENGTH : maxLength;
    if (maxLength < 1 || maxLength > Queues.MAX_MAX_LENGTH) {
      throw SimError.paramsInvalid("MaxLength must be within 1.." + Queues.MAX_MAX_LENGTH);
    }
    return new Spec(queueId, name, strategy, timeout, maxLength);
  }

  private static String queueId(Body b) {
    String queueId = b.text("QueueId");
    if (Body.isBlank(queueId)) {
      throw SimError.parameterError("QueueId is required");
    }
    if (!QUEUE_ID.matcher(queueId).matches()) {
      throw SimError.paramsInvalid("QueueId must match 9\\d{3}");
    }
    return queueId;
  }

  private Object create(SimCall c) {
    Spec spec = parse(c.body());
    AppState app = c.app();
    return app.locked(() -> {
      if (app.queues.containsKey(spec.queueId())) {
        throw SimError.duplicate(spec.queueId(), "QueueId");
      }
      if (app.queues.size() >= Queues.MAX_QUEUES_PER_APP) {
        throw SimError.paramsInvalid("an app has at most " + Queues.MAX_QUEUES_PER_APP + " queues");
      }
      AppState.Queue q = new AppState.Queue(state.nextQueueId(), spec.queueId(), Instant.now());
      apply(spec, q);
      app.queues.put(q.queueId, q);
      return null;
    });
  }

  private Object update(SimCall c) {
    Spec spec = parse(c.body());
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Queue q = app.queue(spec.queueId());
      apply(spec, q);
      q.updatedAt = Instant.now();
      return null;
    });
  }

  private static void apply(Spec s, AppState.Queue q) {
    q.name = s.name();
    q.strategy = s.strategy();
    q.timeout = s.timeout();
    q.maxLength = s.maxLength();
  }

  private Object delete(SimCall c) {
    String queueId = queueId(c.body());
    AppState app = c.app();
    return app.locked(() -> {
      app.queue(queueId);
      if (!app.agentsOfQueue(queueId).isEmpty()) {
        throw SimError.business(ErrorCodes.DUPLICATE_OR_BAD_REQUEST, ErrorCodes.MSG_QUEUE_HAS_AGENTS);
      }
      app.queues.remove(queueId);
      return null;
    });
  }

  private Object list(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> app.queues.values().stream()
        .sorted(Comparator.comparingLong(q -> q.id))
        .map(q -> new Queues.Info(
            q.id, q.createdAt.toString(), q.updatedAt.toString(), app.appId, q.queueId, q.timeout,
            q.strategy, q.name, q.maxLength, ""))
        .toList());
  }

  /** POST/PUT queues/agents: adds bindings, never removes any. */
  private Object bindAgents(SimCall c) {
    String queueId = queueId(c.body());
    List<String> agentIds = c.body().texts("AgentIds");
    if (agentIds == null || agentIds.isEmpty()) {
      throw SimError.parameterError("AgentIds is required");
    }
    AppState app = c.app();
    return app.locked(() -> {
      app.queue(queueId);
      agentIds.forEach(app::agent);
      agentIds.forEach(id -> app.agents.get(id).queues.add(queueId));
      return null;
    });
  }
}
