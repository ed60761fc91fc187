package io.ccapi.operator.ccapi.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Event names of the platform, by category, as listed under "Subscribe to Events". The message
 * subscription example of the reference also uses agent_ringing, agent_answer and agent_hangup, which the
 * category list lacks; since the platform's own example subscribes to them they are accepted too (category
 * "call").
 */
public final class Events {
  private Events() {}

  public static final Map<String, List<String>> BY_CATEGORY = byCategory();

  /** Every event name that a subscription may name. */
  public static final Set<String> ALL =
      BY_CATEGORY.values().stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet());

  private static Map<String, List<String>> byCategory() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("agent_call_mode", List.of("agent_call_mode_change"));
    m.put("agent_state", List.of("acd_agent_state"));
    m.put("ext_state", List.of("ext_state"));
    m.put(
        "call",
        List.of(
            "agent_breakout", "agent_interrupt", "asr_gather_fail", "asr_gather_succ", "begin",
            "call_notes", "consult_fail", "consult_succ", "dtmf_gather_fail", "dtmf_gather_succ",
            "eavesdrop_fail", "eavesdrop_succ", "end", "end_consult_fail", "end_consult_succ",
            "enqueue_succ", "extern_succ", "general_hangup", "hangup_cause", "hold_call",
            "play_fail", "play_succ", "record_stop", "start_dialout", "start_ivr",
            "substitute_fail", "substitute_succ", "three_way_fail", "three_way_succ",
            "transfer_agent_fail", "transfer_agent_succ", "user_answer", "user_hangup",
            "user_ringing", "voice_mail_fail", "voice_mail_succ",
            "agent_ringing", "agent_answer", "agent_hangup"));
    return Collections.unmodifiableMap(m);
  }
}
