package io.ccapi.operator.ccapi.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Queue management: "queues", "queues/agents". At most 100 queues per app. */
public final class Queues {
  private Queues() {}

  public static final String DEFAULT_STRATEGY = "longest_idle";
  public static final int DEFAULT_TIMEOUT = 60;
  public static final int DEFAULT_MAX_LENGTH = 128;
  public static final int MAX_MAX_LENGTH = 512;
  public static final int MAX_QUEUES_PER_APP = 100;

  /**
   * Queuing strategies. The reference names only the default, longest_idle; the others are the ACD
   * strategies of the platform's call-center engine, and the simulator accepts exactly this list.
   */
  public static final List<String> STRATEGIES =
      List.of(
          "longest_idle",
          "ring_all",
          "round_robin",
          "top_down",
          "agent_with_least_talk_time",
          "agent_with_fewest_calls",
          "sequentially_by_agent_order",
          "random");

  /** POST and PUT queues. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Request(
      String queueId, String queueName, String strategy, Integer timeout, Integer maxLength) {}

  /** DELETE queues. */
  public record IdRequest(String queueId) {}

  /** POST queues/agents: adds bindings, never removes any. */
  public record AgentsRequest(String queueId, List<String> agentIds) {}

  /**
   * One entry of GET queues, named as in the reference ({@code QueueID}, {@code AppID}). Seats bound to a
   * queue are not listed here; they come from each seat's {@code Queues}.
   */
  public record Info(
      @JsonProperty("ID") Long id,
      String createdAt,
      String updatedAt,
      @JsonProperty("AppID") String appId,
      @JsonProperty("QueueID") String queueId,
      Integer timeout,
      String strategy,
      String name,
      Integer maxLength,
      String waitMusic) {}
}
