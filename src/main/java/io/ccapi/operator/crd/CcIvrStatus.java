package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

public class CcIvrStatus extends CcStatus {
  @JsonPropertyDescription("AppId of the application whose IVR this is.")
  public String appId;

  @JsonPropertyDescription("Voice files this resource registered (the ones it deletes when they leave spec.voiceFiles).")
  public List<String> voiceFiles;

  @JsonPropertyDescription("The fast router table as the platform has it, one 'key -> queue' line per entry.")
  public List<String> fastRouter;
}
