package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.observe.PlatformObserver;
import io.ccapi.operator.plan.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful write did to a seat or queue, computed from the operation and its answer, so the
 * cached platform view is updated without reading it back. The next list corrects anything the platform
 * changed on its own (seat state, for one).
 */
final class WriteThrough {
  private WriteThrough() {}

  static Optional<Agents.Details> seat(Op.SeatOp op, Optional<Agents.Details> before, Object answer) {
    if (op instanceof Op.CreateAgent o) {
      return Optional.of(created(o.agent(), answer));
    }
    if (op instanceof Op.DeleteAgent) {
      return Optional.empty();
    }
    return before.map(seat -> changed(op, seat));
  }

  private static Agents.Details changed(Op.SeatOp op, Agents.Details s) {
    List<String> queues = Objects.requireNonNullElse(s.queues(), List.of());
    List<String> extensions = Objects.requireNonNullElse(s.extensions(), List.<ExtensionRef>of()).stream().map(ExtensionRef::extension).toList();
    List<String> defSp = s.defSpNumber();
    if (op instanceof Op.UpdateAgent o) {
      Agents.Agent a = o.agent();
      return new Agents.Details(s.appId(), s.agentId(), a.workId(), a.name(), a.mobile(), a.email(), a.role(), queues, s.queuesNames(),
          refs(extensions), defSp, s.state(), s.extState(), a.wrapUpTime() != null ? a.wrapUpTime() : s.wrapUpTime(), a.enable());
    } else if (op instanceof Op.BindAgentExtensions o) {
      extensions = plus(extensions, o.extensions());
    } else if (op instanceof Op.UnbindAgentExtensions o) {
      extensions = minus(extensions, o.extensions());
    } else if (op instanceof Op.ReplaceSeatExtension o) {
      extensions = minus(extensions, List.of(o.extension())); // the BindAgentExtensions after it binds it again
    } else if (op instanceof Op.BindAgentQueues o) {
      queues = plus(queues, o.queues());
    } else if (op instanceof Op.UnbindAgentQueues o) {
      queues = minus(queues, o.queues());
    } else if (op instanceof Op.SetAgentDefaultSpNumber o) {
      defSp = List.of(o.number());
    } else if (op instanceof Op.DeleteAgentDefaultSpNumber) {
      defSp = List.of();
    }
    return new Agents.Details(s.appId(), s.agentId(), s.workId(), s.name(), s.mobile(), s.email(), s.role(), queues, s.queuesNames(),
        refs(extensions), defSp, s.state(), s.extState(), s.wrapUpTime(), s.enable());
  }

  @SuppressWarnings("unchecked")
  private static Agents.Details created(Agents.Agent a, Object answer) {
    List<String> extensions =
        answer instanceof List<?> list ? ((List<Extensions.Credentials>) list).stream().map(Extensions.Credentials::extension).toList() : List.of();
    return new Agents.Details(null, a.agentId(), a.workId(), a.name(), a.mobile(), a.email(), a.role(), List.of(), null,
        refs(extensions), null, null, null, Objects.requireNonNullElse(a.wrapUpTime(), 0), a.enable() == null || a.enable());
  }

  static Optional<Queues.Info> queue(Op op, Optional<Queues.Info> before) {
    if (op instanceof Op.DeleteQueue) {
      return Optional.empty();
    }
    Queues.Request r = op instanceof Op.CreateQueue c ? c.request() : ((Op.UpdateQueue) op).request();
    Queues.Info b = before.orElse(null);
    return Optional.of(new Queues.Info(
        b == null ? null : b.id(), b == null ? null : b.createdAt(), b == null ? null : b.updatedAt(), b == null ? null : b.appId(),
        r.queueId(), r.timeout(), r.strategy(), r.queueName(), r.maxLength(), b == null ? null : b.waitMusic()));
  }

  /** The cached kind an application or IVR operation changes, if it has one (webhook events have no read). */
  static Optional<PlatformObserver.Kind> kindOf(Op op) {
    if (op instanceof Op.SetDefaultSpNumber || op instanceof Op.DeleteDefaultSpNumber) {
      return Optional.of(PlatformObserver.Kind.SPNUMBERS);
    } else if (op instanceof Op.CreateVoiceFile || op instanceof Op.ReplaceVoiceFile || op instanceof Op.DeleteVoiceFile) {
      return Optional.of(PlatformObserver.Kind.VOICE_FILES);
    } else if (op instanceof Op.SetDefaultVoices) {
      return Optional.of(PlatformObserver.Kind.DEFAULT_VOICES);
    } else if (op instanceof Op.SetFastRouter) {
      return Optional.of(PlatformObserver.Kind.FAST_ROUTER);
    }
    return Optional.empty();
  }

  /** Puts a successful relay-number or IVR write into the cached view. */
  static void appConfig(PlatformObserver observer, AppConnection app, Op op) {
    if (op instanceof Op.SetDefaultSpNumber o) {
      observer.<SpNumbers.Numbers>changed(app, PlatformObserver.Kind.SPNUMBERS, n -> true,
          before -> before.map(n -> new SpNumbers.Numbers(n.spNumbers(), o.number())));
    } else if (op instanceof Op.DeleteDefaultSpNumber) {
      observer.<SpNumbers.Numbers>changed(app, PlatformObserver.Kind.SPNUMBERS, n -> true,
          before -> before.map(n -> new SpNumbers.Numbers(n.spNumbers(), "")));
    } else if (op instanceof Op.CreateVoiceFile o) {
      observer.<Ivrs.VoiceFile>changed(app, PlatformObserver.Kind.VOICE_FILES, f -> o.file().fileName().equals(f.fileName()), before -> Optional.of(o.file()));
    } else if (op instanceof Op.ReplaceVoiceFile o) {
      observer.<Ivrs.VoiceFile>changed(app, PlatformObserver.Kind.VOICE_FILES, f -> o.file().fileName().equals(f.fileName()), before -> Optional.of(o.file()));
    } else if (op instanceof Op.DeleteVoiceFile o) {
      observer.<Ivrs.VoiceFile>changed(app, PlatformObserver.Kind.VOICE_FILES, f -> o.fileName().equals(f.fileName()), before -> Optional.empty());
    } else if (op instanceof Op.SetDefaultVoices o) {
      observer.<Map<String, Object>>changed(app, PlatformObserver.Kind.DEFAULT_VOICES, v -> true, before -> Optional.of(Map.copyOf(o.voices())));
    } else if (op instanceof Op.SetFastRouter o) {
      observer.replaced(app, PlatformObserver.Kind.FAST_ROUTER, o.routes());
    }
  }

  private static List<ExtensionRef> refs(List<String> numbers) {
    return numbers.stream().map(ExtensionRef::new).toList();
  }

  private static List<String> plus(List<String> current, Collection<String> added) {
    List<String> out = new ArrayList<>(current);
    added.stream().filter(id -> !out.contains(id)).forEach(out::add);
    return out;
  }

  private static List<String> minus(List<String> current, Collection<String> removed) {
    return current.stream().filter(id -> !removed.contains(id)).toList();
  }
}
