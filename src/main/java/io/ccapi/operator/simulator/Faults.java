package io.ccapi.operator.simulator;

import java.util.concurrent.ThreadLocalRandom;

/** The current {@link FaultSettings} and the dice. The dice are not secrets, so ThreadLocalRandom serves. */
final class Faults {
  enum Outcome {
    PASS,
    ERROR,
    HANG,
    DROP,
    /** Apply the request, then end the connection without an answer. */
    LOSE_ANSWER
  }

  private volatile FaultSettings settings;

  Faults(FaultSettings initial) {
    this.settings = initial;
  }

  FaultSettings get() {
    return settings;
  }

  void set(FaultSettings settings) {
    this.settings = settings;
  }

  /** Sleeps the latency, then decides; a HANG has already waited {@code hangMs} when this returns. */
  static Outcome roll(FaultSettings s, String method) throws InterruptedException {
    ThreadLocalRandom dice = ThreadLocalRandom.current();
    long delay = s.latencyMs() + (s.jitterMs() > 0 ? dice.nextLong(s.jitterMs() + 1) : 0);
    if (delay > 0) {
      Thread.sleep(delay);
    }
    if (dice.nextDouble() < s.dropRate()) {
      return Outcome.DROP;
    }
    if (dice.nextDouble() < s.timeoutRate()) {
      Thread.sleep(s.hangMs());
      return Outcome.HANG;
    }
    if (dice.nextDouble() < s.errorRate()) {
      return Outcome.ERROR;
    }
    boolean write = !method.equals("GET");
    return write && dice.nextDouble() < s.lostAnswerRate() ? Outcome.LOSE_ANSWER : Outcome.PASS;
  }
}
