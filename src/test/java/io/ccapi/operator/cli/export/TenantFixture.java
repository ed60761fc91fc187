package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A tenant made by direct ccapi calls, as a CRM would leave it: queues, seats (a quarter with an
 * extension created with the seat, a quarter bound to a separately created one, some named in Chinese
 * or with a name another seat has), queue memberships, seat and app default relay numbers, extensions
 * bound to no seat, subscriptions (one named so that no Kubernetes name can carry it), wrap-up times and
 * an IVR (voice files, default voices, a fast router to the first queues).
 */
public record TenantFixture(String appId, int seats, int queues, int boundExtensions, int unboundExtensions) {
  public static final String RELAY = "057126200670";
  public static final String APP_RELAY = "057126200671";
  /** Subscriptions exported, by resource name; the third's platform name "Call Events" goes to its spec.name. */
  public static final List<String> SUBSCRIPTIONS = List.of("call-events", "agent-states", "call-events-2");
  /** Seats with a wrap-up time: every sixth. */
  public static final int WRAP_UP_SECONDS = 45;

  public static TenantFixture populate(CcapiClient platform, int seats, int queues) {
    String appId = platform.createApp(new Apps.CreateRequest("Acme Support", Apps.TYPE_CALL_CENTER, "https://crm.example.com/ccapi", true, "made by the CRM")).appId();
    for (int q = 1; q <= queues; q++) {
      String strategy = Queues.STRATEGIES.get(q % Queues.STRATEGIES.size());
      platform.createQueue(appId, new Queues.Request(queueId(q), "Queue " + q, strategy, 30 + q, 100 + q));
    }
    List<Agents.Agent> batch = new ArrayList<>();
    for (int i = 1; i <= seats; i++) {
      batch.add(new Agents.Agent(agentId(i), "W" + i, seatName(i), i % 3 == 0 ? "1380000" + (1000 + i) : null,
          i % 5 == 0 ? "agent" + i + "@example.com" : null, i % 10 == 0 ? Agents.ROLE_LEADER : Agents.ROLE_AGENT, i % 7 != 0, i % 4 == 1, null,
          i % 6 == 0 ? WRAP_UP_SECONDS : null));
      if (batch.size() == 100 || i == seats) {
        platform.createAgents(appId, batch);
        batch.clear();
      }
    }
    int bound = 0;
    for (int i = 2; i <= seats; i += 4) {
      String number = Integer.toString(6000 + i);
      platform.createExtension(appId, number);
      platform.bindAgentExtensions(appId, agentId(i), List.of(number));
      bound++;
    }
    for (int q = 1; q <= queues; q++) {
      int queue = q;
      List<String> members = IntStream.rangeClosed(1, seats).filter(i -> i % queues == queue - 1 || (queue == 1 && i % 2 == 0)).mapToObj(TenantFixture::agentId).toList();
      platform.bindQueueAgents(appId, queueId(q), members);
    }
    for (int i = 3; i <= seats; i += 9) {
      platform.setAgentDefaultSpNumber(appId, agentId(i), RELAY);
    }
    platform.setDefaultSpNumber(appId, APP_RELAY);
    int unbound = 5;
    for (int u = 0; u < unbound; u++) {
      platform.createExtension(appId, Integer.toString(5001 + u));
    }
    platform.createSubscriptions(appId, List.of(
        new Subscriptions.Subscription(null, "https://crm.example.com/events", "call-events", List.of("user_ringing", "user_answer", "user_hangup"), true),
        new Subscriptions.Subscription(null, "https://crm.example.com/states", "agent-states", List.of("acd_agent_state"), false),
        new Subscriptions.Subscription(null, "https://crm.example.com/old", "Call Events", List.of("end"), true)));
    ivr(platform, appId, Math.min(queues, 3));
    return new TenantFixture(appId, seats, queues, bound, unbound);
  }

  /** Two voice files, three default voices (a file, a text, the platform's own) and a fast router key per queue. */
  private static void ivr(CcapiClient platform, String appId, int keys) {
    platform.uploadVoiceFile(appId, new Ivrs.VoiceFile("welcome.wav", Ivrs.WAV, "greeting"));
    platform.uploadVoiceFile(appId, new Ivrs.VoiceFile("closed.wav", Ivrs.WAV, ""));
    platform.setDefVoices(appId, Map.of(
        "Welcome", Map.of("Type", Ivrs.WAV, "Content", "welcome.wav"),
        "Hold", Map.of("Type", Ivrs.TTS, "Content", "Please hold the line"),
        "ClosingTime", Ivrs.DEFAULT_VOICE));
    platform.setFastRouter(appId, IntStream.rangeClosed(1, keys).mapToObj(q -> new Ivrs.FastRoute(Integer.toString(q), "Queue " + q, queueId(q))).toList());
  }

  /** The simulator account's credentials as a Secret manifest, for {@code --credentials-file}. */
  public static String credentialsFile() {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: ccapi-credentials
        stringData:
          sid: %s
          authToken: %s
        """.formatted(SimulatorConfig.DEFAULT_SID, SimulatorConfig.DEFAULT_AUTH_TOKEN);
  }

  public static String agentId(int i) {
    return Integer.toString(1000 + i);
  }

  static String queueId(int q) {
    return Integer.toString(9000 + q);
  }

  /** Mostly "Agent N"; every 11th in Chinese (no Latin letters for a name); every 13th named like seat 1. */
  static String seatName(int i) {
    if (i % 11 == 0) {
      return "坐席" + i;
    }
    return i % 13 == 0 ? "Agent 1" : "Agent " + i;
  }
}
