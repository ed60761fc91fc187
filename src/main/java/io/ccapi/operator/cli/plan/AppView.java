package io.ccapi.operator.cli.plan;

import io.ccapi.operator.observe.AppConnection;
import java.util.Optional;

/**
 * A CcApp as its children's plans see it: connected (it has an AppId, so they are observed), not created
 * yet (nothing of it can be observed: they plan creates), or stopped (they wait for it).
 */
record AppView(AppConnection connection, String stopped) {
  static AppView connected(AppConnection connection) {
    return new AppView(connection, null);
  }

  static AppView notCreated() {
    return new AppView(null, null);
  }

  static AppView stopped(String why) {
    return new AppView(null, why);
  }

  Optional<AppConnection> observable() {
    return Optional.ofNullable(connection);
  }
}
