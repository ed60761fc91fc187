package io.ccapi.operator.reconciler;

import static io.ccapi.operator.reconciler.OperatorHarness.readyMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.CcapiClient;
import io.ccapi.operator.crd.CaBundleRef;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.crd.CcQueue;
import io.ccapi.operator.plan.Reason;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator over HTTPS with a certificate from a CA this test made: without that CA the endpoint is
 * not trusted (TLS verification is never off) and the condition names spec.caBundleRef; with it, from a
 * Secret or a ConfigMap, the app and its children converge. http:// needs spec.insecure.
 */
class TlsEndpointTest {
  private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
  private static OperatorHarness h;

  @BeforeAll
  static void start() throws Exception {
    HeldCertificate server = new HeldCertificate.Builder().signedBy(CA).addSubjectAlternativeName("127.0.0.1").commonName("simulator").build();
    HandshakeCertificates tls = new HandshakeCertificates.Builder().heldCertificate(server, CA.certificate()).build();
    h = OperatorHarness.start(null, OperatorHarness.POLL, tls.sslContext());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void aPrivateCaIsRefusedWithoutTheBundleAndTrustedWithIt() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> s.insecure = false);
    CcApp untrusted = h.awaitReason(CcApp.class, ns, "tenant", Reason.BackendUnavailable);
    assertThat(readyMessage(untrusted)).contains(CcapiClient.TLS_FAILED, "spec.caBundleRef");

    h.kube.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("private-ca").endMetadata()
        .withStringData(Map.of("ca.crt", CA.certificatePem())).build()).create();
    h.edit(CcApp.class, ns, "tenant", a -> {
      a.getSpec().caBundleRef = new CaBundleRef();
      a.getSpec().caBundleRef.name = "private-ca";
    });
    assertThat(h.awaitReady(CcApp.class, ns, "tenant").getStatus().appId).isNotBlank();
    h.queue(ns, "q", "tenant", "9001", s -> {});
    h.awaitReady(CcQueue.class, ns, "q");
  }

  @Test
  void theBundleCanComeFromAConfigMapAndAMissingOneIsNamed() {
    String ns = h.namespace();
    h.app(ns, "tenant", s -> {
      s.insecure = false;
      s.caBundleRef = new CaBundleRef();
      s.caBundleRef.kind = CaBundleRef.Kind.ConfigMap;
      s.caBundleRef.name = "private-ca";
    });
    CcApp missing = h.awaitReason(CcApp.class, ns, "tenant", Reason.InvalidSpec);
    assertThat(readyMessage(missing)).contains("spec.caBundleRef", "ConfigMap private-ca");

    h.kube.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("private-ca").endMetadata()
        .withData(Map.of("ca.crt", CA.certificatePem())).build()).create();
    assertThat(h.awaitReady(CcApp.class, ns, "tenant").getStatus().appId).isNotBlank();
  }

  @Test
  void anHttpEndpointIsRefusedUnlessInsecureSaysSo() {
    String ns = h.namespace();
    h.app(ns, "plain", s -> {
      s.endpoint = "http://127.0.0.1:9";
      s.insecure = false;
    });
    CcApp refused = h.awaitReason(CcApp.class, ns, "plain", Reason.InvalidSpec);
    assertThat(readyMessage(refused)).contains("spec.endpoint", "spec.insecure: true");
    assertThat(OperatorHarness.condition(refused.getStatus(), Conditions.STALLED).getStatus()).isEqualTo("True");
  }
}
