package io.ccapi.operator.plan;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Names the operator derives from a resource's name (its Secrets, its Events). A resource name may be
 * 253 characters, the limit of the derived name too: a name that would be longer keeps a readable
 * prefix and ends in a hash of the whole, so every valid resource name gets its own valid name.
 */
public final class KubeNames {
  /** Longest object name (a DNS subdomain). */
  public static final int MAX_NAME = 253;
  private static final int HASH = 10;

  private KubeNames() {}

  /** {@code base + suffix}, or, when longer than {@link #MAX_NAME}, a shortened base, a hash and the suffix. */
  public static String derived(String base, String suffix) {
    String whole = base + suffix;
    if (whole.length() <= MAX_NAME) {
      return whole;
    }
    String hash = DigestUtils.sha256Hex(whole).substring(0, HASH);
    String prefix = base.substring(0, MAX_NAME - suffix.length() - HASH - 1).replaceAll("[.-]+$", "");
    return prefix + "-" + hash + suffix;
  }
}
