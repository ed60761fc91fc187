package io.ccapi.operator.simulator;

import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.model.Extensions;
import java.util.regex.Pattern;

/** Extensions (SIP accounts of seats): "extensions". */
final class ExtensionsApi {
  static final Pattern NUMBER = Pattern.compile("[1-9]\\d{3}");

  private final SimState state;

  ExtensionsApi(SimState state) {
    this.state = state;
  }

  void register(SimRouter r) {
    r.add("POST", "extensions", true, this::create);
    r.add("DELETE", "extensions", true, this::delete);
  }

  private Object create(SimCall c) {
    String number = number(c.body());
    if (!NUMBER.matcher(number).matches()) {
      throw SimError.paramsInvalid("Extension must match [1-9]\\d{3}");
    }
    AppState app = c.app();
    return app.locked(() -> {
      if (app.extensions.containsKey(number)) {
        throw numberExisted();
      }
      return credentials(app, newExtension(app, state, number));
    });
  }

  private Object delete(SimCall c) {
    String number = number(c.body());
    AppState app = c.app();
    return app.locked(() -> {
      AppState.Extension ext = app.extensions.get(number);
      if (ext == null) {
        throw SimError.dataNotExist();
      }
      if (ext.agentId != null) {
        throw SimError.business(ErrorCodes.VOIP_BIND_AGENT, ErrorCodes.MSG_VOIP_BIND_AGENT);
      }
      app.extensions.remove(number);
      return null;
    });
  }

  private static String number(Body b) {
    String number = b.text("Extension");
    if (Body.isBlank(number)) {
      throw SimError.parameterError("Extension is required");
    }
    return number;
  }

  /** Creates and stores an extension with a fresh 16-hex-digit password. Call under the app's lock. */
  static AppState.Extension newExtension(AppState app, SimState state, String number) {
    AppState.Extension ext = new AppState.Extension(number, state.randomHex(8));
    app.extensions.put(number, ext);
    return ext;
  }

  /** Number is the SIP account: the app's extension prefix followed by the extension. */
  static Extensions.Credentials credentials(AppState app, AppState.Extension ext) {
    return new Extensions.Credentials(ext.number, ext.password, app.extensionPrefix + ext.number);
  }

  static SimError numberExisted() {
    return SimError.business(ErrorCodes.NUMBER_EXISTED, ErrorCodes.MSG_NUMBER_EXISTED);
  }
}
