package io.ccapi.operator.crd;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * An app's IVR: each section left out is not managed; a section given is the whole of it (replace
 * semantics, like the platform's POST ivrs/defvoices and ivrs/fastrouters).
 */
public class CcIvrSpec extends CcChildSpec {
  @Size(max = 100) // bounds keep the CEL rules' cost within the API server's budget
  @ValidationRule(value = "self.all(x, self.exists_one(y, y.name == x.name))", message = "each voice file name appears once")
  @JsonPropertyDescription(
      "Voice files of the app (ivrs/vfiles). Files this resource registered and that leave the list are deleted; other files are left alone.")
  public List<VoiceFile> voiceFiles;

  @Size(max = 9) // the reference's nine prompts
  @ValidationRule(value = "self.all(x, self.exists_one(y, y.prompt == x.prompt))", message = "each prompt appears once")
  @JsonPropertyDescription("Default voices (ivrs/defvoices): the whole set; a prompt left out plays the platform's default.")
  public List<DefaultVoice> defaultVoices;

  @Size(max = 10)
  @ValidationRule(value = "self.all(x, self.exists_one(y, y.dtmf == x.dtmf))", message = "each DTMF key 0-9 appears once")
  @JsonPropertyDescription("Fast router table (ivrs/fastrouters): DTMF key to queue, the whole table. Waits for its queues to be Ready.")
  public List<FastRoute> fastRouter;

  public static class VoiceFile {
    @Required
    @Size(min = 1, max = 128)
    @Pattern("^[^/\\s]+$")
    @JsonPropertyDescription("File name (ccapi FileName), unique in the app.")
    public String name;

    @Default("wav")
    @JsonPropertyDescription("File type (ccapi FileType): only wav.")
    public FileType type = FileType.wav;

    @Size(max = 256)
    @JsonPropertyDescription("File description (ccapi FileDesc).")
    public String description;
  }

  /** The platform knows one file type. */
  public enum FileType { wav }

  @ValidationRule(value = "self.type == 'default' || (has(self.content) && size(self.content) > 0)", message = "content is required unless type is default")
  public static class DefaultVoice {
    @Required
    @JsonPropertyDescription("Prompt (ccapi key of DefVoices): Welcome, ClosingTime, NoAnswer, VoiceMail, Waiting, Consult, Hold, QueueTimeout or Evaluate.")
    public Ivrs.Prompt prompt;

    @Required
    @JsonPropertyDescription("tts: content is the text to speak; wav: content is a voice file name; default: the platform's own voice.")
    public VoiceType type;

    @Size(max = 1024)
    @JsonPropertyDescription("The tts text or the wav file name (ccapi Content); empty for type default.")
    public String content;
  }

  /** How a prompt is voiced: the platform's Type tts|wav, or its "default". */
  public enum VoiceType {
    tts,
    wav,
    @JsonProperty("default")
    platformDefault
  }

  public static class FastRoute {
    @Required
    @Pattern("^[0-9]$")
    @Size(min = 1, max = 1)
    @JsonPropertyDescription("DTMF key, one digit 0-9 (ccapi Dtmf).")
    public String dtmf;

    @Required
    @Pattern(Patterns.REF)
    @JsonPropertyDescription("Name of the CcQueue in this namespace (same CcApp) the key routes to.")
    public String queueRef;

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Description of the route (ccapi Desc).")
    public String description;
  }
}
