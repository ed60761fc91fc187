package io.ccapi.operator.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator (and real client) per test class; each test works in a fresh app. */
public abstract class SimulatorTestBase {
  protected static SimHarness sim;
  protected String appId;

  @BeforeAll
  static void startSimulator() {
    sim = SimHarness.start();
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void newApp() {
    appId = sim.newApp().appId();
  }
}
