package io.ccapi.operator.apply;

import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.ccapi.ErrorCodes;
import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Queues;
import io.ccapi.operator.crd.CcResource;
import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.observe.PlatformObserver;
import io.ccapi.operator.plan.Claim;
import io.ccapi.operator.plan.EventReason;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import io.ccapi.operator.plan.Records;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Carries out a {@link Plan}: the one place platform writes happen. In order, for each plan: the ownership
 * decision is recorded; then each operation runs, with a pending claim recorded before a create, the
 * values the platform returns once stored in Secrets before anything else can fail, every write reported
 * to the observer, an Event per create, update and adoption, and a create that meets an existing object
 * decided by {@link OwnershipRule} — ours, adopted (both: observe and plan again) or AlreadyExists.
 */
public final class Executor {
  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
  private final PlatformObserver observer;
  private final Claims claims;
  private final OnceOnlyValues onceOnly;
  private final PlatformWrites writes = new PlatformWrites();
  private final KubeEvents events;
  private final Clock clock;
  private final QueueJoins joins;
  private final InPlaceReplacements replacements = new InPlaceReplacements();
  /** By kind: how to make a resource reconcile again (its queue join was sent). */
  private final Map<String, BiConsumer<String, String>> wakers = new ConcurrentHashMap<>();

  public Executor(PlatformObserver observer, Claims claims, ManagedSecrets secrets, KubeEvents events, Clock clock) {
    this.observer = observer;
    this.claims = claims;
    this.onceOnly = new OnceOnlyValues(secrets);
    this.events = events;
    this.clock = clock;
    this.joins = new QueueJoins(new JoinOutcome(), clock);
  }

  /** Resources of {@code kind} are woken through {@code wake(namespace, name)} when their queue join was sent. */
  public void wakeWith(String kind, BiConsumer<String, String> wake) {
    wakers.put(kind, wake);
  }

  /** The resource a plan is for, its app connection and the records the plan was made from. */
  public record Target(CcResource<?, ?> resource, AppConnection app, Records records) {
    String uid() {
      return resource.getMetadata().getUid();
    }
  }

  /**
   * What applying produced. {@code replan}: a create met an object that is ours or was adopted, so the
   * rest of the plan (made for a new object) was skipped. {@code createdId}: the platform id a create
   * returned; {@code createdApp}: the application POST apps returned. {@code waiting}: what was handed
   * on and is not done yet (a queue join waiting for company), null when everything was carried out.
   */
  public record Result(boolean replan, String createdId, Apps.App createdApp, String waiting) {
    static final Result DONE = new Result(false, null, null, null);
    static final Result REPLAN = new Result(true, null, null, null);

    Result waitingFor(String what) {
      return new Result(replan, createdId, createdApp, waiting == null ? what : waiting + "; " + what);
    }
  }

  public Result apply(Target target, Plan<?> plan) {
    Runnable release = replacements.hold(target.app(), plan);
    try {
      recordOwnership(target, plan);
      joins.retain(target.uid(), queuesJoined(plan));
      return runAll(target, plan);
    } finally {
      release.run();
    }
  }

  private Result runAll(Target target, Plan<?> plan) {
    Result result = Result.DONE;
    for (Op op : plan.ops()) {
      Result step = run(target, op, plan.subject());
      if (step.replan()) {
        return step;
      }
      if (step.createdId() != null) {
        result = new Result(false, step.createdId(), step.createdApp(), result.waiting());
      }
      if (step.waiting() != null) {
        result = result.waitingFor(step.waiting());
      }
    }
    return result;
  }

  private static Set<String> queuesJoined(Plan<?> plan) {
    return plan.ops().stream()
        .flatMap(op -> op instanceof Op.BindAgentQueues o ? o.queues().stream() : Stream.empty())
        .collect(Collectors.toSet());
  }

  private void recordOwnership(Target t, Plan<?> plan) {
    if (plan.ownership() == Decision.ADOPT) {
      claims.record(t.resource(), Claim.adopted(plan.claimId(), t.uid()));
      events.normal(t.resource(), EventReason.Adopted, plan.subject() + " adopted");
    } else if (plan.ownership() == Decision.OURS && t.records().ownedId().isEmpty()) {
      // a pending claim whose create went through after all (its answer was lost)
      claims.record(t.resource(), Claim.created(plan.claimId(), t.uid()));
    }
  }

  private Result run(Target t, Op op, String subject) {
    LOG.debug("{} {}/{}: {}", t.resource().getKind(), t.resource().getMetadata().getNamespace(), t.resource().getMetadata().getName(), op.describe());
    if (op.createsClaimedObject()) {
      return create(t, op, subject);
    }
    claims.ensureFinalizer(t.resource()); // a create puts it on with its claim
    if (op instanceof Op.BindAgentQueues o) {
      return join(t, o);
    }
    String note = "";
    try {
      onceOnly.prepare(t, op);
      Object answer = writes.write(t.app(), op);
      report(t.app(), op, answer);
      note = onceOnly.store(t, op, answer, () -> { }).note();
    } catch (CcapiException e) {
      forget(t.app(), op);
      boolean alreadyDone = (op.verb() == Op.Verb.DELETE || op.verb() == Op.Verb.UNBIND) && e.errorClass() == ErrorClass.NOT_FOUND;
      if (!alreadyDone) {
        throw e;
      }
    }
    if (op.verb() == Op.Verb.UPDATE) {
      events.normal(t.resource(), EventReason.Updated, op.text() + note);
    } else if (op.verb() == Op.Verb.CREATE) { // a part of what the resource manages (a CcIvr's voice file)
      events.normal(t.resource(), EventReason.Updated, eventText(op));
    }
    return Result.DONE;
  }

  /**
   * Hands the seat's queue joins to {@link QueueJoins}: they go out with the other seats of each queue and
   * the seat is woken when they did. An error the last join got is thrown here, once.
   */
  private Result join(Target t, Op.BindAgentQueues o) {
    QueueJoins.Member member = new QueueJoins.Member(
        t.uid(), t.resource().getKind(), t.resource().getMetadata().getNamespace(), t.resource().getMetadata().getName(), o.agentId());
    o.queues().forEach(queueId -> joins.offer(t.app(), queueId, member));
    return Result.DONE.waitingFor("joining queues " + o.queues() + " (sent with the other seats joining them)");
  }

  /** A join went out: its effect goes into the view (or the view is dropped), then the seats look again. */
  private final class JoinOutcome implements QueueJoins.Outcome {
    @Override
    public void joined(AppConnection app, String queueId, List<QueueJoins.Member> members) {
      members.forEach(m -> report(app, new Op.BindAgentQueues(m.agentId(), List.of(queueId)), null));
      members.forEach(this::wake);
    }

    @Override
    public void failed(AppConnection app, String queueId, List<QueueJoins.Member> members, CcapiException e) {
      observer.written(app, PlatformObserver.Kind.AGENTS);
      members.forEach(this::wake);
    }

    private void wake(QueueJoins.Member m) {
      BiConsumer<String, String> wake = wakers.get(m.kind());
      if (wake != null) {
        wake.accept(m.namespace(), m.name());
      }
    }
  }

  private Result create(Target t, Op op, String subject) {
    String id = naturalId(op);
    boolean probe = op.verb() == Op.Verb.PROBE;
    if (!probe && t.records().claimOn(id).filter(Claim::owned).isEmpty()) {
      claims.record(t.resource(), claimedUpFront(op) ? Claim.created(id, t.uid()) // the finalizer goes on with it
          : Claim.pending(id, t.uid(), Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString()));
    } else {
      claims.ensureFinalizer(t.resource());
    }
    Object answer;
    try {
      answer = writes.write(t.app(), op);
    } catch (CcapiException e) {
      forget(t.app(), op);
      if (extensionTaken(op, e)) {
        restoreClaim(t); // the whole create was refused: no seat either
        throw new ReconcileException(Reason.AlreadyExists, "extension " + ((Op.CreateAgent) op).agent().extension()
            + " (spec.extension) exists in the platform already; name a free number");
      }
      if (e.errorClass() == ErrorClass.CONFLICT && id != null) {
        return probe ? Result.DONE : duplicate(t, id, subject);
      }
      if (!probe && !e.mayHaveBeenApplied()) {
        restoreClaim(t); // refused or never sent: nothing was created
      }
      throw e;
    }
    report(t.app(), op, answer);
    OnceOnlyValues.Stored stored = onceOnly.store(t, op, answer, () -> restoreClaim(t));
    String createdId = stored.id() != null ? stored.id() : id;
    if (t.records().claimOn(createdId).filter(Claim::owned).isEmpty()) {
      claims.record(t.resource(), Claim.created(createdId, t.uid()));
    }
    unexpectedCreateEvent(t, op, id, stored);
    if (stored.followUp() != null) {
      run(t, stored.followUp(), subject);
    }
    return new Result(false, createdId, answer instanceof Apps.App app ? app : null, null);
  }

  /**
   * An Event for a create nobody asked for in so many words: an object that had vanished made again, a
   * replaced extension. A plain create is what the manifest asked for: Ready and the claim say it happened.
   */
  private void unexpectedCreateEvent(Target t, Op op, String id, OnceOnlyValues.Stored stored) {
    boolean probe = op.verb() == Op.Verb.PROBE;
    boolean recreated = !probe && !isReplacement(op) && id != null && t.records().claimOn(id).filter(Claim::owned).isPresent();
    if (recreated) {
      String text = eventText(op).replaceFirst("^created", "re-created") + " (it had vanished from the platform)";
      events.normal(t.resource(), EventReason.Recreated, text + stored.note());
    } else if (probe || isReplacement(op)) {
      events.normal(t.resource(), EventReason.Updated, (probe ? "re-created missing extension " + id : eventText(op)) + stored.note());
    }
  }

  /** A create answered "already exists": decided as the ownership rule says, from the records before this attempt. */
  private Result duplicate(Target t, String id, String subject) {
    Decision decision = OwnershipRule.decide(true, t.records(), id);
    switch (decision) {
      case OURS -> {
        if (t.records().ownedId().isEmpty()) {
          claims.record(t.resource(), Claim.created(id, t.uid()));
        }
        return Result.REPLAN;
      }
      case ADOPT -> {
        claims.record(t.resource(), Claim.adopted(id, t.uid()));
        events.normal(t.resource(), EventReason.Adopted, subject + " adopted");
        return Result.REPLAN;
      }
      default -> {
        restoreClaim(t);
        throw new ReconcileException(Reason.AlreadyExists, OwnershipRule.conflict(subject));
      }
    }
  }

  /**
   * Whether a create is claimed as created before it is sent (one claim write, not two): an object whose id
   * the operator names. A lost answer then leaves the claim a success would have left, and the next observe
   * tells whether the object exists. An application stays pending until answered (its Secret comes back
   * only in that answer, so a lost one must be told apart), as does an object the platform numbers.
   */
  static boolean claimedUpFront(Op op) {
    return naturalId(op) != null && !(op instanceof Op.CreateApp);
  }

  /** A seat create refused because the extension it names exists (100015), not the seat. */
  static boolean extensionTaken(Op op, CcapiException e) {
    return op instanceof Op.CreateAgent o && o.agent().extension() != null && ErrorCodes.NUMBER_EXISTED.equals(e.errCode());
  }

  private void restoreClaim(Target t) {
    claims.record(t.resource(), t.records().claim().orElse(null));
  }

  /** A write succeeded: its effect goes into the observer's view (write-through, no read-back). */
  private void report(AppConnection app, Op op, Object answer) {
    if (op instanceof Op.SeatOp seat) {
      observer.<Agents.Details>changed(app, PlatformObserver.Kind.AGENTS, d -> seat.agentId().equals(d.agentId()),
          before -> WriteThrough.seat(seat, before, answer));
    } else if (op.target() == Op.Target.QUEUE) {
      String queueId = queueId(op);
      observer.<Queues.Info>changed(app, PlatformObserver.Kind.QUEUES, q -> queueId.equals(q.queueId()), before -> WriteThrough.queue(op, before));
    } else if (op.target() == Op.Target.SUBSCRIPTION) {
      observer.written(app, PlatformObserver.Kind.SUBSCRIPTIONS); // ids are assigned by the platform: read again
    } else {
      WriteThrough.appConfig(observer, app, op);
    }
  }

  /** A write failed or met a conflict: what the platform has now is unknown, so the kind is read again. */
  private void forget(AppConnection app, Op op) {
    switch (op.target()) {
      case AGENT -> observer.written(app, PlatformObserver.Kind.AGENTS);
      case QUEUE -> observer.written(app, PlatformObserver.Kind.QUEUES);
      case SUBSCRIPTION -> observer.written(app, PlatformObserver.Kind.SUBSCRIPTIONS);
      default -> WriteThrough.kindOf(op).ifPresent(kind -> observer.written(app, kind));
    }
  }

  private static String queueId(Op op) {
    if (op instanceof Op.CreateQueue o) {
      return o.request().queueId();
    } else if (op instanceof Op.UpdateQueue o) {
      return o.request().queueId();
    }
    return ((Op.DeleteQueue) op).queueId();
  }

  /** The id a create names itself (app, seat, queue, extension); null where the platform assigns it. */
  private static String naturalId(Op op) {
    if (op instanceof Op.CreateApp o) {
      return o.appId();
    } else if (op instanceof Op.CreateAgent o) {
      return o.agentId();
    } else if (op instanceof Op.CreateQueue o) {
      return o.request().queueId();
    } else if (op instanceof Op.CreateExtension o) {
      return o.extension();
    } else if (op instanceof Op.ProbeExtension o) {
      return o.extension();
    }
    return null;
  }

  private static boolean isReplacement(Op op) {
    return op instanceof Op.CreateExtension o && o.why() != Op.CreateExtension.Why.NEW;
  }

  private static String eventText(Op op) {
    if (op instanceof Op.CreateExtension o && o.why() == Op.CreateExtension.Why.REPLACE) {
      return "replaced extension " + o.extension() + " (its password was not known: the answer of its create was lost, or its Secret deleted)";
    }
    return op.text().replaceFirst("^create", "created");
  }
}
