package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ccapi.operator.ccapi.model.Events;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** One category of webhooks/events and the event names subscribed in it. */
public class WebhookEventCategory {
  @Required
  @JsonPropertyDescription("Event category (ccapi category): agent_call_mode, agent_state, ext_state or call.")
  public Events.Category category;

  @Required
  @Size(min = 1, max = 64)
  @JsonPropertyDescription("Event names of this category (ccapi all_type), from the reference's list of the category.")
  public List<Events.Name> events;

  public WebhookEventCategory() {}

  public WebhookEventCategory(Events.Category category, List<Events.Name> events) {
    this.category = category;
    this.events = events;
  }
}
