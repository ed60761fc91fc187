package io.ccapi.operator.observe;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Ready CcApps by namespace and name. Only the CcApp reconciler writes here (after it verified the app
 * and its credentials against the platform), so credentials are loaded in one place and children never
 * read them. Rebuilt from scratch after a restart: children wait (WaitingForApp) until their app is
 * reconciled, and the CcApp status change wakes them.
 */
public final class AppDirectory {
  private final ConcurrentMap<String, AppConnection> apps = new ConcurrentHashMap<>();

  public void put(AppConnection app) {
    apps.put(key(app.namespace(), app.appName()), app);
  }

  public void remove(String namespace, String name) {
    apps.remove(key(namespace, name));
  }

  public Optional<AppConnection> get(String namespace, String name) {
    return Optional.ofNullable(apps.get(key(namespace, name)));
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
