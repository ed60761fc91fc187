package io.ccapi.operator.ccapi.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Event subscription by category: "webhooks/events" (POST appends, PUT replaces, DELETE removes all). */
public final class Webhooks {
  private Webhooks() {}

  public record EventsRequest(List<Category> events) {}

  public record Category(
      @JsonProperty("category") String category, @JsonProperty("all_type") List<String> allType) {}
}
