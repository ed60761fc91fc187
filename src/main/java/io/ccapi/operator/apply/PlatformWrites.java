package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Op;
import java.time.Duration;
import java.util.List;

/**
 * The one place an {@link Op} becomes a ccapi call (but queue joins: {@link QueueJoins}). Returns the
 * platform's answer where it has one. Seat creates of one app that arrive close together go out batched,
 * one {@code POST agents} with many seats. A seat
 * created with an extension the platform numbers goes alone: the answer lists passwords by extension
 * number, without seat ids, so only a seat that names its extension can find its own in a batch's answer.
 */
final class PlatformWrites {
  /** The most seats per POST agents or POST queues/agents (the reference caps neither). */
  static final int SEAT_BATCH = 100;
  /**
   * How long a lane waits for company before it sends. Seats reach a create or a queue join spread out by
   * their references becoming Ready (one extension create per rate-limit turn), so a linger of a few
   * turns, not a few milliseconds, is what lets them share a call.
   */
  static final Duration LINGER = Duration.ofMillis(500);

  private record SeatCreate(AppConnection app, Agents.Agent agent) {}

  private final Batcher<String, SeatCreate, List<Extensions.Credentials>> seatCreates =
      new Batcher<>((appId, items) -> items.get(0).app().client().createAgents(appId, items.stream().map(SeatCreate::agent).toList()), SEAT_BATCH, LINGER);

  Object write(AppConnection app, Op op) {
    return switch (op.target()) {
      case APP -> app(app.client(), op);
      case AGENT -> agent(app, op);
      case QUEUE, EXTENSION, SUBSCRIPTION -> others(app.client(), app.appId(), op);
      case IVR -> ivr(app.client(), app.appId(), op);
    };
  }

  private static Object app(CcapiClient client, Op op) {
    if (op instanceof Op.CreateApp o) {
      return client.createApp(o.appId(), o.request());
    } else if (op instanceof Op.UpdateApp o) {
      client.updateApp(o.appId(), o.request());
    } else if (op instanceof Op.SetDefaultSpNumber o) {
      client.setDefaultSpNumber(o.appId(), o.number());
    } else if (op instanceof Op.DeleteDefaultSpNumber o) {
      client.deleteDefaultSpNumber(o.appId());
    } else if (op instanceof Op.ReplaceWebhookEvents o) {
      client.replaceWebhookEvents(o.appId(), o.categories());
    } else if (op instanceof Op.DeleteWebhookEvents o) {
      client.deleteWebhookEvents(o.appId());
    } else {
      throw new IllegalArgumentException("not an application operation: " + op);
    }
    return null;
  }

  private static Object ivr(CcapiClient client, String appId, Op op) {
    if (op instanceof Op.CreateVoiceFile o) {
      client.uploadVoiceFile(appId, o.file());
    } else if (op instanceof Op.ReplaceVoiceFile o) {
      client.deleteVoiceFile(appId, o.file().fileName());
      client.uploadVoiceFile(appId, o.file());
    } else if (op instanceof Op.DeleteVoiceFile o) {
      client.deleteVoiceFile(appId, o.fileName());
    } else if (op instanceof Op.SetDefaultVoices o) {
      client.setDefVoices(appId, o.voices());
    } else if (op instanceof Op.SetFastRouter o) {
      client.setFastRouter(appId, o.routes());
    } else {
      throw new IllegalArgumentException("not an IVR operation: " + op);
    }
    return null;
  }

  private Object agent(AppConnection app, Op op) {
    CcapiClient client = app.client();
    String appId = app.appId();
    if (op instanceof Op.CreateAgent o) {
      if (!batchable(o.agent())) {
        return client.createAgents(appId, List.of(o.agent()));
      }
      return ownExtension(o.agent(), seatCreates.submit(appId, new SeatCreate(app, o.agent())));
    } else if (op instanceof Op.UpdateAgent o) {
      client.updateAgent(appId, o.agent());
    } else if (op instanceof Op.BindAgentExtensions o) {
      client.bindAgentExtensions(appId, o.agentId(), o.extensions());
    } else if (op instanceof Op.UnbindAgentExtensions o) {
      client.unbindAgentExtensions(appId, o.agentId(), o.extensions());
    } else if (op instanceof Op.UnbindAgentQueues o) {
      client.unbindAgentQueues(appId, o.agentId(), o.queues());
    } else if (op instanceof Op.SetAgentDefaultSpNumber o) {
      client.setAgentDefaultSpNumber(appId, o.agentId(), o.number());
    } else if (op instanceof Op.DeleteAgentDefaultSpNumber o) {
      client.deleteAgentDefaultSpNumber(appId, o.agentId());
    } else if (op instanceof Op.DeleteAgent o) {
      client.deleteAgent(appId, o.agentId(), true);
    } else if (op instanceof Op.ReplaceSeatExtension o) {
      return replaceSeatExtension(client, appId, o);
    } else {
      throw new IllegalArgumentException("not a seat operation: " + op);
    }
    return null;
  }

  /**
   * Unbind, delete (already gone is fine: a resumed replacement), create: the answer has the new password.
   * A seat created with its extension may hold it bound although the view did not show it (a crash right
   * after the create): a delete refused for a binding unbinds it from this seat once and deletes again.
   * Refused still (another seat holds the number), or the number taken before the create, the error goes
   * back to the planner, which sees the holder and replaces with a new number.
   */
  static Extensions.Credentials replaceSeatExtension(CcapiClient client, String appId, Op.ReplaceSeatExtension o) {
    if (o.lost() != null) {
      return client.createExtension(appId, o.extension()); // a new number: nothing of it to remove (100015 = taken)
    }
    if (o.bound()) {
      client.unbindAgentExtensions(appId, o.agentId(), List.of(o.extension()));
    }
    try {
      deleteIfPresent(client, appId, o.extension());
    } catch (CcapiException e) {
      if (o.bound() || e.errorClass() != ErrorClass.BLOCKED_BY_DEPENDENCY) {
        throw e;
      }
      client.unbindAgentExtensions(appId, o.agentId(), List.of(o.extension()));
      deleteIfPresent(client, appId, o.extension());
    }
    return client.createExtension(appId, o.extension());
  }

  private static void deleteIfPresent(CcapiClient client, String appId, String extension) {
    try {
      client.deleteExtension(appId, extension);
    } catch (CcapiException e) {
      if (e.errorClass() != ErrorClass.NOT_FOUND) {
        throw e;
      }
    }
  }

  /** A seat create can share a POST agents unless the platform numbers the extension created with it. */
  static boolean batchable(Agents.Agent agent) {
    return !Boolean.TRUE.equals(agent.isCreateExtension()) || agent.extension() != null;
  }

  /** A seat's part of a batch's answer: the credentials of the extension it named (none without one). */
  static List<Extensions.Credentials> ownExtension(Agents.Agent agent, List<Extensions.Credentials> answer) {
    if (!Boolean.TRUE.equals(agent.isCreateExtension()) || answer == null) {
      return List.of();
    }
    return answer.stream().filter(c -> agent.extension().equals(c.extension())).toList();
  }

  private static Object others(CcapiClient client, String appId, Op op) {
    if (op instanceof Op.CreateQueue o) {
      client.createQueue(appId, o.request());
    } else if (op instanceof Op.UpdateQueue o) {
      client.updateQueue(appId, o.request());
    } else if (op instanceof Op.DeleteQueue o) {
      client.deleteQueue(appId, o.queueId());
    } else if (op instanceof Op.CreateExtension o) {
      return client.createExtension(appId, o.extension());
    } else if (op instanceof Op.ProbeExtension o) {
      return client.createExtension(appId, o.extension());
    } else if (op instanceof Op.DeleteExtension o) {
      client.deleteExtension(appId, o.extension());
    } else if (op instanceof Op.CreateSubscription o) {
      return client.createSubscriptions(appId, List.of(o.subscription()));
    } else if (op instanceof Op.UpdateSubscription o) {
      client.updateSubscription(appId, o.id(), o.subscription());
    } else if (op instanceof Op.DeleteSubscription o) {
      client.deleteSubscription(appId, o.id());
    } else {
      throw new IllegalArgumentException("not a queue, extension or subscription operation: " + op);
    }
    return null;
  }
}
