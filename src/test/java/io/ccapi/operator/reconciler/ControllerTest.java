package io.ccapi.operator.reconciler;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One operator harness per controller-test class; each test makes its own namespace. */
abstract class ControllerTest {
  static OperatorHarness h;

  @BeforeAll
  static void startHarness() throws Exception {
    h = OperatorHarness.start();
  }

  @AfterAll
  static void stopHarness() {
    h.close();
  }

  /** A Ready CcApp named "tenant" in {@code ns}; returns its AppId. */
  static String tenant(String ns) {
    h.app(ns, "tenant", s -> {});
    return h.appId(ns, "tenant");
  }
}
