package io.ccapi.operator.ccapi.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Seat (agent) management: "agents", "agents/extensions", "agents/queues". */
public final class Agents {
  private Agents() {}

  public static final String ROLE_AGENT = "agent";
  public static final String ROLE_LEADER = "leader";

  /**
   * Seat object of POST agents (inside {@code Agents}) and body of PUT agents/{AgentId}. {@code Extension}
   * and {@code WrapUpTime} (seconds) are not in the parameter tables but in the reference's own request
   * example; {@code Extension} is the extension number to create when {@code IsCreateExtension} is true.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Agent(
      String agentId,
      String workId,
      String name,
      String mobile,
      String email,
      String role,
      Boolean enable,
      Boolean isCreateExtension,
      String extension,
      Integer wrapUpTime) {
    /** A seat without wrap-up time (the platform's default applies). */
    public Agent(
        String agentId, String workId, String name, String mobile, String email, String role, Boolean enable,
        Boolean isCreateExtension, String extension) {
      this(agentId, workId, name, mobile, email, role, enable, isCreateExtension, extension, null);
    }
  }

  /** POST agents. */
  public record CreateRequest(List<Agent> agents) {}

  /** Result of POST agents when extensions were created with the seats. */
  public record CreateResult(List<Extensions.Credentials> extensions) {}

  /** Body of DELETE agents/{AgentId} (AgentId is also in the path). */
  public record DeleteRequest(String agentId, Boolean isDelExtensions) {}

  /** POST/DELETE agents/extensions. At most two extensions per seat. */
  public record ExtensionsRequest(String agentId, List<String> extensions) {}

  /** POST/DELETE agents/queues. */
  public record QueuesRequest(String agentId, List<String> queues) {}

  /**
   * Seat as returned by GET agents/{AgentId} and inside the list. Quirks handled by the client: the
   * details' {@code AgentId} may carry an {@code @AppId} suffix; {@code DefSpNumber} is documented as a list
   * but shown as a string; {@code Extensions} may be numbers or objects.
   */
  public record Details(
      String appId,
      String agentId,
      String workId,
      String name,
      String mobile,
      String email,
      String role,
      List<String> queues,
      String queuesNames,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<ExtensionRef> extensions,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> defSpNumber,
      Integer state,
      Integer extState,
      Integer wrapUpTime,
      Boolean enable) {}

  /** GET agents: one page of seats. */
  public record Page(int currPage, int pageSize, int total, int totalPage, List<Details> agentList) {}
}
