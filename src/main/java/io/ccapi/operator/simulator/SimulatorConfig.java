package io.ccapi.operator.simulator;

/**
 * How to start a {@link CcapiSimulator}: the port (0 picks a free one), the one account's Sid and
 * AuthToken, and the initial faults.
 */
public record SimulatorConfig(int port, String sid, String authToken, FaultSettings faults) {
  public static final int DEFAULT_PORT = 18043;
  public static final String DEFAULT_SID = "sim-sid";
  public static final String DEFAULT_AUTH_TOKEN = "sim-token";

  public SimulatorConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0..65535");
    }
    if (sid == null || sid.isBlank() || authToken == null || authToken.isBlank()) {
      throw new IllegalArgumentException("sid and authToken are required");
    }
    if (faults == null) {
      throw new IllegalArgumentException("faults are required (FaultSettings.none() for none)");
    }
  }

  /** An ephemeral port, the default account, no faults: what tests start. */
  public static SimulatorConfig ephemeral() {
    return new SimulatorConfig(0, DEFAULT_SID, DEFAULT_AUTH_TOKEN, FaultSettings.none());
  }

  public SimulatorConfig withPort(int port) {
    return new SimulatorConfig(port, sid, authToken, faults);
  }

  public SimulatorConfig withCredentials(String sid, String authToken) {
    return new SimulatorConfig(port, sid, authToken, faults);
  }

  public SimulatorConfig withFaults(FaultSettings faults) {
    return new SimulatorConfig(port, sid, authToken, faults);
  }

  @Override
  public String toString() {
    return "SimulatorConfig[port=" + port + ", sid=" + sid + ", authToken=***, faults=" + faults + "]";
  }
}
