package io.ccapi.operator.plan;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Secret the operator writes for one resource, as the planner sees it: absent, the operator's own
 * record (created by it for this very resource), or foreign — something else under that name, never
 * read as a record and never overwritten.
 */
public record StoredSecret(String name, State state, Map<String, String> data) {
  /** Where a Secret with the operator's name came from. */
  public enum State {
    ABSENT,
    OURS,
    FOREIGN
  }

  public static StoredSecret absent(String name) {
    return new StoredSecret(name, State.ABSENT, Map.of());
  }

  public static StoredSecret ours(String name, Map<String, String> data) {
    return new StoredSecret(name, State.OURS, Map.copyOf(data));
  }

  public static StoredSecret foreign(String name) {
    return new StoredSecret(name, State.FOREIGN, Map.of());
  }

  /** A Secret read from the API server (null: none), as the record of the resource {@code ownerUid}. */
  public static StoredSecret of(String name, Secret secret, String ownerUid) {
    if (secret == null) {
      return absent(name);
    }
    return OwnershipRule.isOurSecret(secret, ownerUid) ? ours(name, decode(secret)) : foreign(name);
  }

  /** A Secret's values: data decoded from base64, then stringData (which wins, as on a write). */
  public static Map<String, String> decode(Secret secret) {
    Map<String, String> out = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, v == null ? "" : new String(Base64.getDecoder().decode(v.trim()), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> out.put(k, v == null ? "" : v));
    }
    return out;
  }

  /** A stored value of the operator's own record; null when absent or foreign. */
  public String get(String key) {
    return state == State.OURS ? data.get(key) : null;
  }

  public boolean has(String key) {
    String v = get(key);
    return v != null && !v.isEmpty();
  }

  /** Stops the plan when the name is taken by a Secret the operator did not write for this resource. */
  public void requireNotForeign(String kind) {
    if (state == State.FOREIGN) {
      throw new ReconcileException(
          Reason.SecretConflict,
          "Secret " + name + " exists but was not created by the operator for this " + kind
              + "; it is neither read nor overwritten: delete or rename that Secret");
    }
  }
}
