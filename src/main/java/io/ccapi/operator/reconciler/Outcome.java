package io.ccapi.operator.reconciler;

import io.ccapi.operator.plan.Reason;

/** How one reconcile ended: the status to write (conditions aside), its reason and message. */
record Outcome<S>(S status, Reason reason, String message) {}
