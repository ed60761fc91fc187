package io.ccapi.operator.ccapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * How a client reaches its endpoint: whether plain http is allowed, and which CA certificates (PEM) to
 * trust instead of the system's (null: the system's). Certificates and host names are always verified.
 */
public record Transport(boolean allowPlainHttp, String caBundlePem) {
  /** https only, the system's CAs. */
  public static final Transport VERIFIED = new Transport(false, null);

  /** Refuses an http:// URL unless plain http is allowed. */
  public void requireAllowed(String baseUrl) {
    if (!allowPlainHttp && baseUrl.regionMatches(true, 0, "http://", 0, 7)) {
      throw new IllegalArgumentException("an http:// endpoint is refused unless plain http is allowed explicitly");
    }
  }

  /** Sets the trusted CAs on {@code builder} (a no-op without a bundle). */
  void configure(OkHttpClient.Builder builder) {
    if (caBundlePem == null) {
      return;
    }
    X509TrustManager trust = trustManager(caBundlePem);
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      builder.sslSocketFactory(tls.getSocketFactory(), trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
    }
  }

  /** A trust manager for the certificates in {@code pem}; IllegalArgumentException when it holds none. */
  public static X509TrustManager trustManager(String pem) {
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no PEM certificate found");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509 trust manager");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
    }
  }
}
