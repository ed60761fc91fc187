package io.ccapi.operator.ccapi.model;

import java.util.List;

/** Relay (trunk) numbers: "spnumbers". */
public final class SpNumbers {
  private SpNumbers() {}

  /** GET spnumbers. */
  public record Numbers(List<String> spNumbers, String defSpNumber) {}

  /** PUT spnumbers/default and PUT spnumbers/agent/default/{AgentId}. */
  public record DefaultRequest(String defSpNumber) {}
}
