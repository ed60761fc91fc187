package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ccapi.operator.ccapi.model.Events;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

public class CcSubscriptionSpec extends CcChildSpec {
  @Size(min = 1, max = 128)
  @JsonPropertyDescription(
      "Name of the subscription in the platform (default: this resource's name). An existing subscription with this name is taken over only"
          + " with the annotation ccapi.io/adopt=true; changing it renames the subscription.")
  public String name;

  @Required
  @Pattern(Patterns.URL)
  @JsonPropertyDescription("URL the platform posts events to.")
  public String callbackUrl;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Event names to subscribe to, from the platform's list.")
  public List<Events.Name> events;

  @Default("true")
  @JsonPropertyDescription("Whether the subscription is enabled.")
  public Boolean enabled = true;
}
