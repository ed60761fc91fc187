package io.ccapi.operator.plan;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcAgentStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Plans a CcAgent: the seat, its extension bindings (referenced CcExtensions plus the one created with
 * the seat) and queue bindings, and its default relay number. On deletion, queues and referenced
 * extensions are unbound first, as the platform refuses to delete a seat that still has them.
 */
public final class AgentPlanner {
  public static final int MAX_EXTENSIONS = 2;

  private AgentPlanner() {}

  /**
   * @param extensions the referenced extensions resolved, or the stop that resolving them ended in
   * @param queues the referenced queues resolved (null when {@code refsStop} is set)
   * @param refsStop why the references cannot be used yet (missing, not Ready, other app), or null
   * @param records the claim and the Secret {@code <name>-extensions} (extension created with the seat)
   */
  public record Input(
      CcAgentSpec spec, References.Resolved extensions, References.Resolved queues, ReconcileException refsStop,
      Optional<Agents.Details> observed, Records records, TenantView tenant) {}

  /**
   * What the platform shows around a seat: the seat each extension is bound to, and the app's relay numbers
   * (null: not known). The platform refuses a binding or a default number only after it made the seat;
   * checked before a create, such a create is not sent at all. Read for a seat to be created or one whose
   * own extension may need replacing ({@link #input}).
   */
  public record TenantView(Map<String, String> extensionSeats, List<String> relayNumbers, Map<String, String> recorded) {
    public static final TenantView UNKNOWN = new TenantView(Map.of(), null, Map.of());

    /**
     * The number after {@code extension}, every four-digit number a seat holds and every number the
     * operator's other Secrets record (a replacement in progress may have deleted it): likely free, and
     * never one another resource is about to create.
     */
    String spareAfter(String extension) {
      int highest = java.util.stream.Stream.of(extensionSeats.keySet().stream(), recorded.keySet().stream(), java.util.stream.Stream.of(extension))
          .flatMap(n -> n)
          .filter(n -> n.matches("[1-9][0-9]{3}"))
          .mapToInt(Integer::parseInt)
          .max()
          .orElse(999);
      return Integer.toString(Math.min(highest + 1, 9999));
    }

    /** @param recorded the extension numbers the operator's other Secrets record, each with the first such Secret's name */
    public static TenantView of(List<Agents.Details> seats, SpNumbers.Numbers numbers, Map<String, String> recorded) {
      Map<String, String> bound = new HashMap<>();
      seats.forEach(seat -> extensions(seat).forEach(number -> bound.put(number, seat.agentId())));
      return new TenantView(bound, numbers == null || numbers.spNumbers() == null ? null : List.copyOf(numbers.spNumbers()), recorded);
    }
  }

  /** The Secret the operator keeps for the CcAgent named {@code resourceName}. */
  public static String secretName(String resourceName) {
    return KubeNames.derived(resourceName, "-extensions");
  }

  /** Whether reconciling this seat may write its Secret: only an extension created with the seat is stored. */
  public static boolean writesSecret(CcAgentSpec spec) {
    return Boolean.TRUE.equals(spec.createExtension);
  }

  /**
   * The Input, resolving both reference lists; a reference that cannot be used yet becomes {@code
   * refsStop} (the plan then stops, and status keeps the platform's bindings).
   */
  public static Input input(
      CcAgentSpec spec, java.util.function.Supplier<References.Resolved> extensions, java.util.function.Supplier<References.Resolved> queues,
      Optional<Agents.Details> observed, Records records, java.util.function.Supplier<TenantView> tenant) {
    // only a seat to be created, or one whose own extension may be replaced, needs the tenant around it
    boolean needed = observed.isEmpty() || (writesSecret(spec) && (!records.secret().has("password")
        || records.secret().has("extension") && !extensions(observed.get()).contains(records.secret().get("extension"))));
    TenantView view = needed ? tenant.get() : TenantView.UNKNOWN;
    try {
      return new Input(spec, extensions.get(), queues.get(), null, observed, records, view);
    } catch (ReconcileException refsStop) {
      return new Input(spec, null, null, refsStop, observed, records, view);
    }
  }

  public static Plan<CcAgentStatus> plan(Input in) {
    String subject = "agent " + in.spec().agentId;
    CcAgentStatus status = in.observed().map(AgentPlanner::reported).orElseGet(CcAgentStatus::new);
    return Plan.guarded(subject, in.observed().isPresent(), status, () -> decide(in, subject, status));
  }

  private static Plan<CcAgentStatus> decide(Input in, String subject, CcAgentStatus status) {
    CcAgentSpec spec = in.spec();
    Immutable.require(in.records(), "spec.agentId", spec.agentId);
    int total = spec.extensionRefs.size() + (Boolean.TRUE.equals(spec.createExtension) ? 1 : 0);
    if (total > MAX_EXTENSIONS) {
      throw new ReconcileException(
          Reason.InvalidSpec,
          "spec.extensionRefs: a seat has at most " + MAX_EXTENSIONS + " extensions, and createExtension adds one; " + total + " requested");
    }
    if (spec.extension != null && !Boolean.TRUE.equals(spec.createExtension)) {
      throw new ReconcileException(Reason.InvalidSpec, "spec.extension names the extension created with the seat: it needs spec.createExtension: true");
    }
    if (in.refsStop() != null) {
      // the seat is left alone while a reference cannot be used; status keeps showing the platform's bindings
      throw in.refsStop();
    }
    in.records().secret().requireNotForeign("CcAgent");
    OwnershipRule.Decision decision = OwnershipRule.decide(in.observed().isPresent(), in.records(), spec.agentId);
    return switch (decision) {
      case CONFLICT -> Plan.stop(subject, true, status, Reason.AlreadyExists, OwnershipRule.conflict(subject));
      case CREATE -> create(in, subject);
      default -> existing(in, subject, decision, status);
    };
  }

  private static Plan<CcAgentStatus> create(Input in, String subject) {
    CcAgentSpec spec = in.spec();
    requireWholeCreate(in);
    List<Op> ops = new ArrayList<>();
    ops.add(new Op.CreateAgent(desired(spec, Boolean.TRUE.equals(spec.createExtension), spec.wrapUpTime), in.records().secret().name()));
    List<String> extensions = sorted(in.extensions().ready());
    List<String> queues = sorted(in.queues().ready());
    // queues first: the seats of one batched create then reach their queues together and are joined in
    // one call per queue, before the binding calls (one per seat) spread them out
    if (!queues.isEmpty()) {
      ops.add(new Op.BindAgentQueues(spec.agentId, queues));
    }
    if (!extensions.isEmpty()) {
      ops.add(new Op.BindAgentExtensions(spec.agentId, extensions));
    }
    if (spec.defaultSpNumber != null) {
      ops.add(new Op.SetAgentDefaultSpNumber(spec.agentId, null, spec.defaultSpNumber));
    }
    CcAgentStatus status = new CcAgentStatus();
    status.extensions = extensions;
    status.queues = queues;
    status.secretName = Boolean.TRUE.equals(spec.createExtension) ? in.records().secret().name() : null;
    status.defaultSpNumber = spec.defaultSpNumber;
    status.enabled = Boolean.TRUE.equals(spec.enabled);
    status.wrapUpTime = Objects.requireNonNullElse(spec.wrapUpTime, 0);
    return Plan.go(subject, false, OwnershipRule.Decision.CREATE, spec.agentId, ops, status, subject + " is ready", List.of());
  }

  /** What the platform would refuse only after creating the seat (nothing half-created): refused first. */
  private static void requireWholeCreate(Input in) {
    CcAgentSpec spec = in.spec();
    for (String number : sorted(in.extensions().ready())) {
      String holder = in.tenant().extensionSeats().get(number);
      if (holder != null && !holder.equals(spec.agentId)) {
        throw new ReconcileException(Reason.AlreadyExists, "spec.extensionRefs: extension " + number + " is bound to agent " + holder
            + "; an extension belongs to one seat (the platform refuses a second binding: 100004), so agent " + spec.agentId
            + " is created once it is free");
      }
    }
    List<String> relay = in.tenant().relayNumbers();
    if (spec.defaultSpNumber != null && relay != null && !relay.contains(spec.defaultSpNumber)) {
      throw new ReconcileException(Reason.InvalidSpec,
          "spec.defaultSpNumber: " + spec.defaultSpNumber + " is not one of the application's relay numbers " + relay);
    }
  }

  private static Plan<CcAgentStatus> existing(Input in, String subject, OwnershipRule.Decision decision, CcAgentStatus status) {
    CcAgentSpec spec = in.spec();
    Agents.Details observed = in.observed().get();
    List<Op> ops = new ArrayList<>();
    List<Change> changes = diff(spec, observed);
    if (!changes.isEmpty()) {
      // PUT replaces the seat: an unset wrapUpTime sends the platform's value, so it stays as it is
      Integer wrapUpTime = spec.wrapUpTime != null ? spec.wrapUpTime : observed.wrapUpTime();
      ops.add(new Op.UpdateAgent(desired(spec, null, wrapUpTime), changes));
    }
    Set<String> bound = extensions(observed);
    Set<String> wanted = keptWhileDeleting(in.extensions(), bound);
    StoredSecret own = in.records().secret();
    Optional<String> ownExtension = ownExtension(in, bound);
    ownExtension.ifPresent(wanted::add);
    List<Notice> notices = new ArrayList<>();
    String note = "";
    Set<String> current = bound;
    Optional<Op.ReplaceSeatExtension> replacement = ownExtension.flatMap(number -> replacement(in, number, bound));
    if (replacement.isPresent()) {
      ops.add(replacement.get());
      wanted.remove(ownExtension.get());
      wanted.add(replacement.get().extension());
      current = new HashSet<>(bound);
      current.remove(ownExtension.get());
    } else if (ownExtension.isPresent() && !own.has("password")) {
      note = " (the password of extension " + ownExtension.get() + ", created with the seat before it was adopted, is unknown)";
      notices.add(new Notice(EventReason.PasswordUnknown, "agent " + spec.agentId + ":" + note));
    }
    ops.addAll(bindings(current, wanted, spec.agentId, Op.UnbindAgentExtensions::new, Op.BindAgentExtensions::new));
    List<String> queues = Objects.requireNonNullElse(observed.queues(), List.of());
    Set<String> wantedQueues = keptWhileDeleting(in.queues(), queues);
    ops.addAll(bindings(queues, wantedQueues, spec.agentId, Op.UnbindAgentQueues::new, Op.BindAgentQueues::new));
    defaultSpNumber(spec, observed.defSpNumber(), status.defaultSpNumber).ifPresent(ops::add);
    status.defaultSpNumber = spec.defaultSpNumber;
    status.enabled = Boolean.TRUE.equals(spec.enabled);
    status.wrapUpTime = spec.wrapUpTime != null ? spec.wrapUpTime : observed.wrapUpTime();
    status.extensions = sorted(wanted);
    status.queues = sorted(wantedQueues);
    status.secretName = own.has("password") || replacement.isPresent() ? own.name() : null;
    return Plan.go(subject, true, decision, spec.agentId, ops, status, subject + " is ready" + note, notices);
  }

  /**
   * Setting the seat's default relay number to the spec's, or deleting it when the spec names none.
   * {@code observed} is documented as a list: the spec's number anywhere in it is no change.
   */
  private static Optional<Op> defaultSpNumber(CcAgentSpec spec, List<String> observed, String current) {
    boolean same = spec.defaultSpNumber == null ? current == null : observed != null && observed.contains(spec.defaultSpNumber);
    if (same) {
      return Optional.empty();
    }
    return Optional.of(spec.defaultSpNumber == null
        ? new Op.DeleteAgentDefaultSpNumber(spec.agentId, current)
        : new Op.SetAgentDefaultSpNumber(spec.agentId, current, spec.defaultSpNumber));
  }

  /**
   * The Ready references, plus those being deleted that the seat still has. A CcExtension or CcQueue
   * being deleted keeps its binding while the spec names it: its own deletion decides — it waits
   * (DeletionBlocked) or unbinds the seats when it removes the platform object, and leaves them bound
   * when it leaves the object (deletionPolicy Orphan, Observe, paused).
   */
  private static Set<String> keptWhileDeleting(References.Resolved refs, Collection<String> bound) {
    Set<String> wanted = new HashSet<>(refs.ready());
    refs.deleting().stream().filter(bound::contains).forEach(wanted::add);
    return wanted;
  }

  /**
   * The extension created with the seat: the number in its Secret, else (the create's answer, the only
   * copy of number and password, was lost, or the Secret deleted) the seat's one bound extension that no
   * reference names.
   */
  private static Optional<String> ownExtension(Input in, Set<String> bound) {
    if (in.records().secret().has("extension")) {
      return Optional.of(in.records().secret().get("extension"));
    }
    if (!Boolean.TRUE.equals(in.spec().createExtension)) {
      return Optional.empty();
    }
    Set<String> referenced = new HashSet<>(in.extensions().ready());
    referenced.addAll(in.extensions().deleting());
    return bound.stream().filter(e -> !referenced.contains(e)).sorted().findFirst();
  }

  /**
   * The replacement of the extension created with a seat this resource created: a new password for it when
   * none is stored, or a new number when the platform gave it to another seat (a replacement interrupted
   * after its delete leaves the number free, and the platform numbers new seats' extensions from the
   * lowest free one) or another resource's Secret records it unbound (it is being created for that one:
   * never deleted from under it).
   */
  private static Optional<Op.ReplaceSeatExtension> replacement(Input in, String number, Set<String> bound) {
    if (!createdHere(in)) {
      return Optional.empty();
    }
    String agentId = in.spec().agentId;
    String holder = in.tenant().extensionSeats().get(number);
    boolean othersCreating = !bound.contains(number) && yields(in.tenant().recorded().get(number), number, in.records().secret());
    if ((holder != null && !holder.equals(agentId)) || othersCreating) {
      return Optional.of(new Op.ReplaceSeatExtension(agentId, in.tenant().spareAfter(number), false, in.records().secret().name(), number));
    }
    if (in.records().secret().has("password")) {
      return Optional.empty();
    }
    return Optional.of(new Op.ReplaceSeatExtension(agentId, number, bound.contains(number), in.records().secret().name(), null));
  }

  /**
   * Whether a seat leaves the unbound number its extension had to the other resource whose Secret records
   * it ({@code recorder}). Two seats may both record one number, each replacing it in place, when the
   * platform gave it to the other while it was free; were each to yield, the number would be left to
   * no one (nothing deletes it then): the Secret whose name sorts first keeps it, as both compute.
   */
  static boolean yields(String recorder, String number, StoredSecret own) {
    if (recorder == null) {
      return false;
    }
    return !number.equals(own.get("extension")) || recorder.compareTo(own.name()) < 0;
  }

  /** Whether this resource created the seat (so the extension created with it is its own), not adopted it. */
  private static boolean createdHere(Input in) {
    return in.records().claimOn(in.spec().agentId).filter(c -> c.state() != Claim.State.ADOPTED).isPresent();
  }

  /** From {@code current} to {@code wanted}: unbinding first, as the platform caps a seat at two extensions. */
  private static List<Op> bindings(
      Collection<String> current, Collection<String> wanted, String agentId,
      BiFunction<String, List<String>, Op> unbind, BiFunction<String, List<String>, Op> bind) {
    List<Op> ops = new ArrayList<>();
    List<String> toUnbind = current.stream().filter(id -> !wanted.contains(id)).sorted().toList();
    List<String> toBind = wanted.stream().filter(id -> !current.contains(id)).sorted().toList();
    if (!toUnbind.isEmpty()) {
      ops.add(unbind.apply(agentId, toUnbind));
    }
    if (!toBind.isEmpty()) {
      ops.add(bind.apply(agentId, toBind));
    }
    return ops;
  }

  /** Queues, then referenced extensions, then the seat (with the extensions created with it). */
  public static Plan<CcAgentStatus> planDelete(String agentId, Optional<Agents.Details> observed, String ownExtension) {
    List<Op> ops = new ArrayList<>();
    if (observed.isEmpty()) {
      return Plan.deleting("agent " + agentId, false, ops, new CcAgentStatus());
    }
    List<String> queues = sorted(Objects.requireNonNullElse(observed.get().queues(), List.of()));
    List<String> referenced = extensions(observed.get()).stream().filter(e -> !e.equals(ownExtension)).sorted().toList();
    if (!queues.isEmpty()) {
      ops.add(new Op.UnbindAgentQueues(agentId, queues));
    }
    if (!referenced.isEmpty()) {
      ops.add(new Op.UnbindAgentExtensions(agentId, referenced));
    }
    ops.add(new Op.DeleteAgent(agentId));
    return Plan.deleting("agent " + agentId, true, ops, new CcAgentStatus());
  }

  /** The seat's configuration and bindings as the platform reports them. */
  public static CcAgentStatus reported(Agents.Details observed) {
    CcAgentStatus status = new CcAgentStatus();
    status.extensions = sorted(extensions(observed));
    status.queues = sorted(Objects.requireNonNullElse(observed.queues(), List.of()));
    status.defaultSpNumber = observed.defSpNumber() == null ? null : observed.defSpNumber().stream().filter(n -> !n.isEmpty()).findFirst().orElse(null);
    status.enabled = !Boolean.FALSE.equals(observed.enable());
    status.wrapUpTime = observed.wrapUpTime();
    return status;
  }

  static Agents.Agent desired(CcAgentSpec spec, Boolean createExtension, Integer wrapUpTime) {
    return new Agents.Agent(
        spec.agentId, spec.workId, spec.displayName, spec.mobile, spec.email, spec.role.name(), spec.enabled, createExtension,
        Boolean.TRUE.equals(createExtension) ? spec.extension : null, wrapUpTime);
  }

  private static List<Change> diff(CcAgentSpec spec, Agents.Details observed) {
    return new Change.Diff()
        .field("workId", observed.workId(), spec.workId)
        .field("displayName", observed.name(), spec.displayName)
        .field("mobile", observed.mobile(), spec.mobile)
        .field("email", observed.email(), spec.email)
        .field("role", observed.role(), spec.role.name())
        .field("enabled", !Boolean.FALSE.equals(observed.enable()), Boolean.TRUE.equals(spec.enabled))
        .field("wrapUpTime", observed.wrapUpTime(), spec.wrapUpTime == null ? observed.wrapUpTime() : spec.wrapUpTime)
        .changes();
  }

  public static Set<String> extensions(Agents.Details observed) {
    return observed.extensions() == null
        ? new HashSet<>()
        : observed.extensions().stream().map(ExtensionRef::extension).collect(Collectors.toCollection(HashSet::new));
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }
}
