package io.ccapi.operator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.SpNumbers;

/** "apps" and the relay numbers, "spnumbers". */
final class AppsApi {
  private final SimState state;
  private final Faults faults;

  AppsApi(SimState state, Faults faults) {
    this.state = state;
    this.faults = faults;
  }

  void register(SimRouter r) {
    r.add("POST", "apps", false, this::create);
    r.add("PUT", "apps", true, this::update);
    r.add("GET", "apps", true, c -> c.app().locked(() -> view(c.app())));
    r.add("GET", "spnumbers", true, this::spNumbers);
    // The reference's examples put an extra segment after spnumbers/default; it is accepted and ignored.
    r.add("PUT", "spnumbers/default", true, this::setDefault);
    r.add("PUT", "spnumbers/default/{Extra}", true, this::setDefault);
    r.addWithoutBody("DELETE", "spnumbers/default", this::deleteDefault);
    r.addWithoutBody("DELETE", "spnumbers/default/{Extra}", this::deleteDefault);
    r.add("PUT", "spnumbers/agent/default/{AgentId}", true, this::setAgentDefault);
    r.addWithoutBody("DELETE", "spnumbers/agent/default/{AgentId}", this::deleteAgentDefault);
  }

  private Object create(SimCall c) {
    Body b = c.body();
    String name = b.text("Name");
    if (Body.isBlank(name)) {
      throw SimError.parameterError("Name is required");
    }
    JsonNode type = b.get("Type");
    if (type == null) {
      throw SimError.parameterError("Type is required");
    }
    if (!type.isIntegralNumber() || (type.intValue() != Apps.TYPE_CALL_CENTER
        && type.intValue() != Apps.TYPE_TELEMARKETING)) {
      throw SimError.parameterError("Type must be the integer 0 or 1");
    }
    String callbackUrl = b.text("CallbackUrl", "");
    boolean hideUserNum = b.bool("IsHideUserNum", false);
    String memo = b.text("Memo", "");
    String appId = faults.get().ignoreSuppliedAppId() ? null : c.query().get("AppId");
    AppState app = state.newApp(Body.isBlank(appId) ? null : appId, type.intValue());
    app.name = name;
    app.callbackUrl = callbackUrl;
    app.hideUserNum = hideUserNum;
    app.memo = memo;
    state.add(app);
    return app.locked(() -> view(app));
  }

  /** PUT apps changes only the fields it carries; Type is create-only (see Apps.UpdateRequest). */
  private Object update(SimCall c) {
    Body b = c.body();
    String name = b.text("Name");
    if (name != null && name.isBlank()) {
      throw SimError.parameterError("Name must not be blank");
    }
    String callbackUrl = b.text("CallbackUrl");
    Boolean hideUserNum = b.bool("IsHideUserNum");
    String memo = b.text("Memo");
    AppState app = c.app();
    return app.locked(() -> {
      if (name != null) {
        app.name = name;
      }
      if (callbackUrl != null) {
        app.callbackUrl = callbackUrl;
      }
      if (hideUserNum != null) {
        app.hideUserNum = hideUserNum;
      }
      if (memo != null) {
        app.memo = memo;
      }
      return null;
    });
  }

  private static Apps.App view(AppState app) {
    return new Apps.App(
        app.appId, app.extensionPrefix, app.name, app.memo, Integer.toString(app.type), app.callbackUrl,
        app.hideUserNum, app.secret, "0");
  }

  private Object spNumbers(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> new SpNumbers.Numbers(app.spNumbers, app.defSpNumber));
  }

  private Object setDefault(SimCall c) {
    AppState app = c.app();
    String number = relayNumber(app, c.body());
    return app.locked(() -> {
      app.defSpNumber = number;
      return null;
    });
  }

  private Object deleteDefault(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> {
      app.defSpNumber = "";
      return null;
    });
  }

  private Object setAgentDefault(SimCall c) {
    AppState app = c.app();
    String agentId = c.pathParam(0);
    return app.locked(() -> {
      AppState.Agent agent = app.agent(agentId);
      agent.defSpNumber = relayNumber(app, c.body());
      return null;
    });
  }

  private Object deleteAgentDefault(SimCall c) {
    AppState app = c.app();
    return app.locked(() -> {
      app.agent(c.pathParam(0)).defSpNumber = "";
      return null;
    });
  }

  /** DefSpNumber of the body, which must be one of the app's relay numbers (a fixed list). */
  private static String relayNumber(AppState app, Body b) {
    String number = b.text("DefSpNumber");
    if (Body.isBlank(number)) {
      throw SimError.parameterError("DefSpNumber is required");
    }
    if (!app.spNumbers.contains(number)) {
      throw SimError.paramsInvalid("DefSpNumber " + number + " is not a relay number of the app");
    }
    return number;
  }
}
