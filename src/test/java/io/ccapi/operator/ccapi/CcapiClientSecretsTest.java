package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.simulator.SimHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No AuthToken, request Sign, app Secret or extension password in any exception message or log line,
 * on success or failure. A fixed clock makes the Sign of every request known in advance.
 */
class CcapiClientSecretsTest {
  private static final String WRONG_TOKEN = "wrong-token-5f1c";

  private SimHarness sim;
  private CcapiClientFactory factory;
  private CcapiClient client;
  private CcapiClient wrongClient;
  private long timestamp;
  private ListAppender<ILoggingEvent> logs;
  private Level previousLevel;
  private final List<String> messages = new ArrayList<>();

  @BeforeEach
  void start() {
    sim = SimHarness.start();
    timestamp = System.currentTimeMillis();
    factory =
        new CcapiClientFactory(
            Duration.ofSeconds(2), Duration.ofSeconds(2), CcapiClient.CallRecorder.NONE,
            Clock.fixed(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC));
    client = factory.create(sim.simulator.baseUrl(), SimHarness.CREDENTIALS);
    wrongClient = factory.create(sim.simulator.baseUrl(), new CcapiCredentials(SimHarness.CREDENTIALS.sid(), WRONG_TOKEN));

    logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    Logger ours = (Logger) LoggerFactory.getLogger("io.ccapi");
    previousLevel = ours.getLevel();
    ours.setLevel(Level.TRACE);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("io.ccapi")).setLevel(previousLevel);
    factory.close();
    sim.close();
  }

  private void failure(ThrowingCallable call) {
    CcapiException e = catchThrowableOfType(CcapiException.class, call);
    assertThat(e).isNotNull();
    messages.add(e.getMessage());
    messages.add(String.valueOf(e.errDesc()));
  }

  @Test
  void secretsNeverAppearInMessagesOrLogs() {
    Apps.App app = client.createApp(new Apps.CreateRequest("s", Apps.TYPE_CALL_CENTER, "", null, null));
    String appId = app.appId();
    Extensions.Credentials ext = client.createExtension(appId, "8001");
    List<Extensions.Credentials> agentExt =
        client.createAgents(appId, List.of(new Agents.Agent("1", "w1", null, null, null, null, null, true, null)));
    client.getApp(appId);

    failure(() -> wrongClient.getApp(appId)); // 401
    failure(() -> client.getAgent(appId, "404")); // NOT_FOUND
    failure(() -> client.createExtension(appId, "8001")); // CONFLICT
    failure(() -> client.deleteExtension(appId, agentExt.get(0).extension())); // BLOCKED_BY_DEPENDENCY
    failure(() -> client.createExtension(appId, "0001")); // INVALID_INPUT
    sim.ops("PUT", "faults", "{\"errorRate\":1.0}");
    failure(() -> client.getApp(appId)); // BACKEND, HTTP 500
    sim.ops("PUT", "faults", "{\"errorRate\":0,\"dropRate\":1.0}");
    failure(() -> client.getApp(appId)); // BACKEND, I/O
    sim.ops("PUT", "faults", "{\"dropRate\":0}");

    String sid = SimHarness.CREDENTIALS.sid();
    List<String> secrets =
        List.of(
            SimHarness.CREDENTIALS.authToken(),
            WRONG_TOKEN,
            Signer.sign(sid, SimHarness.CREDENTIALS.authToken(), timestamp),
            Signer.sign(sid, WRONG_TOKEN, timestamp),
            app.secret(),
            ext.password(),
            agentExt.get(0).password());
    assertThat(secrets).doesNotContainNull().allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));

    assertThat(messages).hasSize(14);
    List<String> logged = new ArrayList<>();
    for (ILoggingEvent event : logs.list) {
      logged.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        logged.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    assertThat(logged).as("the client logs its failures at DEBUG").isNotEmpty();
    for (String secret : secrets) {
      assertThat(messages).noneMatch(m -> m.contains(secret));
      assertThat(logged).noneMatch(m -> m.contains(secret));
    }
    assertThat(app.toString()).doesNotContain(app.secret());
    assertThat(ext.toString()).doesNotContain(ext.password());
  }
}
