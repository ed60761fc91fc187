package io.ccapi.operator.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import io.ccapi.operator.runtime.EmbeddedCluster;
import org.junit.jupiter.api.Assumptions;

/**
 * The real kube-apiserver tier: started when its binaries are installed; otherwise the tests are skipped
 * with a message saying how to install them, except when CCAPI_REQUIRE_APISERVER=true (CI), where their
 * absence fails.
 */
public final class RealApiServer {
  public static final String MISSING =
      "no kube-apiserver/etcd in " + EmbeddedCluster.BINARIES + "; install them with scripts/install-current-apiserver.sh";

  private RealApiServer() {}

  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CCAPI_REQUIRE_APISERVER"));
  }

  /** Closes what a test class started, in this order, skipping what never started. */
  public static void closeAll(AutoCloseable... started) throws Exception {
    for (AutoCloseable c : started) {
      if (c != null) {
        c.close();
      }
    }
  }

  /** A started real API server, or a skipped (or, when required, failed) test. */
  public static EmbeddedCluster startOrSkip() {
    if (!EmbeddedCluster.realApiServerInstalled()) {
      if (required()) {
        fail("CCAPI_REQUIRE_APISERVER=true but " + MISSING);
      }
      Assumptions.abort(MISSING);
    }
    return EmbeddedCluster.startReal();
  }
}
