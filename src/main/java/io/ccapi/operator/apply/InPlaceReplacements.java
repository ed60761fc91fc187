package io.ccapi.operator.apply;

import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extension numbers a plan of this process is replacing in place (unbind, delete, create, bind), for
 * as long as that plan runs. In between, the number shows unbound or absent, and a second seat whose
 * Secret records it too (the platform gave it to one seat while the other's replacement was interrupted)
 * would read it as free and replace it as well, deleting the first one's new extension before that binds
 * it. The second plan waits instead, and is made again once the first seat holds the number.
 */
final class InPlaceReplacements {
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  /** Marks the numbers {@code plan} replaces in place; returns what releases them. Throws when one is taken. */
  Runnable hold(AppConnection app, Plan<?> plan) {
    List<String> held = new ArrayList<>();
    for (Op op : plan.ops()) {
      if (op instanceof Op.ReplaceSeatExtension o && o.lost() == null) {
        String key = app.appId() + "/" + o.extension();
        if (!running.add(key)) {
          running.removeAll(held);
          throw new ReconcileException(Reason.Reconciling,
              "extension " + o.extension() + " is being replaced for another seat right now; looking again once that is done");
        }
        held.add(key);
      }
    }
    return () -> running.removeAll(held);
  }
}
