package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Extensions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Seats: "agents", "agents/{AgentId}", and their bindings "agents/extensions", "agents/queues". */
final class AgentsApi {
  private static final Pattern AGENT_ID = Pattern.compile("\\d{1,32}");
  private static final Pattern WORK_ID = Pattern.compile("\\w{1,32}");
  static final int MAX_EXTENSIONS_PER_AGENT = 2;
  /** IsCreateExtension without an {@code Extension} takes the lowest free number from here up. */
  static final int FIRST_AUTO_EXTENSION = 8001;
  private static final int STATE_NOT_AVAILABLE = 4;
  private static final int EXT_STATE_ONLINE = 2;
  private static final int EXT_STATE_OFFLINE = 3;

  private final SimState state;

  AgentsApi(SimState state) {
    this.state = state;
  }

  void register(SimRouter r) {
    r.add("POST", "agents", true, this::create);
    r.add("GET", "agents", true, this::list);
    r.add("PUT", "agents/{AgentId}", true, this::update);
    r.add("DELETE", "agents/{AgentId}", true, this::delete);
    r.add("GET", "agents/{AgentId}", true, this::get);
    r.add("POST", "agents/extensions", true, this::bindExtensions);
    r.add("DELETE", "agents/extensions", true, this::unbindExtensions);
    r.add("POST", "agents/queues", true, this::bindQueues);
    r.add("DELETE", "agents/queues", true, this::unbindQueues);
  }

  /** A validated seat object of POST agents or PUT agents/{AgentId}. */
  private record Spec(
      String id, String workId, String name, String mobile, String email, String role, boolean enable,
      boolean createExtension, String extension, int wrapUpTime) {}

  private static Spec parse(Body b, String pathId) {
    String id = b.text("AgentId");
    if (pathId != null) {
      // the path names the seat: the reference's own PUT example sends AgentId 10030 to agents/7763
      id = pathId;
    }
    String workId = b.text("WorkId");
    if (Body.isBlank(id) || Body.isBlank(workId)) {
      throw SimError.idsBlank();
    }
    if (!AGENT_ID.matcher(id).matches()) {
      throw SimError.paramsInvalid("AgentId must be 1 to 32 digits");
    }
    if (!WORK_ID.matcher(workId).matches()) {
      throw SimError.paramsInvalid("WorkId must be 1 to 32 letters, digits or _");
    }
    String role = b.text("Role");
    role = Body.isBlank(role) ? Agents.ROLE_AGENT : role;
    if (!role.equals(Agents.ROLE_AGENT) && !role.equals(Agents.ROLE_LEADER)) {
      throw SimError.paramsInvalid("Role must be agent or leader");
    }
    boolean createExtension = b.bool("IsCreateExtension", false);
    String extension = b.text("Extension");
    if (createExtension && extension != null && !ExtensionsApi.NUMBER.matcher(extension).matches()) {
      throw SimError.paramsInvalid("Extension must match [1-9]\\d{3}");
    }
    Integer wrapUpTime = b.integer("WrapUpTime");
    if (wrapUpTime != null && wrapUpTime < 0) {
      throw SimError.paramsInvalid("WrapUpTime must be 0 or more seconds");
    }
    return new Spec(
        id, workId, b.text("Name", ""), b.text("Mobile", ""), b.text("Email", ""), role,
        b.bool("Enable", true), createExtension, extension, wrapUpTime == null ? 0 : wrapUpTime);
  }

  /** POST agents: every seat is validated before any is created. */
  private Object create(SimCall c) {
    List<Body> objects = c.body().objects("Agents");
    if (objects == null || objects.isEmpty()) {
      throw SimError.parameterError("Agents is required");
    }
    List<Spec> specs = objects.stream().map(o -> parse(o, null)).toList();
    AppState app = c.app();
    return app.locked(() -> {
      Set<String> ids = new HashSet<>();
      Set<String> taken = new HashSet<>(app.extensions.keySet());
      for (Spec s : specs) {
        if (app.agents.containsKey(s.id()) || !ids.add(s.id())) {
          throw SimError.duplicate(s.id(), "AgentId");
        }
        if (s.createExtension() && s.extension() != null && !taken.add(s.extension())) {
          throw ExtensionsApi.numberExisted();
        }
      }
      List<String> numbers = new ArrayList<>();
      for (Spec s : specs) {
        String number = null;
        if (s.createExtension()) {
          number = s.extension() != null ? s.extension() : lowestFree(taken);
          taken.add(number);
        }
        numbers.add(number);
      }
      List<Extensions.Credentials> created = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        AppState.Agent agent = new AppState.Agent(specs.get(i).id());
        apply(specs.get(i), agent);
        app.agents.put(agent.id, agent);
        if (numbers.get(i) != null) {
          AppState.Extension ext = ExtensionsApi.newExtension(app, state, numbers.get(i));
          ext.agentId = agent.id;
          agent.extensions.add(ext.number);
          created.add(ExtensionsApi.credentials(app, ext));
        }
      }
      return created.isEmpty() ? null : new Agents.CreateResult(created);
    });
  }

  private static String lowestFree(Set<String> taken) {
    for (int n = FIRST_AUTO_EXTENSION; n <= 9999; n++) {
      if (!taken.contains(Integer.toString(n))) {
        return Integer.toString(n);
      }
    }
    throw SimError.paramsInvalid("no free extension number from " + FIRST_AUTO_EXTENSION + " up");
  }

  /** PUT replaces the seat: absent optional fields take their defaults, as on create. */
  private Object update(SimCall c) {
    Spec spec = parse(c.body(), c.pathParam(0));
    AppState app = c.app();
    return app.locked(() -> {
      apply(spec, app.agent(spec.id()));
      return null;
    });
  }

  private static void apply(Spec s, AppState.Agent a) {
    a.workId = s.workId();
    a.name = s.name();
    a.mobile = s.mobile();
    a.email = s.email();
    a.role = s.role();
    a.enable = s.enable();
    a.wrapUpTime = s.wrapUpTime();
  }

  private Object delete(SimCall c) {
    String agentId = c.pathParam(0);
    String bodyId = c.body().text("AgentId");
    if (bodyId != null && !bodyId.equals(agentId)) {
      throw SimError.paramsInvalid("AgentId in the body differs from the path");
    }
    boolean deleteExtensions = c.body().bool("IsDelExtensions", false);
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Agent agent = app.agent(agentId);
      if (!agent.queues.isEmpty() || (!agent.extensions.isEmpty() && !deleteExtensions)) {
        throw SimError.business(ErrorCodes.DUPLICATE_OR_BAD_REQUEST, ErrorCodes.MSG_AGENT_HAS_BINDINGS);
      }
      agent.extensions.forEach(app.extensions::remove);
      app.agents.remove(agentId);
      return null;
    });
  }

  private Object get(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> details(app, app.agent(c.pathParam(0)), true));
  }

  /**
   * GET agents: PageNum (default 1) and PageSize (default: all seats on one page, as in the reference's
   * example where PageSize equals Total) from the query; seats in creation order.
   */
  private Object list(SimCall c) {
    int pageNum = c.queryInt("PageNum") == null ? 1 : c.queryInt("PageNum");
    Integer requestedSize = c.queryInt("PageSize");
    AppState app = c.app();
    return app.locked(() -> {
      List<AppState.Agent> all = new ArrayList<>(app.agents.values());
      int total = all.size();
      int pageSize = requestedSize == null ? total : requestedSize;
      int totalPage = pageSize == 0 ? 0 : (total + pageSize - 1) / pageSize;
      long from = (long) (pageNum - 1) * pageSize;
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (long i = from; i < Math.min(total, from + pageSize); i++) {
        list.add(details(app, all.get((int) i), false));
      }
      ObjectNode page = JsonNodeFactory.instance.objectNode();
      page.put("CurrPage", pageNum);
      page.put("PageSize", pageSize);
      page.put("Total", total);
      page.put("TotalPage", totalPage);
      page.set("AgentList", list);
      return page;
    });
  }

  /**
   * A seat as the reference's examples show it: in the details {@code AgentId} is {@code "<id>@<AppId>"};
   * Queues and Extensions are lists of ids or null when empty; DefSpNumber is a string.
   */
  private static ObjectNode details(AppState app, AppState.Agent a, boolean qualifiedId) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("AppId", app.appId);
    n.put("AgentId", qualifiedId ? a.id + "@" + app.appId : a.id);
    n.put("WorkId", a.workId);
    n.put("Name", a.name);
    n.put("Mobile", a.mobile);
    n.put("Email", a.email);
    n.put("Role", a.role);
    if (a.queues.isEmpty()) {
      n.putNull("Queues");
      n.putNull("QueuesNames");
    } else {
      a.queues.forEach(n.putArray("Queues")::add);
      n.put("QueuesNames", a.queues.stream().map(q -> app.queues.get(q).name).collect(Collectors.joining(",")));
    }
    if (a.extensions.isEmpty()) {
      n.putNull("Extensions");
    } else {
      a.extensions.forEach(n.putArray("Extensions")::add);
    }
    n.put("DefSpNumber", a.defSpNumber);
    n.put("State", STATE_NOT_AVAILABLE);
    n.put("ExtState", a.extensions.isEmpty() ? EXT_STATE_OFFLINE : EXT_STATE_ONLINE);
    n.put("WrapUpTime", a.wrapUpTime);
    n.put("Enable", a.enable);
    n.putNull("ExtenInfos");
    return n;
  }

  /** AgentId and a non-empty list field of a binding request. */
  private record Binding(String agentId, List<String> ids) {}

  private static Binding binding(Body b, String listField) {
    String agentId = b.text("AgentId");
    List<String> ids = b.texts(listField);
    if (Body.isBlank(agentId)) {
      throw SimError.parameterError("AgentId is required");
    }
    if (ids == null || ids.isEmpty()) {
      throw SimError.parameterError(listField + " is required");
    }
    return new Binding(agentId, ids);
  }

  /** POST agents/extensions: at most two per seat; an extension belongs to one seat at most. */
  private Object bindExtensions(SimCall c) {
    Binding req = binding(c.body(), "Extensions");
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Agent agent = app.agent(req.agentId());
      for (String number : req.ids()) {
        AppState.Extension ext = app.extensions.get(number);
        if (ext == null) {
          throw SimError.dataNotExist();
        }
        if (ext.agentId != null && !ext.agentId.equals(agent.id)) {
          throw SimError.duplicate(number, "Extension");
        }
      }
      Set<String> after = new TreeSet<>(agent.extensions);
      after.addAll(req.ids());
      if (after.size() > MAX_EXTENSIONS_PER_AGENT) {
        throw SimError.paramsInvalid("a seat has at most " + MAX_EXTENSIONS_PER_AGENT + " extensions");
      }
      for (String number : req.ids()) {
        app.extensions.get(number).agentId = agent.id;
        agent.extensions.add(number);
      }
      return null;
    });
  }

  /** DELETE agents/extensions: extensions not bound to the seat are skipped. */
  private Object unbindExtensions(SimCall c) {
    Binding req = binding(c.body(), "Extensions");
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Agent agent = app.agent(req.agentId());
      for (String number : req.ids()) {
        if (agent.extensions.remove(number)) {
          app.extensions.get(number).agentId = null;
        }
      }
      return null;
    });
  }

  private Object bindQueues(SimCall c) {
    Binding req = binding(c.body(), "Queues");
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Agent agent = app.agent(req.agentId());
      req.ids().forEach(app::queue);
      agent.queues.addAll(req.ids());
      return null;
    });
  }

  /** DELETE agents/queues: queues the seat is not bound to are skipped. */
  private Object unbindQueues(SimCall c) {
    Binding req = binding(c.body(), "Queues");
    AppState app = c.app();
    return app.locked(() -> {
      app.agent(req.agentId()).queues.removeAll(req.ids());
      return null;
    });
  }
}
