package io.ccapi.operator.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One field an update changes, as a person reads it in a plan: {@code name: "old" -> "new"}. */
public record Change(String field, String before, String after) {
  @Override
  public String toString() {
    return field + ": " + quote(before) + " -> " + quote(after);
  }

  private static String quote(String v) {
    return v == null ? "(none)" : "\"" + v + "\"";
  }

  /** Collects the fields whose observed value differs from the wanted one. */
  public static final class Diff {
    private final List<Change> changes = new ArrayList<>();

    /** Compares two values; null and "" are the same (the platform answers either for an unset field). */
    public Diff field(String field, Object observed, Object wanted) {
      String before = text(observed);
      String after = text(wanted);
      if (!Objects.equals(before, after)) {
        changes.add(new Change(field, before, after));
      }
      return this;
    }

    public List<Change> changes() {
      return List.copyOf(changes);
    }

    private static String text(Object v) {
      return v == null || "".equals(v) ? null : v.toString();
    }
  }
}
