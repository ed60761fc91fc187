package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.ccapi.model.Subscriptions;
import io.ccapi.operator.plan.Change;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a create's answer carries that the platform never shows again — AppId and app Secret, extension
 * passwords, assigned subscription ids — taken out of the answer and stored at once, before anything
 * else can fail.
 */
final class OnceOnlyValues {
  private final ManagedSecrets secrets;

  OnceOnlyValues(ManagedSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * The platform id the answer assigned (null when the create named it), a note for the Event, and an
   * operation the create needs after it (or null).
   */
  record Stored(String id, String note, Op followUp) {
    Stored(String id, String note) {
      this(id, note, null);
    }
  }

  Stored store(Executor.Target t, Op op, Object answer, Runnable refused) {
    if (op instanceof Op.CreateApp o) {
      Apps.App app = (Apps.App) answer;
      secrets.write(t.resource(), o.secretName(), Map.of(
          "appId", app.appId(),
          "secret", Objects.requireNonNullElse(app.secret(), ""),
          "extensionPrefix", Objects.requireNonNullElse(app.extensionPrefix(), "")));
      return new Stored(app.appId(), "; AppId and Secret stored in Secret " + o.secretName());
    }
    if (op instanceof Op.CreateAgent o) {
      @SuppressWarnings("unchecked")
      Optional<Extensions.Credentials> created = ((List<Extensions.Credentials>) answer).stream().findFirst();
      created.ifPresent(e -> extension(t, o.secretName(), e.extension(), e));
      return new Stored(null, created.isPresent() ? "; password of extension " + created.get().extension() + " stored in Secret " + o.secretName() : "");
    }
    if (op instanceof Op.ReplaceSeatExtension o) {
      return extension(t, o.secretName(), o.extension(), (Extensions.Credentials) answer);
    }
    if (op instanceof Op.CreateExtension o) {
      return extension(t, o.secretName(), o.extension(), (Extensions.Credentials) answer);
    }
    if (op instanceof Op.ProbeExtension o) {
      return extension(t, o.secretName(), o.extension(), (Extensions.Credentials) answer);
    }
    if (op instanceof Op.CreateSubscription o) {
      return subscription(t, o.subscription(), (Subscriptions.CreateResult) answer, refused);
    }
    return new Stored(null, "");
  }

  /**
   * Before a write whose answer is stored: what must survive its failure. A replacement's number, alone:
   * a password still stored is the old extension's, and must not pass for the new one's.
   */
  void prepare(Executor.Target t, Op op) {
    if (op instanceof Op.ReplaceSeatExtension o) {
      secrets.replace(t.resource(), o.secretName(), Map.of("extension", o.extension()));
    }
  }

  private Stored extension(Executor.Target t, String secretName, String number, Extensions.Credentials created) {
    secrets.write(t.resource(), secretName, Map.of(
        "extension", number,
        "password", created.password(),
        "number", Objects.requireNonNullElse(created.number(), "")));
    return new Stored(null, "; password stored in Secret " + secretName);
  }

  /** The id from sub_succ; a subscription listed in sub_fail was refused. POST creates it enabled. */
  private Stored subscription(Executor.Target t, Subscriptions.Subscription wanted, Subscriptions.CreateResult result, Runnable refused) {
    Optional<Subscriptions.Created> created =
        result == null || result.subSucc() == null
            ? Optional.empty()
            : result.subSucc().stream().filter(c -> wanted.name().equals(c.name())).findFirst();
    if (created.isEmpty()) {
      refused.run();
      throw new ReconcileException(
          Reason.InvalidSpec, "the platform refused subscription " + wanted.name() + " (listed in sub_fail); check spec.callbackUrl and spec.events");
    }
    long id = created.get().id();
    Op disable =
        Boolean.TRUE.equals(wanted.enable()) ? null : new Op.UpdateSubscription(id, wanted, List.of(new Change("enable", "true", "false")));
    return new Stored(Long.toString(id), "", disable);
  }
}
