package io.ccapi.operator.cli.plan;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** A Secret's values, decoded from data (base64) and stringData, as the API server would store them. */
final class SecretData {
  private SecretData() {}

  static Map<String, String> decode(Secret secret) {
    Map<String, String> out = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, v == null ? "" : new String(Base64.getDecoder().decode(v.trim()), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> out.put(k, v == null ? "" : v));
    }
    return out;
  }
}
