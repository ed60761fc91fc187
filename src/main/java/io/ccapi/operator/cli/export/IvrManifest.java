package io.ccapi.operator.cli.export;

import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcIvrSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The IVR of an exported tenant: one CcIvr named like its CcApp, with each section the platform shows.
 * A section the CRD cannot hold is left out (so not managed) and reported; a section left out is never
 * touched by the operator, while a half-exported one would be "corrected" under Manage.
 */
final class IvrManifest {
  private static final String FILE_NAME = "^[^/\\s]+$";

  private IvrManifest() {}

  /**
   * @param queueName the exported CcQueue's name by queue id, null for a queue not exported
   * @return the CcIvr, or nothing when the platform shows no IVR configuration
   */
  static List<CcIvr> of(Tenant.Ivr ivr, Function<String, String> queueName, Resources resources, List<String> notExported) {
    CcIvrSpec spec = resources.child(new CcIvrSpec());
    spec.voiceFiles = section("voice files", notExported, () -> files(ivr.files()));
    spec.defaultVoices = section("default voices", notExported, () -> voices(ivr.voices()));
    spec.fastRouter = section("fast router", notExported, () -> router(ivr.router(), queueName));
    if (spec.voiceFiles == null && spec.defaultVoices == null && spec.fastRouter == null) {
      return List.of();
    }
    CcIvr resource = resources.named(new CcIvr(), resources.appName());
    resource.setSpec(spec);
    return List.of(resource);
  }

  /** The section, or null when the platform shows none of it or the CRD cannot hold it (reported). */
  private static <T> List<T> section(String what, List<String> notExported, Supplier<List<T>> export) {
    try {
      List<T> items = export.get();
      return items.isEmpty() ? null : items;
    } catch (NotExportable e) {
      notExported.add("IVR " + what + ": " + e.getMessage() + " (the section is left out of the CcIvr, so it is not managed)");
      return null;
    }
  }

  private static List<CcIvrSpec.VoiceFile> files(List<Ivrs.VoiceFile> files) {
    List<CcIvrSpec.VoiceFile> out = new ArrayList<>();
    for (Ivrs.VoiceFile f : files) {
      CcIvrSpec.VoiceFile file = new CcIvrSpec.VoiceFile();
      file.name = NotExportable.length("voice file name", NotExportable.fit("voice file name", f.fileName(), FILE_NAME), 1, 128);
      file.type = NotExportable.oneOf("type of voice file " + f.fileName(), f.fileType(), CcIvrSpec.FileType.class);
      file.description = AppManifest.blankToNull(NotExportable.length("description of voice file " + f.fileName(), f.fileDesc(), 0, 256));
      out.add(file);
    }
    return out;
  }

  /** Prompts in the reference's order; a key that is no prompt, or a voice of another shape, stops the section. */
  private static List<CcIvrSpec.DefaultVoice> voices(Map<String, Object> voices) {
    voices.keySet().forEach(key -> NotExportable.oneOf("prompt", key, Ivrs.Prompt.class));
    List<CcIvrSpec.DefaultVoice> out = new ArrayList<>();
    for (Ivrs.Prompt prompt : Ivrs.Prompt.values()) {
      Object voice = voices.get(prompt.name());
      if (voice != null) {
        out.add(voice(prompt, voice));
      }
    }
    return out;
  }

  private static CcIvrSpec.DefaultVoice voice(Ivrs.Prompt prompt, Object voice) {
    CcIvrSpec.DefaultVoice out = new CcIvrSpec.DefaultVoice();
    out.prompt = prompt;
    if (Ivrs.DEFAULT_VOICE.equals(voice)) {
      out.type = CcIvrSpec.VoiceType.platformDefault;
      return out;
    }
    if (!(voice instanceof Map<?, ?> m) || !(m.get("Type") instanceof String type) || !(m.get("Content") instanceof String content)) {
      throw new NotExportable("the voice of " + prompt + " is neither \"default\" nor {Type, Content}");
    }
    out.type = NotExportable.oneOf("voice type of " + prompt, type, CcIvrSpec.VoiceType.class);
    out.content = NotExportable.length("voice content of " + prompt, content, 1, 1024);
    return out;
  }

  private static List<CcIvrSpec.FastRoute> router(List<Ivrs.FastRoute> router, Function<String, String> queueName) {
    List<CcIvrSpec.FastRoute> out = new ArrayList<>();
    router.stream().sorted((a, b) -> String.valueOf(a.dtmf()).compareTo(String.valueOf(b.dtmf()))).forEach(r -> {
      CcIvrSpec.FastRoute route = new CcIvrSpec.FastRoute();
      route.dtmf = NotExportable.fit("DTMF key", String.valueOf(r.dtmf()), "^[0-9]$");
      route.queueRef = queueName.apply(r.queueId());
      if (route.queueRef == null) {
        throw new NotExportable("key " + r.dtmf() + " routes to queue " + r.queueId() + ", which is not exported");
      }
      route.description = NotExportable.length("description of key " + r.dtmf(), r.desc(), 1, 128);
      out.add(route);
    });
    return out;
  }
}
