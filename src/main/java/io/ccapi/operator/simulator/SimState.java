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

  /** A new app with fresh id, Secret and extension prefix; not visible until {@link #add}ed. */
  AppState newApp(int type) {
    return new AppState(UUID.randomUUID().toString(), randomHex(16), extensionPrefix(), type, SEED_SP_NUMBERS);
  }

  void add(AppState app) {
    apps.put(app.appId, app);
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
