package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ccapi.operator.crd.CcAgent;
import io.ccapi.operator.crd.CcExtension;
import io.ccapi.operator.crd.CcExtensionSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReferencesTest {
  private static final String FIELD = "spec.extensionRefs";

  private static CcAgent from() {
    CcAgent agent = new CcAgent();
    agent.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("seat").build());
    return agent;
  }

  /** A CcExtension named {@code name}; {@code ready} stands for its Ready condition. */
  private record Ext(String name, String appRef, String number, boolean ready, boolean deleting) {
    CcExtension resource() {
      CcExtension ext = new CcExtension();
      ext.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName(name)
          .withDeletionTimestamp(deleting ? "2024-05-01T10:00:00Z" : null).build());
      CcExtensionSpec spec = new CcExtensionSpec();
      spec.appRef = appRef;
      spec.extension = number;
      ext.setSpec(spec);
      return ext;
    }
  }

  private static Ext ready(String name, String number) {
    return new Ext(name, "app", number, true, false);
  }

  private static References.Resolved resolve(List<String> refs, Ext... found) {
    Map<String, CcExtension> byName = Arrays.stream(found).collect(Collectors.toMap(Ext::name, Ext::resource));
    Set<String> readyNames = Arrays.stream(found).filter(Ext::ready).map(Ext::name).collect(Collectors.toSet());
    Function<CcExtension, Boolean> isReady = e -> readyNames.contains(e.getMetadata().getName());
    return References.resolve(from(), "app", "CcExtension", FIELD, refs, byName, CcExtension::specExternalId, isReady);
  }

  @Test
  void readyReferencesResolveToPlatformIdsInOrder() {
    References.Resolved resolved = resolve(List.of("b", "ns/a"), ready("a", "2001"), ready("b", "2002"));

    assertThat(resolved.ready()).containsExactly("2002", "2001");
    assertThat(resolved.deleting()).isEmpty();
  }

  @Test
  void noReferencesResolveToNothing() {
    References.Resolved resolved = resolve(List.of());

    assertThat(resolved.ready()).isEmpty();
    assertThat(resolved.deleting()).isEmpty();
  }

  @Test
  void theAppRefMayNameTheNamespace() {
    assertThat(resolve(List.of("a"), new Ext("a", "ns/app", "2001", true, false)).ready()).containsExactly("2001");
  }

  @Test
  void referencesBeingDeletedAreSetApartWhateverTheirState() {
    References.Resolved resolved = resolve(List.of("a", "b", "c"),
        ready("a", "2001"), new Ext("b", "app", "2002", false, true), new Ext("c", "other", "2003", true, true));

    assertThat(resolved.ready()).containsExactly("2001");
    assertThat(resolved.deleting()).containsExactly("2002", "2003");
  }

  static Stream<Arguments> stops() {
    return Stream.of(
        Arguments.of("missing", List.of("a", "x"), Reason.WaitingForReference, "spec.extensionRefs[1]: CcExtension x does not exist in this namespace"),
        Arguments.of("not Ready", List.of("n"), Reason.WaitingForReference, "spec.extensionRefs[0]: CcExtension n is not Ready yet"),
        Arguments.of("other app", List.of("a", "o"), Reason.InvalidSpec, "spec.extensionRefs[1]: CcExtension o belongs to CcApp other, not app"),
        Arguments.of("other namespace", List.of("elsewhere/a"), Reason.InvalidSpec,
            "spec.extensionRefs[0]: reference to namespace 'elsewhere' is refused; references must stay in namespace 'ns'"),
        Arguments.of("blank", List.of("a", " "), Reason.InvalidSpec, "spec.extensionRefs[1] is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stops")
  void anUnusableReferenceStops(String name, List<String> refs, Reason reason, String message) {
    ReconcileException e = catchThrowableOfType(ReconcileException.class,
        () -> resolve(refs, ready("a", "2001"), new Ext("n", "app", "2005", false, false), new Ext("o", "other", "2006", true, false)));

    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).isEqualTo(message);
  }
}
