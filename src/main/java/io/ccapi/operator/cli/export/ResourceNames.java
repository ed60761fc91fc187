package io.ccapi.operator.cli.export;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Kubernetes names for exported platform objects, deterministic and valid (DNS-1123, at most {@value MAX}
 * characters): a readable part from the platform's name, else the kind, followed by the platform id, which
 * is unique per kind. One instance per kind hands out each name once ({@link #unique}); pure.
 */
public final class ResourceNames {
  /** Short enough for a DNS label, and for the operator's Secret names ({@code <name>-extensions}). */
  public static final int MAX = 63;

  private final Set<String> taken = new HashSet<>();

  /** Lower-case ASCII letters and digits of {@code text} (accents dropped), other runs as one '-'. */
  public static String slug(String text) {
    if (text == null) {
      return "";
    }
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** {@code <slug(name)>-<id>}, or {@code <kind>-<id>} when the name gives no letter; the id is never cut. */
  public static String withId(String kind, String name, String id) {
    String suffix = "-" + slug(id);
    String readable = slug(name);
    // a name without a Latin letter ("坐席11" gives "11") reads better as the kind
    return cut(readable.matches(".*[a-z].*") ? readable : kind, MAX - suffix.length()) + suffix;
  }

  /** {@code wanted} as a valid name ({@code fallback} when it gives nothing), not yet taken: -2, -3, ... added. */
  public String take(String wanted, String fallback) {
    String base = slug(wanted);
    return unique(cut(base.isEmpty() ? fallback : base, MAX));
  }

  /**
   * {@code base} (a valid name) if this instance has not handed it out yet, else with -2, -3, ... Used in
   * a fixed order (by platform id), the same tenant always gets the same names.
   */
  public String unique(String base) {
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      String suffix = "-" + n;
      name = cut(base, MAX - suffix.length()) + suffix;
    }
    taken.add(name);
    return name;
  }

  /** At most {@code max} characters, never ending in '-'. */
  private static String cut(String name, int max) {
    String cut = name.length() <= max ? name : name.substring(0, max);
    return cut.replaceAll("-+$", "");
  }
}
