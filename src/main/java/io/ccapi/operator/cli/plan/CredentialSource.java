package io.ccapi.operator.cli.plan;

import io.ccapi.operator.plan.StoredSecret;
import io.ccapi.operator.ccapi.CcapiCredentials;
import io.ccapi.operator.crd.CcApp;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Refs;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * The account credentials of a CcApp, never from the command line and never printed: the Secret
 * spec.credentialsSecretRef names, among the manifests, else in the cluster, else the environment
 * variables {@code CCAPI_SID} and {@code CCAPI_AUTH_TOKEN}. A Secret manifest without values is a template
 * and is passed over.
 */
public final class CredentialSource {
  public static final String ENV_SID = "CCAPI_SID";
  public static final String ENV_AUTH_TOKEN = "CCAPI_AUTH_TOKEN";
  static final String KEY_SID = "sid";
  static final String KEY_AUTH_TOKEN = "authToken";

  private final ManifestSet manifests;
  private final LiveCluster cluster;
  private final Map<String, String> env;

  public CredentialSource(ManifestSet manifests, LiveCluster cluster, Map<String, String> env) {
    this.manifests = manifests;
    this.cluster = cluster;
    this.env = env;
  }

  /** The credentials, or a ReconcileException (CredentialsMissing) saying where they were looked for. */
  public CcapiCredentials of(CcApp app) {
    String namespace = app.getMetadata().getNamespace();
    String name = Refs.name(app, "spec.credentialsSecretRef", app.getSpec().credentialsSecretRef);
    // a Secret among the manifests without values is a template (as `export tenant` writes): not the credentials
    Optional<Secret> secret =
        manifests.secret(namespace, name).filter(s -> !StoredSecret.decode(s).isEmpty()).or(() -> cluster.secret(namespace, name));
    if (secret.isPresent()) {
      return fromSecret(secret.get(), name);
    }
    return fromEnvironment(env).orElseThrow(() -> new ReconcileException(Reason.CredentialsMissing,
        "no credentials: Secret " + namespace + "/" + name + " (spec.credentialsSecretRef) is not among the manifests"
            + (cluster.connected() ? " nor in the cluster" : " and no cluster was read")
            + ", and " + ENV_SID + "/" + ENV_AUTH_TOKEN + " are not both set"));
  }

  /** The credentials in the keys {@code sid} and {@code authToken} of a Secret (data or stringData). */
  public static CcapiCredentials fromSecret(Secret secret, String secretName) {
    Map<String, String> values = StoredSecret.decode(secret);
    return new CcapiCredentials(required(values, KEY_SID, secretName), required(values, KEY_AUTH_TOKEN, secretName));
  }

  /** The credentials in {@code CCAPI_SID} and {@code CCAPI_AUTH_TOKEN}, when both are set. */
  public static Optional<CcapiCredentials> fromEnvironment(Map<String, String> env) {
    String sid = env.get(ENV_SID);
    String token = env.get(ENV_AUTH_TOKEN);
    return isSet(sid) && isSet(token) ? Optional.of(new CcapiCredentials(sid.trim(), token.trim())) : Optional.empty();
  }

  private static String required(Map<String, String> values, String key, String secretName) {
    String value = values.get(key);
    if (!isSet(value)) {
      throw new ReconcileException(Reason.CredentialsMissing, "Secret " + secretName + " has no key '" + key + "'");
    }
    return value.trim();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
