package io.ccapi.operator.gitops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ccapi.operator.crd.CcStatus;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.reconciler.Conditions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resources as an API server returns them (JSON objects, ints as int64), with the status the operator's
 * own {@link Conditions} writes, so the fixtures say what the operator really reports.
 */
final class StatusFixtures {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final Conditions CONDITIONS =
      new Conditions(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

  private StatusFixtures() {}

  /** A resource the operator has not seen yet: the API server gives it no status at all. */
  static Map<String, Object> withoutStatus(GitOpsFiles.CrdKind kind, long generation) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", kind.apiVersion());
    resource.put("kind", kind.kind());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", "sample");
    metadata.put("namespace", "default");
    metadata.put("generation", generation);
    metadata.put("uid", "0b4e3d5c-1111-2222-3333-444455556666");
    resource.put("metadata", metadata);
    resource.put("spec", new LinkedHashMap<>());
    return resource;
  }

  /** A resource with a status object but no conditions in it. */
  static Map<String, Object> withEmptyStatus(GitOpsFiles.CrdKind kind, long generation) {
    Map<String, Object> resource = withoutStatus(kind, generation);
    resource.put("status", new LinkedHashMap<>());
    return resource;
  }

  /**
   * A resource at {@code generation} whose status the operator wrote for {@code observedGeneration}
   * with {@code reason}.
   */
  static Map<String, Object> withStatus(
      GitOpsFiles.CrdKind kind, long generation, long observedGeneration, Reason reason, String message) {
    CcStatus status = new CcStatus();
    CONDITIONS.apply(null, status, observedGeneration, reason, message);
    Map<String, Object> resource = withoutStatus(kind, generation);
    resource.put("status", json(status));
    return resource;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(CcStatus status) {
    try {
      return JSON.readValue(JSON.writeValueAsString(status), Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
