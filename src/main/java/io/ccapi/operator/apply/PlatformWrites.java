package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Op;
import java.util.List;

/** The one place an {@link Op} becomes a ccapi call. Returns the platform's answer where it has one. */
final class PlatformWrites {
  private PlatformWrites() {}

  static Object write(AppConnection app, Op op) {
    return switch (op.target()) {
      case APP -> app(app.client(), op);
      case AGENT -> agent(app.client(), app.appId(), op);
      case QUEUE, EXTENSION, SUBSCRIPTION -> others(app.client(), app.appId(), op);
    };
  }

  private static Object app(CcapiClient client, Op op) {
    if (op instanceof Op.CreateApp o) {
      return client.createApp(o.request());
    }
    Op.UpdateApp o = (Op.UpdateApp) op;
    client.updateApp(o.appId(), o.request());
    return null;
  }

  private static Object agent(CcapiClient client, String appId, Op op) {
    if (op instanceof Op.CreateAgent o) {
      return client.createAgents(appId, List.of(o.agent()));
    } else if (op instanceof Op.UpdateAgent o) {
      client.updateAgent(appId, o.agent());
    } else if (op instanceof Op.BindAgentExtensions o) {
      client.bindAgentExtensions(appId, o.agentId(), o.extensions());
    } else if (op instanceof Op.UnbindAgentExtensions o) {
      client.unbindAgentExtensions(appId, o.agentId(), o.extensions());
    } else if (op instanceof Op.BindAgentQueues o) {
      client.bindAgentQueues(appId, o.agentId(), o.queues());
    } else if (op instanceof Op.UnbindAgentQueues o) {
      client.unbindAgentQueues(appId, o.agentId(), o.queues());
    } else if (op instanceof Op.SetAgentDefaultSpNumber o) {
      client.setAgentDefaultSpNumber(appId, o.agentId(), o.number());
    } else if (op instanceof Op.DeleteAgent o) {
      client.deleteAgent(appId, o.agentId(), true);
    } else {
      throw new IllegalArgumentException("not a seat operation: " + op);
    }
    return null;
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
