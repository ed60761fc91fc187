package io.ccapi.operator.ccapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who gets the next turn at one platform endpoint: waiters queue per app, and apps take turns round-robin,
 * so an app with a thousand calls waiting delays another app's call by at most one turn per busy app.
 * Not thread-safe: {@link EndpointLimiter} holds its lock around it.
 */
final class FairTurns<T> {
  private final Map<String, Deque<T>> waiting = new LinkedHashMap<>();

  void add(String app, T waiter) {
    waiting.computeIfAbsent(app, a -> new ArrayDeque<>()).add(waiter);
  }

  /** The waiter whose turn is next, or null when nobody waits. */
  T peek() {
    Iterator<Deque<T>> apps = waiting.values().iterator();
    return apps.hasNext() ? apps.next().peek() : null;
  }

  /** Gives the next turn away: its app goes to the back of the round. */
  T poll() {
    Iterator<Map.Entry<String, Deque<T>>> apps = waiting.entrySet().iterator();
    if (!apps.hasNext()) {
      return null;
    }
    Map.Entry<String, Deque<T>> first = apps.next();
    T waiter = first.getValue().poll();
    apps.remove();
    if (!first.getValue().isEmpty()) {
      waiting.put(first.getKey(), first.getValue());
    }
    return waiter;
  }

  /** Takes back a waiter that gave up. */
  void remove(String app, T waiter) {
    Deque<T> queue = waiting.get(app);
    if (queue != null && queue.remove(waiter) && queue.isEmpty()) {
      waiting.remove(app);
    }
  }
}
