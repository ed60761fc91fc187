package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.model.Ivrs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** IVR configuration: "ivrs/vfiles", "ivrs/defvoices", "ivrs/fastrouters". */
final class IvrApi {
  static final List<String> PROMPTS = java.util.Arrays.stream(Ivrs.Prompt.values()).map(Enum::name).toList();
  static final String DEFAULT_VOICE = Ivrs.DEFAULT_VOICE;
  private static final String WAV = Ivrs.WAV;
  private static final String TTS = Ivrs.TTS;

  void register(SimRouter r) {
    r.add("POST", "ivrs/vfiles", true, this::uploadFile);
    r.add("DELETE", "ivrs/vfiles", true, this::deleteFile);
    r.add("GET", "ivrs/vfiles", true, this::listFiles);
    r.add("POST", "ivrs/defvoices", true, this::setDefVoices);
    r.add("PUT", "ivrs/defvoices", true, this::setDefVoices);
    r.add("GET", "ivrs/defvoices", true, this::getDefVoices);
    r.add("POST", "ivrs/fastrouters", true, this::setFastRouter);
    r.add("PUT", "ivrs/fastrouters", true, this::setFastRouter);
    r.add("GET", "ivrs/fastrouters", true, this::getFastRouter);
  }

  /** POST ivrs/vfiles registers a file by name (the simulator stores no audio). */
  private Object uploadFile(SimCall c) {
    String name = fileName(c.body());
    String type = c.body().text("FileType");
    type = Body.isBlank(type) ? WAV : type;
    if (!type.equals(WAV)) {
      throw SimError.paramsInvalid("FileType must be wav");
    }
    Ivrs.VoiceFile file = new Ivrs.VoiceFile(name, type, c.body().text("FileDesc", ""));
    AppState app = c.app();
    return app.locked(() -> {
      if (app.voiceFiles.containsKey(name)) {
        throw SimError.duplicate(name, "FileName");
      }
      app.voiceFiles.put(name, file);
      return null;
    });
  }

  private Object deleteFile(SimCall c) {
    String name = fileName(c.body());
    AppState app = c.app();
    return app.locked(() -> {
      if (app.voiceFiles.remove(name) == null) {
        throw SimError.recordNotFound();
      }
      return null;
    });
  }

  private static String fileName(Body b) {
    String name = b.text("FileName");
    if (Body.isBlank(name)) {
      throw SimError.business(ErrorCodes.PARAMETER_ERROR, ErrorCodes.MSG_FILE_NAME_BLANK);
    }
    return name;
  }

  private Object listFiles(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> new Ivrs.VoiceFiles(List.copyOf(app.voiceFiles.values())));
  }

  /**
   * POST and PUT ivrs/defvoices both replace the whole configuration with the body's: DefVoices is one
   * object (or a list holding one, as the reference types it) with a key per prompt; GET answers exactly the
   * keys last set, a prompt left out plays the platform default.
   */
  private Object setDefVoices(SimCall c) {
    JsonNode node = c.body().get("DefVoices");
    if (node == null) {
      throw SimError.parameterError("DefVoices is required");
    }
    if (node.isArray()) {
      if (node.size() != 1) {
        throw SimError.paramsInvalid("DefVoices must be one object");
      }
      node = node.get(0);
    }
    if (!node.isObject()) {
      throw SimError.paramsInvalid("DefVoices must be one object");
    }
    Map<String, Object> voices = new LinkedHashMap<>();
    Set<String> wavFiles = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!PROMPTS.contains(e.getKey())) {
        throw SimError.paramsInvalid("unknown prompt " + e.getKey() + "; prompts are " + PROMPTS);
      }
      voices.put(e.getKey(), voice(e.getKey(), e.getValue(), wavFiles));
    }
    AppState app = c.app();
    return app.locked(() -> {
      if (!app.voiceFiles.keySet().containsAll(wavFiles)) {
        throw SimError.recordNotFound();
      }
      app.defVoices = Collections.unmodifiableMap(voices);
      return null;
    });
  }

  /** "default", or {Type: tts|wav, Content}; wav contents are collected to be checked against the files. */
  private static Object voice(String prompt, JsonNode v, Set<String> wavFiles) {
    if (v.isTextual() && v.asText().equals(DEFAULT_VOICE)) {
      return DEFAULT_VOICE;
    }
    if (!v.isObject()) {
      throw SimError.paramsInvalid(prompt + " must be \"default\" or {Type, Content}");
    }
    Body voice = new Body((ObjectNode) v);
    String type = voice.text("Type");
    String content = voice.text("Content");
    if (!TTS.equals(type) && !WAV.equals(type)) {
      throw SimError.paramsInvalid(prompt + ".Type must be tts or wav");
    }
    if (Body.isBlank(content)) {
      throw SimError.paramsInvalid(prompt + ".Content is required");
    }
    if (WAV.equals(type)) {
      wavFiles.add(content);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Type", type);
    out.put("Content", content);
    return Collections.unmodifiableMap(out);
  }

  private Object getDefVoices(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> new Ivrs.DefVoices(app.defVoices));
  }

  /** POST and PUT ivrs/fastrouters replace the table; every queue must exist. */
  private Object setFastRouter(SimCall c) {
    List<Body> entries = c.body().objects("FastRouter");
    if (entries == null) {
      throw SimError.parameterError("FastRouter is required");
    }
    List<Ivrs.FastRoute> routes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Body e : entries) {
      String dtmf = e.text("Dtmf");
      if (dtmf == null || !dtmf.matches("[0-9]")) {
        throw SimError.paramsInvalid("Dtmf must be one digit 0-9");
      }
      if (!keys.add(dtmf)) {
        throw SimError.paramsInvalid("Dtmf " + dtmf + " appears twice");
      }
      String queueId = e.text("QueueId");
      if (Body.isBlank(queueId)) {
        throw SimError.parameterError("QueueId is required");
      }
      routes.add(new Ivrs.FastRoute(dtmf, e.text("Desc", ""), queueId));
    }
    AppState app = c.app();
    return app.locked(() -> {
      routes.forEach(r -> app.queue(r.queueId()));
      app.fastRouter = List.copyOf(routes);
      return null;
    });
  }

  /** GET ivrs/fastrouters answers {@code Result: {FastRouter: [...]}} (the reference shows it beside ErrCode). */
  private Object getFastRouter(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> new Ivrs.FastRouter(app.fastRouter));
  }
}
