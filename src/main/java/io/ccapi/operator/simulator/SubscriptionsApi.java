package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.model.Events;
import io.ccapi.operator.ccapi.model.Subscriptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Message subscriptions, "subscriptions" (lower-case fields), and event categories, "webhooks/events". */
final class SubscriptionsApi {
  private final SimState state;

  SubscriptionsApi(SimState state) {
    this.state = state;
  }

  void register(SimRouter r) {
    r.add("POST", "subscriptions", true, this::create);
    r.add("GET", "subscriptions", true, this::list);
    r.add("GET", "subscriptions/{id}", true, this::get);
    r.add("PUT", "subscriptions/{id}", true, this::update);
    r.addWithoutBody("DELETE", "subscriptions/{id}", this::delete);
    r.add("POST", "webhooks/events", true, c -> setEvents(c, false));
    r.add("PUT", "webhooks/events", true, c -> setEvents(c, true));
    r.addWithoutBody("DELETE", "webhooks/events", this::deleteEvents);
  }

  /** POST subscriptions: each entry succeeds or fails on its own; new subscriptions are enabled. */
  private Object create(SimCall c) {
    List<Body> entries = c.body().objects("subscriptions");
    if (entries == null) {
      throw SimError.parameterError("subscriptions is required");
    }
    AppState app = c.app();
    return app.locked(() -> {
      Set<String> names = new HashSet<>();
      app.subscriptions.values().forEach(s -> names.add(s.name));
      List<Subscriptions.Created> succeeded = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (Body entry : entries) {
        String name = entry.get("name") != null && entry.get("name").isTextual() ? entry.text("name") : "";
        if (name.isBlank() || names.contains(name) || problem(entry) != null) {
          failed.add(name);
          continue;
        }
        AppState.Subscription s = new AppState.Subscription(state.nextSubscriptionId());
        s.name = name;
        s.callback = entry.text("callback");
        s.events = List.copyOf(entry.texts("events"));
        app.subscriptions.put(s.id, s);
        names.add(name);
        succeeded.add(new Subscriptions.Created(s.id, name));
      }
      return new Subscriptions.CreateResult(succeeded, failed);
    });
  }

  /** Why callback or events of a subscription are unacceptable, or null. */
  private static String problem(Body entry) {
    try {
      if (!isHttpUrl(entry.text("callback"))) {
        return "callback must be an http(s) URL";
      }
      List<String> events = entry.texts("events");
      if (events == null || events.isEmpty()) {
        return "events must not be empty";
      }
      for (String e : events) {
        if (!Events.ALL.contains(e)) {
          return "unknown event " + e;
        }
      }
      return null;
    } catch (SimError e) {
      return e.getMessage();
    }
  }

  /** An http(s) URL with an authority; not necessarily a valid host (the reference's PUT example has 59.110.105.911). */
  private static boolean isHttpUrl(String s) {
    if (s == null) {
      return false;
    }
    try {
      URI uri = new URI(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getRawAuthority() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Object list(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> app.subscriptions.values().stream().map(SubscriptionsApi::view).toList());
  }

  private Object get(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> view(find(app, c.pathParam(0))));
  }

  /**
   * PUT subscriptions/{id}: callback, name and events are required and replace the old ones. Enabled
   * state: {@code enable} (as GET shows it) or, as in the reference's example, {@code state} with 0 =
   * enabled and 1 = disabled; {@code enable} wins when both are given; unchanged when neither is.
   */
  private Object update(SimCall c) {
    Body b = c.body();
    String name = b.text("name");
    if (Body.isBlank(name) || b.get("callback") == null || b.get("events") == null) {
      throw SimError.parameterError("callback, name and events are required");
    }
    String problem = problem(b);
    if (problem != null) {
      throw SimError.paramsInvalid(problem);
    }
    Boolean enable = b.bool("enable");
    Integer stateCode = b.integer("state");
    if (enable == null && stateCode != null) {
      if (stateCode != 0 && stateCode != 1) {
        throw SimError.paramsInvalid("state must be 0 (enabled) or 1 (disabled)");
      }
      enable = stateCode == 0;
    }
    Boolean newEnable = enable;
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Subscription s = find(app, c.pathParam(0));
      for (AppState.Subscription other : app.subscriptions.values()) {
        if (other.id != s.id && other.name.equals(name)) {
          throw SimError.duplicate(name, "name");
        }
      }
      s.name = name;
      s.callback = b.text("callback");
      s.events = List.copyOf(b.texts("events"));
      if (newEnable != null) {
        s.enable = newEnable;
      }
      return Map.of(name, s.id);
    });
  }

  /** DELETE subscriptions/{id} answers {@code "Result": ""} like the reference. */
  private Object delete(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> {
      app.subscriptions.remove(find(app, c.pathParam(0)).id);
      return "";
    });
  }

  private static AppState.Subscription find(AppState app, String id) {
    AppState.Subscription s = null;
    try {
      s = app.subscriptions.get(Long.parseLong(id));
    } catch (NumberFormatException e) {
      // not an id: no such subscription
    }
    if (s == null) {
      throw SimError.dataNotExist();
    }
    return s;
  }

  private static Subscriptions.Subscription view(AppState.Subscription s) {
    return new Subscriptions.Subscription(s.id, s.callback, s.name, s.events, s.enable);
  }

  /** POST appends categories and types, PUT replaces all with the body's. */
  private Object setEvents(SimCall c, boolean replace) {
    List<Body> categories = c.body().objects("Events");
    if (categories == null) {
      throw SimError.parameterError("Events is required");
    }
    Map<String, List<String>> given = new LinkedHashMap<>();
    for (Body category : categories) {
      String name = category.text("category");
      List<String> types = category.texts("all_type");
      List<String> known = name == null ? null : Events.BY_CATEGORY.get(name);
      if (known == null) {
        throw SimError.paramsInvalid("category must be one of " + Events.BY_CATEGORY.keySet());
      }
      if (types == null || types.isEmpty()) {
        throw SimError.paramsInvalid("all_type of " + name + " must not be empty");
      }
      for (String t : types) {
        if (!known.contains(t)) {
          throw SimError.paramsInvalid(t + " is not an event of category " + name);
        }
      }
      given.computeIfAbsent(name, k -> new ArrayList<>()).addAll(types);
    }
    AppState app = c.app();
    return app.locked(() -> {
      if (replace) {
        app.webhookEvents.clear();
      }
      given.forEach((k, v) -> app.webhookEvents.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
      return null;
    });
  }

  private Object deleteEvents(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> {
      app.webhookEvents.clear();
      return null;
    });
  }
}
