package io.ccapi.operator.ccapi.model;

import java.util.Arrays;
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
 * "call"). The CRD schema takes its enum from {@link Name}, so manifests and the simulator agree.
 */
public final class Events {
  private Events() {}

  /** One event name; the constant is the wire name. */
  @SuppressWarnings("java:S115") // wire names are lower case
  public enum Name {
    agent_call_mode_change("agent_call_mode"),
    acd_agent_state("agent_state"),
    ext_state("ext_state"),
    agent_breakout, agent_interrupt, asr_gather_fail, asr_gather_succ, begin, call_notes,
    consult_fail, consult_succ, dtmf_gather_fail, dtmf_gather_succ, eavesdrop_fail, eavesdrop_succ,
    end, end_consult_fail, end_consult_succ, enqueue_succ, extern_succ, general_hangup, hangup_cause,
    hold_call, play_fail, play_succ, record_stop, start_dialout, start_ivr, substitute_fail,
    substitute_succ, three_way_fail, three_way_succ, transfer_agent_fail, transfer_agent_succ,
    user_answer, user_hangup, user_ringing, voice_mail_fail, voice_mail_succ,
    agent_ringing, agent_answer, agent_hangup;

    private final String category;

    Name() {
      this("call");
    }

    Name(String category) {
      this.category = category;
    }

    public String category() {
      return category;
    }
  }

  /** The categories of webhooks/events ({@code category}); each {@link Name} belongs to one. */
  @SuppressWarnings("java:S115")
  public enum Category { agent_call_mode, agent_state, ext_state, call }

  public static final Map<String, List<String>> BY_CATEGORY =
      Collections.unmodifiableMap(
          Arrays.stream(Name.values())
              .collect(
                  Collectors.groupingBy(
                      Name::category,
                      LinkedHashMap::new,
                      Collectors.mapping(Name::name, Collectors.toUnmodifiableList()))));

  /** Every event name that a subscription may name. */
  public static final Set<String> ALL =
      Arrays.stream(Name.values()).map(Name::name).collect(Collectors.toUnmodifiableSet());
}
