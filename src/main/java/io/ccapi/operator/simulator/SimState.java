package io.ccapi.operator.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All apps of the simulator's one account, plus the generators of ids and secrets. Ids are never reused,
 * not even after a reset, so a stale id held by a test cannot name a new object by accident.
 */
final class SimState {
  /** The relay numbers every new app gets, in the reference's style ("057126200670"). */
  static final List<String> SEED_SP_NUMBERS = List.of("057126200670", "057126200671", "057126200672");

  private final ConcurrentHashMap<String, AppState> apps = new ConcurrentHashMap<>();
  private final AtomicLong subscriptionIds = new AtomicLong();
  private final AtomicLong queueIds = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  /**
   * A new app with fresh Secret and extension prefix, under {@code appId} (the caller's, as the reference
   * has the CRM generate it) or a fresh one when null; not visible until {@link #add}ed.
   */
  AppState newApp(String appId, int type) {
    String id = appId != null ? appId : UUID.randomUUID().toString();
    return new AppState(id, randomHex(16), extensionPrefix(), type, SEED_SP_NUMBERS);
  }

  /** Makes the app visible; an AppId already taken is 100004, and nothing changes. */
  void add(AppState app) {
    if (apps.putIfAbsent(app.appId, app) != null) {
      throw SimError.duplicate(app.appId, "PRIMARY");
    }
  }

  /** The app, or null when unknown. */
  AppState app(String appId) {
    return apps.get(appId);
  }

  List<AppState> apps() {
    return List.copyOf(apps.values());
  }

  /** Removes one app, as the platform's own staff deleting a tenant would; false when unknown. */
  boolean remove(String appId) {
    return apps.remove(appId) != null;
  }

  void clear() {
    apps.clear();
  }

  long nextSubscriptionId() {
    return subscriptionIds.incrementAndGet();
  }

  long nextQueueId() {
    return queueIds.incrementAndGet();
  }

  /** {@code bytes} random bytes as lowercase hex: extension passwords (8) and app secrets (16). */
  String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** "9" and nine digits: the SIP number prefix of the app's extensions. */
  private String extensionPrefix() {
    StringBuilder sb = new StringBuilder("9");
    for (int i = 0; i < 9; i++) {
      sb.append(random.nextInt(10));
    }
    return sb.toString();
  }
}
