package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.ccapi.model.Webhooks;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One platform write, as data: what a planner decides and the executor carries out (or {@code plan} and
 * the Observe policy print). {@link #describe()} is the one-line form a person reads; it never contains a
 * value that exists only in a Secret.
 */
public sealed interface Op {
  /** How an operation counts in a plan's summary. */
  enum Verb {
    CREATE("+"),
    UPDATE("~"),
    BIND("+"),
    UNBIND("-"),
    DELETE("-"),
    /** A create that only checks existence (unbound extensions have no read); not a change. */
    PROBE("?");

    private final String sign;

    Verb(String sign) {
      this.sign = sign;
    }

    public String sign() {
      return sign;
    }
  }

  Verb verb();

  /** The one-liner without its sign, e.g. {@code update queue 9001: name: "a" -> "b"}. */
  String text();

  default String describe() {
    return verb().sign() + " " + text();
  }

  /** The platform objects an operation writes, so the executor can tell the observer. */
  enum Target {
    APP,
    AGENT,
    QUEUE,
    EXTENSION,
    SUBSCRIPTION,
    /** The app's IVR configuration: voice files, default voices, fast router. */
    IVR
  }

  Target target();

  /**
   * Whether this operation creates the platform object its resource is about, so the executor records a
   * claim around it. Creating a part of an object already claimed (a voice file of the app's IVR) does not.
   */
  default boolean createsClaimedObject() {
    return verb() == Verb.CREATE || verb() == Verb.PROBE;
  }

  private static String joined(List<Change> changes) {
    return changes.stream().map(Change::toString).collect(Collectors.joining(", "));
  }

  // ---- applications ----

  /**
   * POST apps with {@code appId}, the AppId the operator generated and recorded in its pending claim first.
   * The answer's AppId and Secret are stored in {@code secretName} at once.
   */
  record CreateApp(String appId, Apps.CreateRequest request, String secretName) implements Op {
    public Verb verb() { return Verb.CREATE; }
    public Target target() { return Target.APP; }
    public String text() { return "create application \"" + request.name() + "\""; }
  }

  record UpdateApp(String appId, Apps.UpdateRequest request, List<Change> changes) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.APP; }
    public String text() { return "update application " + appId + ": " + joined(changes); }
  }

  /** PUT spnumbers/default. */
  record SetDefaultSpNumber(String appId, String before, String number) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.APP; }
    public String text() { return "update application " + appId + ": " + new Change("defaultSpNumber", before, number); }
  }

  /** DELETE spnumbers/default: the spec names no default any more. */
  record DeleteDefaultSpNumber(String appId, String before) implements Op {
    public Verb verb() { return Verb.DELETE; }
    public Target target() { return Target.APP; }
    public String text() { return "delete default relay number " + before + " of application " + appId; }
  }

  /** PUT webhooks/events: replaces every category the application had. */
  record ReplaceWebhookEvents(String appId, List<Webhooks.Category> categories) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.APP; }
    public String text() {
      return "replace webhook events of application " + appId + " with "
          + categories.stream().map(c -> c.category() + " " + c.allType()).collect(Collectors.joining("; "))
          + " (ccapi cannot show them: sent because this resource has not sent this list)";
    }
  }

  /** DELETE webhooks/events: the categories this resource sent left the spec. */
  record DeleteWebhookEvents(String appId) implements Op {
    public Verb verb() { return Verb.DELETE; }
    public Target target() { return Target.APP; }
    public String text() { return "delete the webhook events of application " + appId; }
  }

  // ---- seats ----

  /** An operation on one seat. */
  sealed interface SeatOp extends Op {
    String agentId();

    default Target target() { return Target.AGENT; }
  }

  /** POST agents. With {@code IsCreateExtension}, the created extension's password goes to {@code secretName}. */
  record CreateAgent(Agents.Agent agent, String secretName) implements SeatOp {
    public Verb verb() { return Verb.CREATE; }
    public String text() {
      return "create agent " + agent.agentId() + " (workId " + agent.workId() + ", role " + agent.role()
          + (Boolean.TRUE.equals(agent.isCreateExtension()) ? ", with an extension" : "") + ")";
    }
    public String agentId() { return agent.agentId(); }
  }

  record UpdateAgent(Agents.Agent agent, List<Change> changes) implements SeatOp {
    public Verb verb() { return Verb.UPDATE; }
    public String text() { return "update agent " + agent.agentId() + ": " + joined(changes); }
    public String agentId() { return agent.agentId(); }
  }

  record BindAgentExtensions(String agentId, List<String> extensions) implements SeatOp {
    public Verb verb() { return Verb.BIND; }
    public String text() { return "bind agent " + agentId + " to extensions " + extensions; }
  }

  record UnbindAgentExtensions(String agentId, List<String> extensions) implements SeatOp {
    public Verb verb() { return Verb.UNBIND; }
    public String text() { return "unbind agent " + agentId + " from extensions " + extensions; }
  }

  record BindAgentQueues(String agentId, List<String> queues) implements SeatOp {
    public Verb verb() { return Verb.BIND; }
    public String text() { return "bind agent " + agentId + " to queues " + queues; }
  }

  record UnbindAgentQueues(String agentId, List<String> queues) implements SeatOp {
    public Verb verb() { return Verb.UNBIND; }
    public String text() { return "unbind agent " + agentId + " from queues " + queues; }
  }

  record SetAgentDefaultSpNumber(String agentId, String before, String number) implements SeatOp {
    public Verb verb() { return Verb.UPDATE; }
    public String text() { return "update agent " + agentId + ": " + new Change("defaultSpNumber", before, number); }
  }

  /**
   * The extension created with the seat has no known password (its create answer was lost, or its Secret
   * deleted): unbind it ({@code bound}), delete it and create it again, whose answer carries a new
   * password for {@code secretName}. The number goes to that Secret first (and any password there goes:
   * it is the old extension's), so an interrupted replacement is resumed, never forgotten. A
   * BindAgentExtensions follows in the plan. {@code lost}: the seat's former number, when the platform
   * gave it to another seat meanwhile and {@code extension} is a new one; null otherwise.
   */
  record ReplaceSeatExtension(String agentId, String extension, boolean bound, String secretName, String lost) implements SeatOp {
    public Verb verb() { return Verb.UPDATE; }
    public String text() {
      return lost == null
          ? "replace extension " + extension + " of agent " + agentId + " (created with the seat; its password is unknown)"
          : "replace extension " + lost + " of agent " + agentId + " with extension " + extension + " (the platform gave " + lost
              + " to another seat while it was being replaced)";
    }
  }

  /** DELETE spnumbers/agent/default/{AgentId}: the seat has no default relay number any more. */
  record DeleteAgentDefaultSpNumber(String agentId, String before) implements SeatOp {
    public Verb verb() { return Verb.UPDATE; }
    public String text() { return "update agent " + agentId + ": " + new Change("defaultSpNumber", before, null); }
  }

  /** DELETE agents/{id}, with the extensions the platform created with the seat. */
  record DeleteAgent(String agentId) implements SeatOp {
    public Verb verb() { return Verb.DELETE; }
    public String text() { return "delete agent " + agentId; }
  }

  // ---- queues ----

  record CreateQueue(Queues.Request request) implements Op {
    public Verb verb() { return Verb.CREATE; }
    public Target target() { return Target.QUEUE; }
    public String text() {
      return "create queue " + request.queueId() + " (\"" + request.queueName() + "\", " + request.strategy() + ")";
    }
  }

  record UpdateQueue(Queues.Request request, List<Change> changes) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.QUEUE; }
    public String text() { return "update queue " + request.queueId() + ": " + joined(changes); }
  }

  record DeleteQueue(String queueId) implements Op {
    public Verb verb() { return Verb.DELETE; }
    public Target target() { return Target.QUEUE; }
    public String text() { return "delete queue " + queueId; }
  }

  // ---- extensions ----

  /**
   * POST extensions; the password exists only in its answer and goes to {@code secretName}. {@code why}
   * says why it is (re-)created: {@link Why#NEW}, {@link Why#MISSING} (vanished from the platform) or
   * {@link Why#REPLACE} (after a delete, to get a password the operator lost).
   */
  record CreateExtension(String extension, String secretName, Why why) implements Op {
    public enum Why { NEW, MISSING, REPLACE }

    public Verb verb() { return Verb.CREATE; }
    public Target target() { return Target.EXTENSION; }
    public String text() {
      return switch (why) {
        case NEW -> "create extension " + extension;
        case MISSING -> "create extension " + extension + " (missing from the platform)";
        case REPLACE -> "create extension " + extension + " again (its password is unknown)";
      };
    }
  }

  /**
   * An unbound extension can only be checked by creating it again: 100015 means it exists. If the create
   * succeeds, it had vanished and its new password goes to {@code secretName}.
   */
  record ProbeExtension(String extension, String secretName) implements Op {
    public Verb verb() { return Verb.PROBE; }
    public Target target() { return Target.EXTENSION; }
    public String text() { return "extension " + extension + " is bound to no seat: its existence is checked by a create (100015 = exists)"; }
  }

  record DeleteExtension(String extension) implements Op {
    public Verb verb() { return Verb.DELETE; }
    public Target target() { return Target.EXTENSION; }
    public String text() { return "delete extension " + extension; }
  }

  // ---- subscriptions ----

  record CreateSubscription(Subscriptions.Subscription subscription) implements Op {
    public Verb verb() { return Verb.CREATE; }
    public Target target() { return Target.SUBSCRIPTION; }
    public String text() {
      return "create subscription \"" + subscription.name() + "\" (" + subscription.callback() + ", events " + subscription.events() + ")";
    }
  }

  record UpdateSubscription(long id, Subscriptions.Subscription subscription, List<Change> changes) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.SUBSCRIPTION; }
    public String text() { return "update subscription " + id + ": " + joined(changes); }
  }

  record DeleteSubscription(long id) implements Op {
    public Verb verb() { return Verb.DELETE; }
    public Target target() { return Target.SUBSCRIPTION; }
    public String text() { return "delete subscription " + id; }
  }

  // ---- IVR ----

  /** POST ivrs/vfiles: registers a voice file of the app's IVR (part of it, not a claimed object). */
  record CreateVoiceFile(Ivrs.VoiceFile file) implements Op {
    public Verb verb() { return Verb.CREATE; }
    public Target target() { return Target.IVR; }
    public boolean createsClaimedObject() { return false; }
    public String text() { return "create voice file " + file.fileName() + (file.fileDesc() == null || file.fileDesc().isEmpty() ? "" : " (\"" + file.fileDesc() + "\")"); }
  }

  /** The platform cannot update a voice file: DELETE then POST ivrs/vfiles. */
  record ReplaceVoiceFile(Ivrs.VoiceFile file, List<Change> changes) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.IVR; }
    public String text() { return "replace voice file " + file.fileName() + ": " + joined(changes); }
  }

  record DeleteVoiceFile(String fileName) implements Op {
    public Verb verb() { return Verb.DELETE; }
    public Target target() { return Target.IVR; }
    public String text() { return "delete voice file " + fileName; }
  }

  /** POST ivrs/defvoices: the whole set of default voices, prompt to "default" or {Type, Content}. */
  record SetDefaultVoices(Map<String, Object> voices, List<Change> changes) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.IVR; }
    public String text() { return "update default voices: " + joined(changes); }
  }

  /** POST ivrs/fastrouters: the whole table. */
  record SetFastRouter(List<Ivrs.FastRoute> routes, List<Change> changes) implements Op {
    public Verb verb() { return Verb.UPDATE; }
    public Target target() { return Target.IVR; }
    public String text() { return "update fast router: " + joined(changes); }
  }
}
