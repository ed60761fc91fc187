package io.ccapi.operator.gitops;

import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * Runs an Argo CD health script the way Argo CD does: the resource as the global {@code obj} (JSON
 * objects and arrays as Lua tables, arrays 1-based), the script's returned table read as {@code
 * status} and {@code message}.
 */
final class ArgoLuaHealth {
  /** What the script returned. */
  record Health(String status, String message) {}

  private final String script;

  ArgoLuaHealth(String script) {
    this.script = script;
  }

  Health evaluate(Map<String, Object> resource) {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(resource));
    LuaValue hs = globals.load(script, "health.lua").call();
    if (!hs.istable()) {
      throw new AssertionError("health.lua returned " + hs.typename() + ", not a table");
    }
    LuaValue message = hs.get("message");
    return new Health(hs.get("status").checkjstring(), message.isnil() ? null : message.tojstring());
  }

  static LuaValue toLua(Object value) {
    if (value == null) {
      return LuaValue.NIL;
    }
    if (value instanceof Map<?, ?> map) {
      LuaTable table = new LuaTable();
      map.forEach((k, v) -> table.set(String.valueOf(k), toLua(v)));
      return table;
    }
    if (value instanceof List<?> list) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < list.size(); i++) {
        table.set(i + 1, toLua(list.get(i)));
      }
      return table;
    }
    if (value instanceof String s) {
      return LuaValue.valueOf(s);
    }
    if (value instanceof Boolean b) {
      return LuaValue.valueOf(b);
    }
    if (value instanceof Number n) {
      return LuaValue.valueOf(n.doubleValue());
    }
    throw new IllegalArgumentException("not JSON: " + value.getClass());
  }
}
