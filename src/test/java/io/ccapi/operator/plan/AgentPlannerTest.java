package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.ExtensionRef;
import io.ccapi.operator.ccapi.model.SpNumbers;
import io.ccapi.operator.crd.CcAgentSpec;
import io.ccapi.operator.crd.CcAgentStatus;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgentPlannerTest {
  private static final String ID = "1001";
  private static final String UID = "uid-agent";
  private static final String SECRET = "seat-extensions";

  // ---- inputs ----

  /** A seat as the platform reports it; by default it matches {@link #spec()} and has no bindings. */
  private static final class Seat {
    String agentId = ID;
    String workId = "w1";
    String name = "Ann";
    String mobile;
    String email;
    String role = "agent";
    Boolean enable = true;
    List<String> extensions = List.of();
    List<String> queues = List.of();
    List<String> defSpNumber;
    Integer wrapUpTime;

    Seat with(Consumer<Seat> change) {
      change.accept(this);
      return this;
    }

    Seat extensions(String... e) {
      extensions = List.of(e);
      return this;
    }

    Seat id(String id) {
      agentId = id;
      return this;
    }

    Seat queues(String... q) {
      queues = List.of(q);
      return this;
    }

    Agents.Details details() {
      return new Agents.Details(
          "app", agentId, workId, name, mobile, email, role, queues, null,
          extensions.stream().map(ExtensionRef::new).toList(), defSpNumber, 0, 2, wrapUpTime, enable);
    }
  }

  /** Everything the planner is given; by default: the spec, nothing observed, no records. */
  private static final class Given {
    final CcAgentSpec spec = AgentPlannerTest.spec();
    Set<String> extReady = Set.of();
    Set<String> extDeleting = Set.of();
    Set<String> queues = Set.of();
    Set<String> queuesDeleting = Set.of();
    ReconcileException refsStop;
    Seat observed;
    Records records = Records.none(SECRET);
    AgentPlanner.TenantView tenant = AgentPlanner.TenantView.UNKNOWN;

    Given spec(Consumer<CcAgentSpec> change) {
      change.accept(spec);
      return this;
    }

    Given seat(Seat seat) {
      observed = seat;
      return this;
    }

    Given records(Records r) {
      records = r;
      return this;
    }

    Given tenant(AgentPlanner.TenantView view) {
      tenant = view;
      return this;
    }

    /** Ready referenced extensions; the spec names as many CcExtensions. */
    Given extensions(String... ids) {
      extReady = ordered(ids);
      spec.extensionRefs = refs("ext", ids.length);
      return this;
    }

    Given deleting(String... ids) {
      extDeleting = ordered(ids);
      List<String> names = new ArrayList<>(spec.extensionRefs);
      names.addAll(refs("gone", ids.length));
      spec.extensionRefs = names;
      return this;
    }

    Given queues(String... ids) {
      queues = ordered(ids);
      spec.queueRefs = refs("queue", ids.length);
      return this;
    }

    Given queuesDeleting(String... ids) {
      queuesDeleting = ordered(ids);
      List<String> names = new ArrayList<>(spec.queueRefs);
      names.addAll(refs("leaving", ids.length));
      spec.queueRefs = names;
      return this;
    }

    Plan<CcAgentStatus> plan() {
      References.Resolved ext = refsStop == null ? new References.Resolved(extReady, extDeleting) : null;
      References.Resolved q = refsStop == null ? new References.Resolved(queues, queuesDeleting) : null;
      return AgentPlanner.plan(new AgentPlanner.Input(
          spec, ext, q, refsStop, Optional.ofNullable(observed).map(Seat::details), records, tenant));
    }
  }

  private static Given given() {
    return new Given();
  }

  @Test
  void aSeatWhoseExtensionAnotherSeatHoldsIsNotCreatedAtAll() {
    AgentPlanner.TenantView tenant = AgentPlanner.TenantView.of(
        List.of(new Seat().id("1009").extensions("8101").details()), new SpNumbers.Numbers(List.of("0571"), null), Map.of());
    Plan<CcAgentStatus> plan = given().extensions("8101").tenant(tenant).plan();

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(plan.message()).contains("spec.extensionRefs: extension 8101 is bound to agent 1009", "100004");
    assertThat(given().extensions("8102").tenant(tenant).plan().ops()).first().isInstanceOf(Op.CreateAgent.class);
  }

  @Test
  void aSeatWhoseDefaultNumberTheTenantLacksIsNotCreatedAtAll() {
    AgentPlanner.TenantView tenant = AgentPlanner.TenantView.of(List.of(), new SpNumbers.Numbers(List.of("057126200670"), null), Map.of());
    Plan<CcAgentStatus> plan = given().spec(s -> s.defaultSpNumber = "4009999999").tenant(tenant).plan();

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).isEqualTo("spec.defaultSpNumber: 4009999999 is not one of the application's relay numbers [057126200670]");
    assertThat(given().spec(s -> s.defaultSpNumber = "057126200670").tenant(tenant).plan().ops()).first().isInstanceOf(Op.CreateAgent.class);
    assertThat(given().spec(s -> s.defaultSpNumber = "4009999999").plan().ops()).as("relay numbers not known: the platform decides")
        .first().isInstanceOf(Op.CreateAgent.class);
  }

  @Test
  void inputTurnsAReferenceThatCannotBeUsedIntoTheRefsStopAndOtherwiseKeepsBothLists() {
    References.Resolved ext = new References.Resolved(Set.of("8101"), Set.of());
    References.Resolved queues = new References.Resolved(Set.of("9001"), Set.of());
    AgentPlanner.Input ok = AgentPlanner.input(spec(), () -> ext, () -> queues, Optional.empty(), ours(), () -> AgentPlanner.TenantView.UNKNOWN);
    assertThat(ok.refsStop()).isNull();
    assertThat(ok.extensions()).isEqualTo(ext);
    assertThat(ok.queues()).isEqualTo(queues);

    AgentPlanner.Input waiting = AgentPlanner.input(spec(), () -> ext, () -> {
      throw new ReconcileException(Reason.WaitingForReference, "CcQueue later does not exist in this namespace");
    }, Optional.empty(), ours(), () -> AgentPlanner.TenantView.UNKNOWN);
    assertThat(waiting.refsStop().reason()).isEqualTo(Reason.WaitingForReference);
    assertThat(AgentPlanner.plan(waiting).reason()).isEqualTo(Reason.WaitingForReference);
  }

  private static Seat seat() {
    return new Seat();
  }

  private static CcAgentSpec spec() {
    CcAgentSpec spec = new CcAgentSpec();
    spec.appRef = "app";
    spec.agentId = ID;
    spec.workId = "w1";
    spec.displayName = "Ann";
    return spec;
  }

  /** Reversed insertion order, so that sorting by the planner shows. */
  private static Set<String> ordered(String... ids) {
    List<String> reversed = new ArrayList<>(List.of(ids));
    java.util.Collections.reverse(reversed);
    return new LinkedHashSet<>(reversed);
  }

  private static List<String> refs(String prefix, int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
  }

  private static Records claim(Claim claim) {
    return new Records(Optional.of(claim), false, StoredSecret.absent(SECRET));
  }

  private static Records ours() {
    return claim(Claim.created(ID, UID));
  }

  private static Records oursWithSecret(Map<String, String> data) {
    return new Records(Optional.of(Claim.created(ID, UID)), false, StoredSecret.ours(SECRET, data));
  }

  private static Agents.Agent agent(CcAgentSpec spec, Boolean createExtension) {
    return new Agents.Agent(ID, spec.workId, spec.displayName, spec.mobile, spec.email, spec.role.name(), spec.enabled, createExtension, null);
  }

  // ---- create ----

  static Stream<Arguments> creates() {
    CcAgentSpec plain = spec();
    return Stream.of(
        Arguments.of("plain seat", given(),
            List.of(new Op.CreateAgent(agent(plain, false), SECRET))),
        Arguments.of("with createExtension", given().spec(s -> s.createExtension = true),
            List.of(new Op.CreateAgent(agent(plain, true), SECRET))),
        Arguments.of("with createExtension and its number", given().spec(s -> {
              s.createExtension = true;
              s.extension = "8123";
            }),
            List.of(new Op.CreateAgent(
                new Agents.Agent(ID, plain.workId, plain.displayName, plain.mobile, plain.email, plain.role.name(), plain.enabled, true, "8123"),
                SECRET))),
        Arguments.of("with extension and queue refs, sorted, queues first", given().extensions("2002", "2001").queues("9002", "9001"),
            List.of(new Op.CreateAgent(agent(plain, false), SECRET),
                new Op.BindAgentQueues(ID, List.of("9001", "9002")),
                new Op.BindAgentExtensions(ID, List.of("2001", "2002")))),
        Arguments.of("with defaultSpNumber", given().spec(s -> s.defaultSpNumber = "95000"),
            List.of(new Op.CreateAgent(agent(plain, false), SECRET), new Op.SetAgentDefaultSpNumber(ID, null, "95000"))),
        Arguments.of("deleting references are not bound", given().deleting("2003"),
            List.of(new Op.CreateAgent(agent(plain, false), SECRET))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void createsAMissingSeat(String name, Given given, List<Op> expected) {
    Plan<CcAgentStatus> plan = given.plan();

    assertThat(plan.ops()).containsExactlyElementsOf(expected);
    assertThat(plan.ownership()).isEqualTo(OwnershipRule.Decision.CREATE);
    assertThat(plan.exists()).isFalse();
    assertThat(plan.claimId()).isEqualTo(ID);
    assertThat(plan.message()).isEqualTo("agent 1001 is ready");
  }

  @Test
  void createdStatusListsReferencedBindingsAndTheSecretOnlyWithCreateExtension() {
    Plan<CcAgentStatus> without = given().extensions("2002", "2001").queues("9001").plan();
    Plan<CcAgentStatus> with = given().spec(s -> s.createExtension = true).plan();

    assertThat(without.status().extensions).containsExactly("2001", "2002");
    assertThat(without.status().queues).containsExactly("9001");
    assertThat(without.status().secretName).isNull();
    assertThat(with.status().secretName).isEqualTo(SECRET);
  }

  // ---- ownership ----

  static Stream<Arguments> ownership() {
    return Stream.of(
        Arguments.of("created claim", ours(), OwnershipRule.Decision.OURS),
        Arguments.of("adopted claim", claim(Claim.adopted(ID, UID)), OwnershipRule.Decision.OURS),
        Arguments.of("pending claim on the id", claim(Claim.pending(ID, UID, "t")), OwnershipRule.Decision.OURS),
        Arguments.of("pending claim without id", claim(Claim.pending(null, UID, "t")), OwnershipRule.Decision.OURS),
        Arguments.of("no claim, adopt allowed", Records.none(SECRET).withAdoptAllowed(true), OwnershipRule.Decision.ADOPT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownership")
  void keepsOrAdoptsAnExistingSeat(String name, Records records, OwnershipRule.Decision expected) {
    Plan<CcAgentStatus> plan = given().seat(seat()).records(records).plan();

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.ownership()).isEqualTo(expected);
    assertThat(plan.claimId()).isEqualTo(ID);
    assertThat(plan.exists()).isTrue();
    assertThat(plan.ops()).isEmpty();
  }

  static Stream<Arguments> conflicts() {
    return Stream.of(
        Arguments.of("no claim", Records.none(SECRET)),
        Arguments.of("pending claim on another id", claim(Claim.pending("1002", UID, "t"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conflicts")
  void anExistingSeatThatIsNotOursIsAConflict(String name, Records records) {
    Plan<CcAgentStatus> plan = given().seat(seat()).records(records).plan();

    assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
    assertThat(plan.message()).contains("agent 1001", "ccapi.io/adopt=true");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void agentIdIsImmutable() {
    Plan<CcAgentStatus> plan = given().seat(seat()).records(claim(Claim.created("1000", UID))).plan();

    assertThat(plan.reason()).isEqualTo(Reason.ImmutableFieldChanged);
    assertThat(plan.message()).contains("spec.agentId", "1000", "1001");
  }

  @Test
  void aForeignSecretStops() {
    Records foreign = new Records(Optional.of(Claim.created(ID, UID)), false, StoredSecret.foreign(SECRET));

    Plan<CcAgentStatus> plan = given().seat(seat()).records(foreign).plan();

    assertThat(plan.reason()).isEqualTo(Reason.SecretConflict);
    assertThat(plan.message()).contains(SECRET, "CcAgent");
  }

  // ---- updates ----

  static Stream<Arguments> fieldChanges() {
    return Stream.of(
        Arguments.of("workId", seat().with(s -> s.workId = "w0"), noSpecChange(), List.of(new Change("workId", "w0", "w1"))),
        Arguments.of("displayName", seat().with(s -> s.name = "Bob"), noSpecChange(), List.of(new Change("displayName", "Bob", "Ann"))),
        Arguments.of("mobile removed", seat().with(s -> s.mobile = "13800000000"), noSpecChange(),
            List.of(new Change("mobile", "13800000000", null))),
        Arguments.of("email added", seat(), (Consumer<CcAgentSpec>) s -> s.email = "a@x.io", List.of(new Change("email", null, "a@x.io"))),
        Arguments.of("role", seat().with(s -> s.role = "leader"), noSpecChange(), List.of(new Change("role", "leader", "agent"))),
        Arguments.of("enabled", seat().with(s -> s.enable = false), noSpecChange(), List.of(new Change("enabled", "false", "true"))),
        Arguments.of("disabled", seat(), (Consumer<CcAgentSpec>) s -> s.enabled = false, List.of(new Change("enabled", "true", "false"))),
        Arguments.of("null enable reads as enabled", seat().with(s -> s.enable = null), noSpecChange(), List.of()),
        Arguments.of("\"\" observed vs null wanted", seat().with(s -> s.mobile = ""), noSpecChange(), List.of()),
        Arguments.of("null observed vs \"\" wanted", seat(), (Consumer<CcAgentSpec>) s -> s.email = "", List.of()),
        Arguments.of("two fields, in order", seat().with(s -> { s.workId = "w0"; s.role = "leader"; }), noSpecChange(),
            List.of(new Change("workId", "w0", "w1"), new Change("role", "leader", "agent"))));
  }

  private static Consumer<CcAgentSpec> noSpecChange() {
    return s -> {};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldChanges")
  void updatesChangedFields(String name, Seat seat, Consumer<CcAgentSpec> specChange, List<Change> expected) {
    Given given = given().seat(seat).records(ours()).spec(specChange);

    Plan<CcAgentStatus> plan = given.plan();

    if (expected.isEmpty()) {
      assertThat(plan.ops()).isEmpty();
    } else {
      assertThat(plan.ops()).containsExactly(new Op.UpdateAgent(agent(given.spec, null), expected));
    }
  }

  @Test
  void wrapUpTimeIsSetWhenTheSpecNamesItAndKeptByThePutWhenItDoesNot() {
    Plan<CcAgentStatus> set = given().spec(s -> s.wrapUpTime = 30).seat(seat().with(s -> s.wrapUpTime = 0)).records(ours()).plan();
    Plan<CcAgentStatus> same = given().spec(s -> s.wrapUpTime = 30).seat(seat().with(s -> s.wrapUpTime = 30)).records(ours()).plan();
    Plan<CcAgentStatus> unset = given().seat(seat().with(s -> { s.wrapUpTime = 15; s.name = "Bob"; })).records(ours()).plan();

    assertThat(set.ops()).singleElement().satisfies(op -> {
      assertThat(((Op.UpdateAgent) op).agent().wrapUpTime()).isEqualTo(30);
      assertThat(op.describe()).contains("wrapUpTime: \"0\" -> \"30\"");
    });
    assertThat(set.status().wrapUpTime).isEqualTo(30);
    assertThat(same.ops()).isEmpty();
    assertThat(unset.ops()).singleElement().satisfies(op -> {
      assertThat(((Op.UpdateAgent) op).agent().wrapUpTime()).as("PUT replaces the seat: the platform's value is sent back").isEqualTo(15);
      assertThat(op.describe()).doesNotContain("wrapUpTime");
    });
    assertThat(unset.status().wrapUpTime).isEqualTo(15);
  }

  @Test
  void aNewSeatIsCreatedWithItsWrapUpTime() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.wrapUpTime = 5).plan();

    assertThat(plan.ops().get(0)).isInstanceOfSatisfying(Op.CreateAgent.class, op -> assertThat(op.agent().wrapUpTime()).isEqualTo(5));
    assertThat(plan.status().wrapUpTime).isEqualTo(5);
  }

  @Test
  void statusShowsTheDefaultRelayNumberAndEnableState() {
    Plan<CcAgentStatus> observed = given().spec(s -> { s.defaultSpNumber = "95000"; s.enabled = false; })
        .seat(seat().with(s -> { s.defSpNumber = List.of("95000"); s.enable = false; })).records(ours()).plan();
    Plan<CcAgentStatus> none = given().seat(seat().with(s -> s.defSpNumber = List.of(""))).records(ours()).plan();

    assertThat(observed.ops()).isEmpty();
    assertThat(observed.status().defaultSpNumber).isEqualTo("95000");
    assertThat(observed.status().enabled).isFalse();
    assertThat(none.status().defaultSpNumber).isNull();
    assertThat(none.status().enabled).isTrue();
    assertThat(AgentPlanner.reported(seat().with(s -> s.defSpNumber = List.of("95001")).details()).defaultSpNumber).isEqualTo("95001");
  }

  static Stream<Arguments> bindings() {
    return Stream.of(
        Arguments.of("bound as wanted", given().extensions("2001").queues("9001"), seat().extensions("2001").queues("9001"), List.of()),
        Arguments.of("extensions: unbind before bind, sorted",
            given().extensions("2004", "2002"), seat().extensions("2003", "2001"),
            List.of(new Op.UnbindAgentExtensions(ID, List.of("2001", "2003")), new Op.BindAgentExtensions(ID, List.of("2002", "2004")))),
        Arguments.of("queues: unbind before bind, sorted",
            given().queues("9004", "9001", "9002"), seat().queues("9003", "9001", "9005"),
            List.of(new Op.UnbindAgentQueues(ID, List.of("9003", "9005")), new Op.BindAgentQueues(ID, List.of("9002", "9004")))),
        Arguments.of("extensions before queues",
            given().extensions("2001").queues("9001"), seat(),
            List.of(new Op.BindAgentExtensions(ID, List.of("2001")), new Op.BindAgentQueues(ID, List.of("9001")))),
        Arguments.of("a bound extension being deleted is kept", given().extensions("2001").deleting("2002"),
            seat().extensions("2001", "2002"), List.of()),
        Arguments.of("an unbound extension being deleted is not bound", given().deleting("2002"), seat(), List.of()),
        Arguments.of("a bound queue being deleted is kept (its own deletion decides)", given().queues("9001").queuesDeleting("9002"),
            seat().queues("9001", "9002"), List.of()),
        Arguments.of("an unbound queue being deleted is not bound", given().queuesDeleting("9002"), seat(), List.of()),
        Arguments.of("an extension no longer referenced is unbound", given(), seat().extensions("2001"),
            List.of(new Op.UnbindAgentExtensions(ID, List.of("2001")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bindings")
  void bringsBindingsToTheSpec(String name, Given given, Seat seat, List<Op> expected) {
    Plan<CcAgentStatus> plan = given.seat(seat).records(ours()).plan();

    assertThat(plan.ops()).containsExactlyElementsOf(expected);
  }

  @Test
  void statusShowsTheBindingsAsTheyWillBe() {
    Plan<CcAgentStatus> plan = given().extensions("2001").deleting("2002").queues("9002", "9001")
        .seat(seat().extensions("2002", "2003").queues("9003")).records(ours()).plan();

    assertThat(plan.status().extensions).containsExactly("2001", "2002");
    assertThat(plan.status().queues).containsExactly("9001", "9002");
  }

  static Stream<Arguments> defaultNumbers() {
    return Stream.of(
        Arguments.of("already the default", "95000", List.of("95000"), List.of()),
        Arguments.of("one of several", "95000", List.of("95001", "95000"), List.of()),
        Arguments.of("another default", "95000", List.of("95001"), List.of(new Op.SetAgentDefaultSpNumber(ID, "95001", "95000"))),
        Arguments.of("none yet", "95000", null, List.of(new Op.SetAgentDefaultSpNumber(ID, null, "95000"))),
        Arguments.of("empty list", "95000", List.of(), List.of(new Op.SetAgentDefaultSpNumber(ID, null, "95000"))),
        Arguments.of("removed from the spec: deleted", null, List.of("95001"), List.of(new Op.DeleteAgentDefaultSpNumber(ID, "95001"))),
        Arguments.of("not in the spec, none set (\"\")", null, List.of(""), List.of()),
        Arguments.of("not in the spec, none set", null, null, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultNumbers")
  void setsTheDefaultRelayNumber(String name, String wanted, List<String> observed, List<Op> expected) {
    Plan<CcAgentStatus> plan = given().spec(s -> s.defaultSpNumber = wanted)
        .seat(seat().with(s -> s.defSpNumber = observed)).records(ours()).plan();

    assertThat(plan.ops()).containsExactlyElementsOf(expected);
  }

  // ---- the extension created with the seat ----

  @Test
  void keepsTheExtensionCreatedWithTheSeatKnownFromTheSecret() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true).extensions("2001")
        .seat(seat().extensions("2001", "2009")).records(oursWithSecret(Map.of("extension", "2009", "password", "pw"))).plan();

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().extensions).containsExactly("2001", "2009");
    assertThat(plan.status().secretName).isEqualTo(SECRET);
    assertThat(plan.notices()).isEmpty();
  }

  @Test
  void rebindsTheExtensionCreatedWithTheSeatWhenItIsUnbound() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true)
        .seat(seat()).records(oursWithSecret(Map.of("extension", "2009", "password", "pw"))).plan();

    assertThat(plan.ops()).containsExactly(new Op.BindAgentExtensions(ID, List.of("2009")));
  }

  @Test
  void anInterruptedReplacementIsResumedFromTheNumberInTheSecret() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true)
        .seat(seat()).records(oursWithSecret(Map.of("extension", "2009"))).plan();

    assertThat(plan.ops()).containsExactly(
        new Op.ReplaceSeatExtension(ID, "2009", false, SECRET, null), new Op.BindAgentExtensions(ID, List.of("2009")));
    assertThat(plan.status().secretName).isEqualTo(SECRET);
  }

  @Test
  void anOwnNumberThePlatformGaveToAnotherSeatIsReplacedByANumberAboveEveryOneInUse() {
    List<Agents.Details> others = java.util.stream.IntStream.rangeClosed(8001, 8065)
        .mapToObj(n -> new Seat().id(Integer.toString(n + 1000)).extensions(Integer.toString(n)).details()).toList();
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true).seat(seat())
        .records(oursWithSecret(Map.of("extension", "8004"))).tenant(AgentPlanner.TenantView.of(others, null, Map.of())).plan();
    assertThat(plan.ops()).containsExactly(
        new Op.ReplaceSeatExtension(ID, "8066", false, SECRET, "8004"), new Op.BindAgentExtensions(ID, List.of("8066")));
    assertThat(plan.ops().get(0).text()).isEqualTo(
        "replace extension 8004 of agent 1001 with extension 8066 (the platform gave 8004 to another seat while it was being replaced)");

    // a number another seat's or extension's Secret records may be mid-replacement: never the new one
    Plan<CcAgentStatus> besideAReplacement = given().spec(s -> s.createExtension = true).seat(seat())
        .records(oursWithSecret(Map.of("extension", "8004"))).tenant(AgentPlanner.TenantView.of(others, null, Map.of("8066", "b-extensions", "8070", "c-extensions"))).plan();
    assertThat(besideAReplacement.ops()).first().isEqualTo(new Op.ReplaceSeatExtension(ID, "8071", false, SECRET, "8004"));

    // an unbound number another resource's Secret records is being created for that one: never deleted
    Plan<CcAgentStatus> beingCreated = given().spec(s -> s.createExtension = true).seat(seat())
        .records(oursWithSecret(Map.of("extension", "8100"))).tenant(AgentPlanner.TenantView.of(others, null, Map.of("8100", "a-extensions"))).plan();
    assertThat(beingCreated.ops()).first().isEqualTo(new Op.ReplaceSeatExtension(ID, "8101", false, SECRET, "8100"));

    // both replacing it (the platform gave it to the other while it was free): the Secret named first keeps it
    Plan<CcAgentStatus> keeps = given().spec(s -> s.createExtension = true).seat(seat())
        .records(oursWithSecret(Map.of("extension", "8100"))).tenant(AgentPlanner.TenantView.of(others, null, Map.of("8100", "zz-extensions"))).plan();
    assertThat(keeps.ops()).first().isEqualTo(new Op.ReplaceSeatExtension(ID, "8100", false, SECRET, null));
    Plan<CcAgentStatus> notMine = given().spec(s -> s.createExtension = true).seat(seat().extensions("8100"))
        .records(oursWithSecret(Map.of())).tenant(AgentPlanner.TenantView.of(others, null, Map.of("8100", "zz-extensions"))).plan();
    assertThat(notMine.ops()).as("bound to this seat: its own, whoever records it").first()
        .isEqualTo(new Op.ReplaceSeatExtension(ID, "8100", true, SECRET, null));

    // even a Secret that still holds a password: the number is not this seat's any more
    Plan<CcAgentStatus> stale = given().spec(s -> s.createExtension = true).seat(seat())
        .records(oursWithSecret(Map.of("extension", "8004", "password", "old"))).tenant(AgentPlanner.TenantView.of(others, null, Map.of())).plan();
    assertThat(stale.ops()).first().isEqualTo(new Op.ReplaceSeatExtension(ID, "8066", false, SECRET, "8004"));
  }

  @Test
  void theTenantIsReadOnlyForACreateOrAPossibleReplacement() {
    java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<AgentPlanner.TenantView> view = () -> {
      reads.incrementAndGet();
      return AgentPlanner.TenantView.UNKNOWN;
    };
    References.Resolved none = new References.Resolved(Set.of(), Set.of());
    CcAgentSpec own = spec();
    own.createExtension = true;
    Optional<Agents.Details> bound = Optional.of(seat().extensions("8004").details());
    AgentPlanner.input(own, () -> none, () -> none, bound, oursWithSecret(Map.of("extension", "8004", "password", "pw")), view);
    assertThat(reads).as("a seat holding its own extension with its password").hasValue(0);
    AgentPlanner.input(own, () -> none, () -> none, Optional.of(seat().details()), oursWithSecret(Map.of("extension", "8004", "password", "pw")), view);
    assertThat(reads).as("its own extension is not bound to it").hasValue(1);
    AgentPlanner.input(own, () -> none, () -> none, Optional.empty(), ours(), view);
    assertThat(reads).as("a seat to create").hasValue(2);
  }

  @Test
  void lostPasswordOfTheExtensionCreatedWithTheSeatIsReplacedToGetANewOne() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true).extensions("2001")
        .seat(seat().extensions("2001", "2009")).records(ours()).plan();

    assertThat(plan.ops()).containsExactly(
        new Op.ReplaceSeatExtension(ID, "2009", true, SECRET, null), new Op.BindAgentExtensions(ID, List.of("2009")));
    assertThat(plan.status().extensions).containsExactly("2001", "2009");
    assertThat(plan.status().secretName).isEqualTo(SECRET);
    assertThat(plan.notices()).isEmpty();
    assertThat(plan.message()).isEqualTo("agent 1001 is ready");
  }

  @Test
  void lostPasswordOfAnAdoptedSeatsExtensionIsKeptAndReported() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true).extensions("2001")
        .seat(seat().extensions("2001", "2009")).records(claim(Claim.adopted(ID, UID))).plan();

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().extensions).containsExactly("2001", "2009");
    assertThat(plan.status().secretName).isNull();
    assertThat(plan.message()).startsWith("agent 1001 is ready").contains("password of extension 2009", "is unknown");
    assertThat(plan.notices()).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo(EventReason.PasswordUnknown);
      assertThat(n.message()).contains("agent 1001", "2009");
    });
  }

  @Test
  void lostPasswordDoesNotTakeAReferenceBeingDeletedForTheSeatsOwn() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.createExtension = true).deleting("2002")
        .seat(seat().extensions("2002")).records(ours()).plan();

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.notices()).isEmpty();
    assertThat(plan.message()).isEqualTo("agent 1001 is ready");
  }

  @Test
  void withoutCreateExtensionAnUnreferencedExtensionIsUnbound() {
    Plan<CcAgentStatus> plan = given().seat(seat().extensions("2009")).records(ours()).plan();

    assertThat(plan.ops()).containsExactly(new Op.UnbindAgentExtensions(ID, List.of("2009")));
    assertThat(plan.notices()).isEmpty();
  }

  // ---- stops ----

  static Stream<Arguments> tooMany() {
    return Stream.of(
        Arguments.of(given().extensions("2001", "2002", "2003"), 3),
        Arguments.of(given().extensions("2001", "2002").spec(s -> s.createExtension = true), 3));
  }

  @ParameterizedTest
  @MethodSource("tooMany")
  void aSeatHasAtMostTwoExtensions(Given given, int requested) {
    Plan<CcAgentStatus> plan = given.plan();

    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).contains("spec.extensionRefs", requested + " requested");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void anExtensionNumberWithoutCreateExtensionIsRefusedNamingTheField() {
    Plan<CcAgentStatus> plan = given().spec(s -> s.extension = "8123").plan();

    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).startsWith("spec.extension ").contains("spec.createExtension");
    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void onlyASeatCreatingItsExtensionWritesItsSecret() {
    CcAgentSpec spec = spec();
    assertThat(AgentPlanner.writesSecret(spec)).isFalse();
    spec.createExtension = true;
    assertThat(AgentPlanner.writesSecret(spec)).isTrue();
  }

  @Test
  void twoExtensionsInAllAreAllowed() {
    assertThat(given().extensions("2001").spec(s -> s.createExtension = true).plan().stopped()).isFalse();
  }

  @Test
  void unresolvableReferencesStopWithTheirReasonAndKeepThePlatformsBindings() {
    Given given = given().seat(seat().extensions("2001").queues("9001")).records(ours());
    given.refsStop = new ReconcileException(Reason.WaitingForReference, "CcExtension ext0 is not Ready yet");

    Plan<CcAgentStatus> plan = given.plan();

    assertThat(plan.reason()).isEqualTo(Reason.WaitingForReference);
    assertThat(plan.message()).isEqualTo("CcExtension ext0 is not Ready yet");
    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().extensions).containsExactly("2001");
    assertThat(plan.status().queues).containsExactly("9001");
  }

  // ---- deletion ----

  static Stream<Arguments> deletions() {
    return Stream.of(
        Arguments.of("absent", null, "2009", List.of()),
        Arguments.of("bare seat", seat(), null, List.of(new Op.DeleteAgent(ID))),
        Arguments.of("queues, referenced extensions, then the seat; not its own extension",
            seat().queues("9002", "9001").extensions("2009", "2003", "2001"), "2009",
            List.of(new Op.UnbindAgentQueues(ID, List.of("9001", "9002")),
                new Op.UnbindAgentExtensions(ID, List.of("2001", "2003")),
                new Op.DeleteAgent(ID))),
        Arguments.of("only its own extension", seat().extensions("2009"), "2009", List.of(new Op.DeleteAgent(ID))),
        Arguments.of("own extension unknown: all unbound", seat().extensions("2009"), null,
            List.of(new Op.UnbindAgentExtensions(ID, List.of("2009")), new Op.DeleteAgent(ID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletions")
  void deletionUnbindsThenDeletes(String name, Seat seat, String ownExtension, List<Op> expected) {
    Plan<CcAgentStatus> plan = AgentPlanner.planDelete(ID, Optional.ofNullable(seat).map(Seat::details), ownExtension);

    assertThat(plan.ops()).containsExactlyElementsOf(expected);
    assertThat(plan.exists()).isEqualTo(seat != null);
    assertThat(plan.stopped()).isFalse();
    assertThat(plan.message()).isEqualTo("agent 1001 deleted");
  }

  // ---- reported ----

  @Test
  void reportedStatusSortsBindingsAndLeavesPresenceOut() {
    CcAgentStatus status = AgentPlanner.reported(seat().extensions("2002", "2001").queues("9002", "9001").details());

    assertThat(Serialization.asJson(status)).doesNotContain("READY", "ONLINE", "tate");
    assertThat(status.extensions).containsExactly("2001", "2002");
    assertThat(status.queues).containsExactly("9001", "9002");
  }

  @Test
  void reportedStatusToleratesMissingLists() {
    Agents.Details bare = new Agents.Details("app", ID, "w1", "Ann", null, null, "agent", null, null, null, null, 99, null, null, true);

    CcAgentStatus status = AgentPlanner.reported(bare);

    assertThat(status.extensions).isEmpty();
    assertThat(status.queues).isEmpty();
  }
}
