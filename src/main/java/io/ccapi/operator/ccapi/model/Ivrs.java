package io.ccapi.operator.ccapi.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** IVR configuration: "ivrs/vfiles", "ivrs/defvoices", "ivrs/fastrouters". */
public final class Ivrs {
  private Ivrs() {}

  /** The prompts of "Set IVR Default Voices"; the constant names are the wire keys. */
  public enum Prompt { Welcome, ClosingTime, NoAnswer, VoiceMail, Waiting, Consult, Hold, QueueTimeout, Evaluate }

  /** The voice that stands for "use the platform's own" in a DefVoices object. */
  public static final String DEFAULT_VOICE = "default";

  /** Voice types ({@code Type}): a tts text or a wav file name. */
  public static final String TTS = "tts";
  public static final String WAV = "wav";

  /** POST ivrs/vfiles (FileName unique per app, FileType wav only); DELETE takes FileName only. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VoiceFile(String fileName, String fileType, String fileDesc) {}

  /** GET ivrs/vfiles. */
  public record VoiceFiles(List<VoiceFile> ivrVFiles) {}

  /**
   * A prompt voice: {@code Type} tts or wav, {@code Content} the text or the file name. In
   * {@link DefVoicesRequest} the string "default" may stand instead of a voice object.
   */
  public record Voice(String type, String content) {}

  /**
   * POST/PUT ivrs/defvoices. The reference types DefVoices as "[object]" but describes one object with one
   * key per prompt (Welcome, ClosingTime, ...); we send that object, and the simulator also accepts a list
   * holding one.
   */
  public record DefVoicesRequest(Map<String, Object> defVoices) {}

  /** GET ivrs/defvoices as the simulator answers it: one object keyed by prompt (the client also reads a list). */
  public record DefVoices(Map<String, Object> voices) {}

  /** One key of the fast router table: DTMF 0-9 to a queue. */
  public record FastRoute(String dtmf, String desc, String queueId) {}

  /**
   * POST/PUT ivrs/fastrouters, and GET's answer. The reference puts GET's FastRouter beside ErrCode instead
   * of in Result; the simulator answers inside Result and the client reads either place.
   */
  public record FastRouter(List<FastRoute> fastRouter) {}
}
