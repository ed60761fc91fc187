package io.ccapi.operator.cli.plan;

import io.fabric8.generator.annotation.Required;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The schema's required fields of a spec ({@code @Required}), checked before planning: the API server
 * would refuse a manifest without them, and the planners expect them.
 */
final class RequiredFields {
  private RequiredFields() {}

  /** The path of the first required field that is missing ({@code spec.agentId}), or null. */
  static String firstMissing(Object spec) {
    if (spec == null) {
      return "spec";
    }
    for (Class<?> c = spec.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(Required.class) && isMissing(spec, field)) {
          return "spec." + field.getName();
        }
      }
    }
    return null;
  }

  private static boolean isMissing(Object spec, Field field) {
    try {
      field.setAccessible(true);
      Object value = field.get(spec);
      return value == null || (value instanceof String s && s.isBlank()) || (value instanceof java.util.Collection<?> l && l.isEmpty());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
