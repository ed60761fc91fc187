package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.crd.CcIvrSpec;

/** Builders of the parts of a CcIvr spec, for the planner and reconciler tests. */
public final class IvrSpecs {
  private IvrSpecs() {}

  public static CcIvrSpec.VoiceFile file(String name, String description) {
    CcIvrSpec.VoiceFile f = new CcIvrSpec.VoiceFile();
    f.name = name;
    f.description = description;
    return f;
  }

  public static CcIvrSpec.DefaultVoice voice(Ivrs.Prompt prompt, CcIvrSpec.VoiceType type, String content) {
    CcIvrSpec.DefaultVoice v = new CcIvrSpec.DefaultVoice();
    v.prompt = prompt;
    v.type = type;
    v.content = content;
    return v;
  }

  public static CcIvrSpec.FastRoute route(String dtmf, String queueRef, String description) {
    CcIvrSpec.FastRoute r = new CcIvrSpec.FastRoute();
    r.dtmf = dtmf;
    r.queueRef = queueRef;
    r.description = description;
    return r;
  }
}
