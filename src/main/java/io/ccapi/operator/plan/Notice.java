package io.ccapi.operator.plan;

/** A Warning Event a plan asks for (the planner cannot record it itself: it does no I/O). */
public record Notice(EventReason reason, String message) {}
