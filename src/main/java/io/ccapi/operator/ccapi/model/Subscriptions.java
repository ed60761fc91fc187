package io.ccapi.operator.ccapi.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Message subscriptions: "subscriptions". Field names are lower case in this part of the API. */
public final class Subscriptions {
  private Subscriptions() {}

  /**
   * A subscription. {@code id} is not in the reference's list example, but a list without ids cannot be
   * matched to GET/PUT/DELETE subscriptions/{id}; the simulator includes it and the client accepts its
   * absence. On PUT the reference's example sends {@code state}; we send {@code enable}, the field that GET
   * returns.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Subscription(
      Long id, String callback, String name, List<String> events, Boolean enable) {}

  /** POST subscriptions. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CreateRequest(List<Subscription> subscriptions) {}

  /** Result of POST subscriptions: ids of the created ones, names of the refused ones. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record CreateResult(List<Created> subSucc, List<String> subFail) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Created(long id, String name) {}

  /** One entry of PUT subscriptions/{id}'s Result as its table documents it ({@code [{SubId, name}]}). */
  public record Updated(@JsonProperty("SubId") long subId, @JsonProperty("name") String name) {}
}
