package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.Reason;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.simulator.FaultSettings;
import io.ccapi.operator.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With every logger at DEBUG, a run through creates, failures and retries logs no secret value, plain or base64. */
class NoSecretsInLogsTest extends ControllerTest {
  @Test
  void noCredentialAppSecretOrPasswordInAnyLogLine() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    List<Logger> loud = new ArrayList<>();
    List<Level> levels = new ArrayList<>();
    for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.ccapi", "io.javaoperatorsdk", "io.fabric8", "okhttp3")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      loud.add(logger);
      levels.add(logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
    List<String> secrets = new ArrayList<>();
    try {
      String ns = h.namespace();
      String appId = tenant(ns);
      h.extension(ns, "e", "tenant", "8101", s -> {});
      h.agent(ns, "alice", "tenant", "1001", s -> {
        s.createExtension = true;
        s.extensionRefs = List.of("e");
      });
      h.awaitReady(CcAgent.class, ns, "alice");
      h.simulator.setFaults(new FaultSettings(0, 0, 1.0, FaultSettings.ErrorMode.HTTP500, 0, FaultSettings.DEFAULT_HANG_MS, 0));
      h.edit(CcAgent.class, ns, "alice", a -> a.getSpec().displayName = "Alice B.");
      h.awaitReason(CcAgent.class, ns, "alice", Reason.BackendUnavailable);
      h.simulator.setFaults(FaultSettings.none());
      h.credentials(ns, "bad", SimulatorConfig.DEFAULT_SID, "another-token-42");
      h.app(ns, "unauthorized", s -> s.credentialsSecretRef = "bad");
      h.awaitReason(CcApp.class, ns, "unauthorized", Reason.Unauthorized);
      h.awaitReady(CcExtension.class, ns, "e");

      secrets.add(SimulatorConfig.DEFAULT_AUTH_TOKEN);
      secrets.add("another-token-42");
      secrets.add(h.secret(ns, "tenant-ccapp").get("secret"));
      secrets.add(h.secret(ns, "e-sip").get("password"));
      secrets.add(h.secret(ns, "alice-extensions").get("password"));
      assertThat(h.platform.getApp(appId).secret()).isEqualTo(secrets.get(2));
    } finally {
      root.detachAppender(captured);
      for (int i = 0; i < loud.size(); i++) {
        loud.get(i).setLevel(levels.get(i));
      }
    }
    assertThat(captured.list).hasSizeGreaterThan(50);
    assertThat(secrets).doesNotContainNull().allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(8));
    // as they are stored in a Secret, too
    new ArrayList<>(secrets).forEach(v -> secrets.add(java.util.Base64.getEncoder().encodeToString(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    for (ILoggingEvent event : captured.list) {
      if (event.getLoggerName().startsWith("io.fabric8.kubernetes.client.server.mock")) {
        continue; // the mock API server's own log (it stores the Secrets); not part of the operator
      }
      String line = event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      for (String secret : secrets) {
        assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
      }
    }
  }
}
