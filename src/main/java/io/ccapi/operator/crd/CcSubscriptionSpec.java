package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ccapi.operator.ccapi.model.Events;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

public class CcSubscriptionSpec extends CcChildSpec {
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
