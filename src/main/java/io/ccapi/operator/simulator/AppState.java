package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.model.Ivrs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything one app (tenant) owns. All fields are guarded by the app's own lock, taken through
 * {@link #locked}: requests for different apps never contend, and a request validates and applies under one
 * lock hold, so a batch is applied whole or not at all.
 */
final class AppState {
  final String appId;
  final String secret;
  final String extensionPrefix;
  final int type;
  String name;
  String callbackUrl;
  boolean hideUserNum;
  String memo;

  final List<String> spNumbers;
  String defSpNumber = "";

  /** Insertion order: the order GET agents pages through. */
  final Map<String, Agent> agents = new LinkedHashMap<>();
  final Map<String, Queue> queues = new TreeMap<>();
  final Map<String, Extension> extensions = new TreeMap<>();
  final Map<Long, Subscription> subscriptions = new TreeMap<>();
  /** webhooks/events: category to event types. */
  final Map<String, LinkedHashSet<String>> webhookEvents = new LinkedHashMap<>();
  final Map<String, Ivrs.VoiceFile> voiceFiles = new LinkedHashMap<>();
  /** ivrs/defvoices: prompt key to "default" or a {Type, Content} map, as last set. */
  Map<String, Object> defVoices = Map.of();
  List<Ivrs.FastRoute> fastRouter = List.of();

  private final ReentrantLock lock = new ReentrantLock();

  AppState(String appId, String secret, String extensionPrefix, int type, List<String> spNumbers) {
    this.appId = appId;
    this.secret = secret;
    this.extensionPrefix = extensionPrefix;
    this.type = type;
    this.spNumbers = List.copyOf(spNumbers);
  }

  <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  Agent agent(String agentId) {
    Agent a = agentId == null ? null : agents.get(agentId);
    if (a == null) {
      throw SimError.recordNotFound();
    }
    return a;
  }

  Queue queue(String queueId) {
    Queue q = queueId == null ? null : queues.get(queueId);
    if (q == null) {
      throw SimError.queueBlank();
    }
    return q;
  }

  /** The seats bound to a queue (bindings are kept on the seats). */
  List<String> agentsOfQueue(String queueId) {
    List<String> ids = new ArrayList<>();
    agents.values().forEach(a -> {
      if (a.queues.contains(queueId)) {
        ids.add(a.id);
      }
    });
    return ids;
  }

  /** A seat. Bindings are kept on the seat; extensions also point back to it. */
  static final class Agent {
    final String id;
    String workId;
    String name;
    String mobile;
    String email;
    String role;
    boolean enable;
    int wrapUpTime;
    String defSpNumber = "";
    final TreeSet<String> queues = new TreeSet<>();
    final TreeSet<String> extensions = new TreeSet<>();

    Agent(String id) {
      this.id = id;
    }
  }

  static final class Queue {
    final long id;
    final String queueId;
    final Instant createdAt;
    Instant updatedAt;
    String name;
    String strategy;
    int timeout;
    int maxLength;

    Queue(long id, String queueId, Instant createdAt) {
      this.id = id;
      this.queueId = queueId;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }
  }

  static final class Extension {
    final String number;
    final String password;
    /** The seat it is bound to, or null. */
    String agentId;

    Extension(String number, String password) {
      this.number = number;
      this.password = password;
    }
  }

  static final class Subscription {
    final long id;
    String callback;
    String name;
    List<String> events;
    boolean enable = true;

    Subscription(long id) {
      this.id = id;
    }
  }
}
