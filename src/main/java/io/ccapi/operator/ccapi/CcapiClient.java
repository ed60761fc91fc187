package io.ccapi.operator.ccapi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.ccapi.model.Webhooks;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed, signed calls to one ccapi account. Every call carries Timestamp (UTC ms), AppId (all but app
 * creation), Sid and Sign as query parameters; POST, PUT and DELETE carry a JSON body. GET never carries a
 * body: OkHttp (like many proxies) refuses one, and every GET the operator makes has its parameters in the
 * path, so the simulator accepts GETs without body (see simulator/DESIGN.md).
 *
 * <p>No call is retried here: a POST that timed out may have been applied, so retrying is the caller's
 * decision (the reconcilers retry and adopt duplicates they created). Thread-safe.
 */
public final class CcapiClient {
  private static final Logger LOG = LoggerFactory.getLogger(CcapiClient.class);
  private static final MediaType JSON = MediaType.get("application/json;charset=utf-8");
  private static final int AGENT_PAGE_SIZE = 500;

  private final OkHttpClient http;
  private final HttpUrl base;
  private final CcapiCredentials credentials;
  private final Clock clock;
  private final CallRecorder recorder;

  CcapiClient(
      OkHttpClient http, String baseUrl, CcapiCredentials credentials, Clock clock, CallRecorder recorder) {
    this.http = http;
    this.base = HttpUrl.get(baseUrl.replaceAll("/+$", "") + "/ccapi/v2/");
    this.credentials = credentials;
    this.clock = clock;
    this.recorder = recorder;
  }

  // ---- apps

  /** POST apps: the only call without AppId. The result carries the app Secret. */
  public Apps.App createApp(Apps.CreateRequest request) {
    return read(call("POST", "apps", "apps", null, request), Apps.App.class);
  }

  public void updateApp(String appId, Apps.UpdateRequest request) {
    call("PUT", "apps", "apps", appId, request);
  }

  public Apps.App getApp(String appId) {
    return read(call("GET", "apps", "apps", appId, null), Apps.App.class);
  }

  // ---- relay numbers

  public SpNumbers.Numbers listSpNumbers(String appId) {
    return read(call("GET", "spnumbers", "spnumbers", appId, null), SpNumbers.Numbers.class);
  }

  public void setDefaultSpNumber(String appId, String number) {
    call("PUT", "spnumbers/default", "spnumbers/default", appId, new SpNumbers.DefaultRequest(number));
  }

  public void deleteDefaultSpNumber(String appId) {
    call("DELETE", "spnumbers/default", "spnumbers/default", appId, Map.of());
  }

  public void setAgentDefaultSpNumber(String appId, String agentId, String number) {
    call(
        "PUT",
        "spnumbers/agent/default/{AgentId}",
        "spnumbers/agent/default/" + agentId,
        appId,
        new SpNumbers.DefaultRequest(number));
  }

  public void deleteAgentDefaultSpNumber(String appId, String agentId) {
    call(
        "DELETE",
        "spnumbers/agent/default/{AgentId}",
        "spnumbers/agent/default/" + agentId,
        appId,
        Map.of());
  }

  // ---- agents

  /** POST agents. Returns the created extensions with their passwords (empty when none were created). */
  public List<Extensions.Credentials> createAgents(String appId, List<Agents.Agent> agents) {
    Agents.CreateResult result =
        read(call("POST", "agents", "agents", appId, new Agents.CreateRequest(agents)), Agents.CreateResult.class);
    return result == null || result.extensions() == null ? List.of() : result.extensions();
  }

  /** PUT agents/{AgentId}; AgentId goes in the path and the body, as the reference asks. */
  public void updateAgent(String appId, Agents.Agent agent) {
    call("PUT", "agents/{AgentId}", "agents/" + agent.agentId(), appId, agent);
  }

  public void deleteAgent(String appId, String agentId, boolean deleteExtensions) {
    call(
        "DELETE",
        "agents/{AgentId}",
        "agents/" + agentId,
        appId,
        new Agents.DeleteRequest(agentId, deleteExtensions));
  }

  /** GET agents/{AgentId}; the {@code @AppId} suffix the platform may append to AgentId is removed. */
  public Agents.Details getAgent(String appId, String agentId) {
    return normalize(read(call("GET", "agents/{AgentId}", "agents/" + agentId, appId, null), Agents.Details.class));
  }

  public Agents.Page listAgentsPage(String appId, int pageNum, int pageSize) {
    Agents.Page page =
        read(
            call("GET", "agents", "agents?PageNum=" + pageNum + "&PageSize=" + pageSize, appId, null),
            Agents.Page.class);
    return page == null ? new Agents.Page(pageNum, pageSize, 0, 0, List.of()) : page;
  }

  /** Every seat of the app, page by page. */
  public List<Agents.Details> listAgents(String appId) {
    List<Agents.Details> all = new ArrayList<>();
    for (int pageNum = 1; ; pageNum++) {
      Agents.Page page = listAgentsPage(appId, pageNum, AGENT_PAGE_SIZE);
      if (page.agentList() != null) {
        page.agentList().forEach(a -> all.add(normalize(a)));
      }
      if (page.agentList() == null || page.agentList().isEmpty() || pageNum >= page.totalPage()) {
        return all;
      }
    }
  }

  public void bindAgentExtensions(String appId, String agentId, List<String> extensions) {
    call("POST", "agents/extensions", "agents/extensions", appId, new Agents.ExtensionsRequest(agentId, extensions));
  }

  public void unbindAgentExtensions(String appId, String agentId, List<String> extensions) {
    call("DELETE", "agents/extensions", "agents/extensions", appId, new Agents.ExtensionsRequest(agentId, extensions));
  }

  public void bindAgentQueues(String appId, String agentId, List<String> queues) {
    call("POST", "agents/queues", "agents/queues", appId, new Agents.QueuesRequest(agentId, queues));
  }

  public void unbindAgentQueues(String appId, String agentId, List<String> queues) {
    call("DELETE", "agents/queues", "agents/queues", appId, new Agents.QueuesRequest(agentId, queues));
  }

  // ---- queues

  public void createQueue(String appId, Queues.Request request) {
    call("POST", "queues", "queues", appId, request);
  }

  public void updateQueue(String appId, Queues.Request request) {
    call("PUT", "queues", "queues", appId, request);
  }

  public void deleteQueue(String appId, String queueId) {
    call("DELETE", "queues", "queues", appId, new Queues.IdRequest(queueId));
  }

  public List<Queues.Info> listQueues(String appId) {
    return readList(call("GET", "queues", "queues", appId, null), Queues.Info.class);
  }

  /** POST queues/agents: adds bindings only. */
  public void bindQueueAgents(String appId, String queueId, List<String> agentIds) {
    call("POST", "queues/agents", "queues/agents", appId, new Queues.AgentsRequest(queueId, agentIds));
  }

  // ---- extensions

  /** POST extensions. The platform generates the password; it is returned only here. */
  public Extensions.Credentials createExtension(String appId, String extension) {
    return read(
        call("POST", "extensions", "extensions", appId, new Extensions.Request(extension)),
        Extensions.Credentials.class);
  }

  public void deleteExtension(String appId, String extension) {
    call("DELETE", "extensions", "extensions", appId, new Extensions.Request(extension));
  }

  // ---- subscriptions

  public Subscriptions.CreateResult createSubscriptions(
      String appId, List<Subscriptions.Subscription> subscriptions) {
    return read(
        call("POST", "subscriptions", "subscriptions", appId, new Subscriptions.CreateRequest(subscriptions)),
        Subscriptions.CreateResult.class);
  }

  public List<Subscriptions.Subscription> listSubscriptions(String appId) {
    return readList(call("GET", "subscriptions", "subscriptions", appId, null), Subscriptions.Subscription.class);
  }

  public Subscriptions.Subscription getSubscription(String appId, long id) {
    return read(
        call("GET", "subscriptions/{id}", "subscriptions/" + id, appId, null), Subscriptions.Subscription.class);
  }

  /** PUT subscriptions/{id}; answers the platform's {@code {name: id}} map. */
  public Map<String, Long> updateSubscription(String appId, long id, Subscriptions.Subscription subscription) {
    Answer answer = call("PUT", "subscriptions/{id}", "subscriptions/" + id, appId, subscription);
    JavaType idsByName = CcapiJson.MAPPER.constructType(new TypeReference<Map<String, Long>>() {});
    return answer.result().isNull() ? Map.of() : convert(answer.result(), idsByName, answer.endpoint());
  }

  public void deleteSubscription(String appId, long id) {
    call("DELETE", "subscriptions/{id}", "subscriptions/" + id, appId, Map.of());
  }

  // ---- webhook event categories

  public void addWebhookEvents(String appId, List<Webhooks.Category> categories) {
    call("POST", "webhooks/events", "webhooks/events", appId, new Webhooks.EventsRequest(categories));
  }

  public void replaceWebhookEvents(String appId, List<Webhooks.Category> categories) {
    call("PUT", "webhooks/events", "webhooks/events", appId, new Webhooks.EventsRequest(categories));
  }

  public void deleteWebhookEvents(String appId) {
    call("DELETE", "webhooks/events", "webhooks/events", appId, Map.of());
  }

  // ---- IVR

  public void uploadVoiceFile(String appId, Ivrs.VoiceFile file) {
    call("POST", "ivrs/vfiles", "ivrs/vfiles", appId, file);
  }

  public void deleteVoiceFile(String appId, String fileName) {
    call("DELETE", "ivrs/vfiles", "ivrs/vfiles", appId, new Ivrs.VoiceFile(fileName, null, null));
  }

  public List<Ivrs.VoiceFile> listVoiceFiles(String appId) {
    Ivrs.VoiceFiles files = read(call("GET", "ivrs/vfiles", "ivrs/vfiles", appId, null), Ivrs.VoiceFiles.class);
    return files == null || files.ivrVFiles() == null ? List.of() : files.ivrVFiles();
  }

  public void setDefVoices(String appId, Map<String, Object> voices) {
    call("POST", "ivrs/defvoices", "ivrs/defvoices", appId, new Ivrs.DefVoicesRequest(voices));
  }

  public Map<String, Object> getDefVoices(String appId) {
    Ivrs.DefVoices voices = read(call("GET", "ivrs/defvoices", "ivrs/defvoices", appId, null), Ivrs.DefVoices.class);
    return voices == null || voices.voices() == null ? Map.of() : voices.voices();
  }

  public void setFastRouter(String appId, List<Ivrs.FastRoute> routes) {
    call("POST", "ivrs/fastrouters", "ivrs/fastrouters", appId, new Ivrs.FastRouter(routes));
  }

  /** GET ivrs/fastrouters: the table is read from Result or, as the reference shows it, beside ErrCode. */
  public List<Ivrs.FastRoute> getFastRouter(String appId) {
    Envelope envelope = exchange("GET", "ivrs/fastrouters", "ivrs/fastrouters", appId, null);
    JsonNode table = envelope.result().has("FastRouter") ? envelope.result() : envelope.root();
    Ivrs.FastRouter router =
        convert(table, CcapiJson.MAPPER.constructType(Ivrs.FastRouter.class), "GET ivrs/fastrouters");
    return router == null || router.fastRouter() == null ? List.of() : router.fastRouter();
  }

  // ---- plumbing

  /** A call's Result and its endpoint label, so that a Result of the wrong shape is reported by endpoint. */
  private record Answer(JsonNode result, String endpoint) {}

  private Answer call(String method, String endpoint, String pathAndQuery, String appId, Object body) {
    return new Answer(exchange(method, endpoint, pathAndQuery, appId, body).result(), method + " " + endpoint);
  }

  private Envelope exchange(String method, String endpoint, String pathAndQuery, String appId, Object body) {
    String label = method + " " + endpoint;
    long timestamp = clock.millis();
    HttpUrl.Builder url = base.resolve(pathAndQuery).newBuilder().addQueryParameter("Timestamp", Long.toString(timestamp));
    if (appId != null) {
      url.addQueryParameter("AppId", appId);
    }
    url.addQueryParameter("Sid", credentials.sid())
        .addQueryParameter("Sign", Signer.sign(credentials.sid(), credentials.authToken(), timestamp));
    Request request =
        new Request.Builder()
            .url(url.build())
            .header("Accept", "application/json")
            .method(method, body == null ? null : RequestBody.create(toJson(body), JSON))
            .build();
    long start = System.nanoTime();
    try {
      Envelope envelope = execute(request, label);
      recorder.record(label, "ok", System.nanoTime() - start);
      return envelope;
    } catch (CcapiException e) {
      recorder.record(label, e.errorClass().name(), System.nanoTime() - start);
      LOG.debug("{} app={} failed: {}", label, appId, e.getMessage());
      throw e;
    }
  }

  private Envelope execute(Request request, String label) {
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      int status = response.code();
      LOG.trace("{} -> HTTP {}", label, status);
      JsonNode root;
      try {
        root = CcapiJson.MAPPER.readTree(text);
      } catch (IOException e) {
        root = null;
      }
      if (root == null || !root.isObject()) {
        throw new CcapiException(
            ErrorClass.classify(status, null, null), // 401/403 stay UNAUTHORIZED even without a JSON body
            null,
            status == 401 || status == 403 ? "unauthorized" : "answer is not a ccapi JSON object",
            status,
            label,
            null);
      }
      Envelope envelope = Envelope.of(root);
      if (status >= 400 || !envelope.ok()) {
        throw CcapiException.of(status, envelope.errCode(), envelope.errDesc(), label);
      }
      return envelope;
    } catch (IOException e) {
      // The I/O message is not trusted to be free of the URL; only its type is kept.
      String what = "I/O error: " + e.getClass().getSimpleName();
      if (neverSent(e)) {
        throw CcapiException.notSent(what, label);
      }
      throw new CcapiException(ErrorClass.BACKEND, null, what, 0, label, null);
    }
  }

  /** Failures before the request could reach the platform: it certainly was not applied. */
  private static boolean neverSent(IOException e) {
    return e instanceof java.net.ConnectException
        || e instanceof java.net.UnknownHostException
        || e instanceof java.net.NoRouteToHostException
        || e instanceof javax.net.ssl.SSLHandshakeException;
  }

  private static byte[] toJson(Object body) {
    try {
      return CcapiJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode " + body.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(Answer answer, Class<T> type) {
    JsonNode result = answer.result();
    return result.isNull() || result.isMissingNode()
        ? null
        : convert(result, CcapiJson.MAPPER.constructType(type), answer.endpoint());
  }

  private static <T> List<T> readList(Answer answer, Class<T> type) {
    JsonNode result = answer.result();
    if (result.isNull() || result.isMissingNode()) {
      return List.of();
    }
    JavaType listType = CcapiJson.MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    return convert(result, listType, answer.endpoint());
  }

  private static <T> T convert(JsonNode node, JavaType type, String endpoint) {
    try {
      return CcapiJson.MAPPER.treeToValue(node, type);
    } catch (IOException e) {
      String what = "unexpected Result shape for " + type.getRawClass().getSimpleName();
      throw new CcapiException(ErrorClass.MALFORMED, null, what, 200, endpoint, null);
    }
  }

  private static Agents.Details normalize(Agents.Details d) {
    if (d == null || d.agentId() == null || !d.agentId().contains("@")) {
      return d;
    }
    return new Agents.Details(
        d.appId(), d.agentId().substring(0, d.agentId().indexOf('@')), d.workId(), d.name(), d.mobile(),
        d.email(), d.role(), d.queues(), d.queuesNames(), d.extensions(), d.defSpNumber(), d.state(),
        d.extState(), d.wrapUpTime(), d.enable());
  }

  /** Receives the outcome ("ok" or an {@link ErrorClass} name) and duration of every call. */
  @FunctionalInterface
  public interface CallRecorder {
    CallRecorder NONE = (endpoint, outcome, nanos) -> {};

    void record(String endpoint, String outcome, long nanos);

    /** The configured limit (calls per second, all accounts together); called once when it is set. */
    default void rateLimit(int callsPerSecond) {}

    /** How long a call waited for its turn under the rate limit, and whether it got one. */
    default void rateLimitWait(boolean gotTurn, long nanos) {}
  }
}
