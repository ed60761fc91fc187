package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.crd.CcIvr;
import io.ccapi.operator.crd.CcIvrSpec;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.crd.CcIvrStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Plans a CcIvr, the IVR configuration of its app: voice files, default voices and the fast router
 * table. Each section the spec gives is the whole of it; a section left out is not touched. The IVR is
 * part of the application, so it belongs to whoever manages the app ({@link OwnershipRule#decideAppPart}).
 */
public final class IvrPlanner {
  private IvrPlanner() {}

  /**
   * @param queueIds the queue id each {@code spec.fastRouter} entry's queueRef resolved to, in order
   * @param appManaged whether the app's CcApp manages the application (managementPolicy Manage)
   * @param registered the voice files this resource registered earlier ({@code status.voiceFiles})
   */
  public record Input(
      CcIvrSpec spec, String appId, boolean appManaged, Records records, List<String> queueIds,
      List<Ivrs.VoiceFile> files, Map<String, Object> voices, List<Ivrs.FastRoute> router, List<String> registered) {}

  /**
   * The queue id each fast router entry routes to, in order, for the reconciler and {@code plan}: every
   * CcQueue must exist, belong to the same CcApp and be Ready (WaitingForReference otherwise).
   *
   * @param found the referenced CcQueues that exist, by name
   */
  public static List<String> queueIds(CcIvr ivr, Map<String, CcQueue> found, Function<CcQueue, Boolean> isReady) {
    List<String> refs = Objects.requireNonNullElse(ivr.getSpec().fastRouter, List.<CcIvrSpec.FastRoute>of()).stream().map(r -> r.queueRef).toList();
    References.Resolved resolved = References.resolve(
        ivr, ivr.appName(), "CcQueue", i -> "spec.fastRouter[" + i + "].queueRef", refs, found, q -> q.getSpec().queueId, isReady);
    if (!resolved.deleting().isEmpty()) {
      throw new ReconcileException(Reason.WaitingForReference,
          "queues " + resolved.deleting() + " of spec.fastRouter are being deleted; route their keys elsewhere");
    }
    return refs.stream().map(ref -> found.get(Refs.nameOf(ref)).getSpec().queueId).toList();
  }

  public static Plan<CcIvrStatus> plan(Input in) {
    String subject = in.appId() == null ? "the IVR of the application to be created" : "the IVR of application " + in.appId();
    CcIvrStatus status = new CcIvrStatus();
    status.appId = in.appId();
    status.voiceFiles = nullIfEmpty(in.registered());
    status.fastRouter = nullIfEmpty(lines(in.router()));
    return Plan.guarded(subject, true, status, () -> decide(in, subject, status));
  }

  private static Plan<CcIvrStatus> decide(Input in, String subject, CcIvrStatus status) {
    OwnershipRule.Decision decision = OwnershipRule.decideAppPart(in.appManaged(), in.records(), in.appId());
    if (decision == OwnershipRule.Decision.CONFLICT) {
      return Plan.stop(subject, true, status, Reason.AlreadyExists, OwnershipRule.appPartConflict(subject));
    }
    CcIvrSpec spec = in.spec();
    List<Op> ops = new ArrayList<>();
    List<String> removed = files(spec.voiceFiles, in, ops);
    voices(spec.defaultVoices, spec.voiceFiles, in.files(), in.voices(), ops);
    router(spec.fastRouter, in.queueIds(), in.router(), ops);
    removed.forEach(name -> ops.add(new Op.DeleteVoiceFile(name)));
    return Plan.go(subject, true, decision, in.appId(), ops, status, subject + " is ready", List.of());
  }

  /** Creates or replaces declared files; returns the registered ones that left the spec (deleted last). */
  private static List<String> files(List<CcIvrSpec.VoiceFile> declared, Input in, List<Op> ops) {
    if (declared == null) {
      return List.of();
    }
    Map<String, Ivrs.VoiceFile> observed = new HashMap<>();
    in.files().forEach(f -> observed.put(f.fileName(), f));
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      CcIvrSpec.VoiceFile f = declared.get(i);
      if (!names.add(f.name)) {
        throw new ReconcileException(Reason.InvalidSpec, "spec.voiceFiles[" + i + "].name: " + f.name + " appears twice");
      }
      Ivrs.VoiceFile wanted = new Ivrs.VoiceFile(f.name, Ivrs.WAV, Objects.requireNonNullElse(f.description, ""));
      Ivrs.VoiceFile found = observed.get(f.name);
      if (found == null) {
        ops.add(new Op.CreateVoiceFile(wanted));
      } else {
        List<Change> changes = new Change.Diff().field("type", found.fileType(), Ivrs.WAV).field("description", found.fileDesc(), wanted.fileDesc()).changes();
        if (!changes.isEmpty()) {
          ops.add(new Op.ReplaceVoiceFile(wanted, changes));
        }
      }
    }
    return in.registered().stream().filter(n -> !names.contains(n) && observed.containsKey(n)).toList();
  }

  private static void voices(List<CcIvrSpec.DefaultVoice> declared, List<CcIvrSpec.VoiceFile> files, List<Ivrs.VoiceFile> observedFiles,
      Map<String, Object> observed, List<Op> ops) {
    if (declared == null) {
      return;
    }
    Set<String> fileNames = new LinkedHashSet<>();
    observedFiles.forEach(f -> fileNames.add(f.fileName()));
    Objects.requireNonNullElse(files, List.<CcIvrSpec.VoiceFile>of()).forEach(f -> fileNames.add(f.name));
    Map<String, Object> wanted = new LinkedHashMap<>();
    for (int i = 0; i < declared.size(); i++) {
      CcIvrSpec.DefaultVoice v = declared.get(i);
      String field = "spec.defaultVoices[" + i + "]";
      if (v.prompt == null) {
        throw new ReconcileException(Reason.InvalidSpec, field + ".prompt: unknown prompt; prompts are " + List.of(Ivrs.Prompt.values()));
      }
      if (wanted.containsKey(v.prompt.name())) {
        throw new ReconcileException(Reason.InvalidSpec, field + ".prompt: " + v.prompt + " appears twice");
      }
      wanted.put(v.prompt.name(), voice(v, field, fileNames));
    }
    List<Change> changes = new ArrayList<>();
    for (Ivrs.Prompt p : Ivrs.Prompt.values()) {
      String before = text(observed.get(p.name()));
      String after = text(wanted.get(p.name()));
      if (!Objects.equals(before, after)) {
        changes.add(new Change(p.name(), before, after));
      }
    }
    if (!changes.isEmpty()) {
      ops.add(new Op.SetDefaultVoices(wanted, changes));
    }
  }

  /** One prompt's voice as sent: "default" or {Type, Content}; a wav names a declared or existing file. */
  private static Object voice(CcIvrSpec.DefaultVoice v, String field, Set<String> fileNames) {
    if (v.type == null) {
      throw new ReconcileException(Reason.InvalidSpec, field + ".type: one of tts, wav, default is required");
    }
    if (v.type == CcIvrSpec.VoiceType.platformDefault) {
      return Ivrs.DEFAULT_VOICE;
    }
    if (v.content == null || v.content.isBlank()) {
      throw new ReconcileException(Reason.InvalidSpec, field + ".content: required for type " + v.type);
    }
    if (v.type == CcIvrSpec.VoiceType.wav && !fileNames.contains(v.content)) {
      throw new ReconcileException(Reason.InvalidSpec,
          field + ".content: no voice file named " + v.content + " in spec.voiceFiles or the platform; files are " + fileNames);
    }
    Map<String, Object> voice = new LinkedHashMap<>();
    voice.put("Type", v.type == CcIvrSpec.VoiceType.wav ? Ivrs.WAV : Ivrs.TTS);
    voice.put("Content", v.content);
    return voice;
  }

  /** A voice as a person reads it: default, tts:"text" or wav:file; null when the prompt is not set. */
  private static String text(Object voice) {
    if (voice == null) {
      return null;
    }
    if (voice instanceof Map<?, ?> m) {
      return m.get("Type") + ":" + m.get("Content");
    }
    return voice.toString();
  }

  private static void router(List<CcIvrSpec.FastRoute> declared, List<String> queueIds, List<Ivrs.FastRoute> observed, List<Op> ops) {
    if (declared == null) {
      return;
    }
    Map<String, Integer> keys = new HashMap<>();
    List<Ivrs.FastRoute> wanted = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      CcIvrSpec.FastRoute r = declared.get(i);
      String field = "spec.fastRouter[" + i + "].dtmf";
      if (r.dtmf == null || !r.dtmf.matches("[0-9]")) {
        throw new ReconcileException(Reason.InvalidSpec, field + ": " + r.dtmf + " is not one digit 0-9");
      }
      Integer first = keys.putIfAbsent(r.dtmf, i);
      if (first != null) {
        throw new ReconcileException(Reason.InvalidSpec, field + ": key " + r.dtmf + " is already routed by spec.fastRouter[" + first + "]; each key 0-9 appears once");
      }
      wanted.add(new Ivrs.FastRoute(r.dtmf, Objects.requireNonNullElse(r.description, ""), queueIds.get(i)));
    }
    wanted.sort(Comparator.comparing(Ivrs.FastRoute::dtmf));
    List<Change> changes = routeChanges(observed, wanted);
    if (!changes.isEmpty()) {
      ops.add(new Op.SetFastRouter(wanted, changes));
    }
  }

  private static List<Change> routeChanges(List<Ivrs.FastRoute> observed, List<Ivrs.FastRoute> wanted) {
    Map<String, String> before = new TreeMap<>();
    observed.forEach(r -> before.put(r.dtmf(), line(r)));
    Map<String, String> after = new TreeMap<>();
    wanted.forEach(r -> after.put(r.dtmf(), line(r)));
    Set<String> keys = new java.util.TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    return keys.stream()
        .filter(k -> !Objects.equals(before.get(k), after.get(k)))
        .map(k -> new Change("key " + k, before.get(k), after.get(k)))
        .toList();
  }

  /** Deleting a CcIvr: clears the router and the voices it declared and deletes the files it registered. */
  public static Plan<CcIvrStatus> planDelete(String appId, CcIvrSpec spec, List<Ivrs.VoiceFile> files, List<String> registered) {
    List<Op> ops = new ArrayList<>();
    if (spec.fastRouter != null) {
      ops.add(new Op.SetFastRouter(List.of(), List.of(new Change("fastRouter", "declared", null))));
    }
    if (spec.defaultVoices != null) {
      ops.add(new Op.SetDefaultVoices(Map.of(), List.of(new Change("defaultVoices", "declared", null))));
    }
    Set<String> present = new LinkedHashSet<>();
    files.forEach(f -> present.add(f.fileName()));
    registered.stream().filter(present::contains).forEach(name -> ops.add(new Op.DeleteVoiceFile(name)));
    CcIvrStatus status = new CcIvrStatus();
    status.appId = appId;
    return Plan.deleting("the IVR of application " + appId, true, ops, status);
  }

  private static String line(Ivrs.FastRoute r) {
    return "queue " + r.queueId() + (r.desc() == null || r.desc().isEmpty() ? "" : " (" + r.desc() + ")");
  }

  /** The router as status shows it: one "key -> queue id (description)" line per key, in key order. */
  public static List<String> lines(List<Ivrs.FastRoute> router) {
    return router.stream().sorted(Comparator.comparing(Ivrs.FastRoute::dtmf)).map(r -> r.dtmf() + " -> " + line(r)).toList();
  }

  private static List<String> nullIfEmpty(List<String> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
