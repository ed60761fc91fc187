package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.generator.annotation.Size;

public class CcQueueSpec extends CcChildSpec {
  @Required
  @Pattern(Patterns.QUEUE_ID)
  @ValidationRule(value = Rules.IMMUTABLE, message = "spec.queueId" + Rules.IMMUTABLE_MESSAGE)
  @JsonPropertyDescription("Queue ID: four digits starting with 9. Immutable.")
  public String queueId;

  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription("Queue name (ccapi QueueName).")
  public String queueName;

  @Default("longest_idle")
  @JsonPropertyDescription("Queuing strategy.")
  public Strategy strategy = Strategy.longest_idle;

  @Default("60")
  @Min(0)
  @Max(86400)
  @JsonPropertyDescription("Queuing timeout in seconds (ccapi Timeout).")
  public Integer timeoutSeconds = 60;

  @Default("128")
  @Min(1)
  @Max(512)
  @JsonPropertyDescription("Maximum queue length, at most 512.")
  public Integer maxLength = 128;

  /** Queuing strategies: the constants are the wire values (see ccapi model Queues.STRATEGIES). */
  @SuppressWarnings("java:S115")
  public enum Strategy {
    longest_idle,
    ring_all,
    round_robin,
    top_down,
    agent_with_least_talk_time,
    agent_with_fewest_calls,
    sequentially_by_agent_order,
    random
  }
}
