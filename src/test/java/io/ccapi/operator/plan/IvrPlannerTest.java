package io.ccapi.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ccapi.operator.ccapi.model.Ivrs;
import io.ccapi.operator.crd.CcIvrSpec;
import io.ccapi.operator.crd.CcIvrStatus;
import io.ccapi.operator.plan.OwnershipRule.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import static io.ccapi.operator.plan.IvrSpecs.file;
import static io.ccapi.operator.plan.IvrSpecs.route;
import static io.ccapi.operator.plan.IvrSpecs.voice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IvrPlannerTest {
  private static final String APP_ID = "11111111-2222-3333-4444-555555555555";
  private static final String UID = "uid-ivr";

  private static CcIvrSpec spec(List<CcIvrSpec.VoiceFile> files, List<CcIvrSpec.DefaultVoice> voices, List<CcIvrSpec.FastRoute> router) {
    CcIvrSpec spec = new CcIvrSpec();
    spec.appRef = "tenant";
    spec.voiceFiles = files;
    spec.defaultVoices = voices;
    spec.fastRouter = router;
    return spec;
  }

  /** Observed: no files, no voices, no router; the app managed by its CcApp; no claim. */
  private static IvrPlanner.Input input(CcIvrSpec spec, List<String> queueIds) {
    return new IvrPlanner.Input(spec, APP_ID, true, Records.none(null), queueIds, List.of(), Map.of(), List.of(), List.of());
  }

  private static IvrPlanner.Input observed(CcIvrSpec spec, List<Ivrs.VoiceFile> files, Map<String, Object> voices, List<Ivrs.FastRoute> router,
      List<String> registered) {
    List<String> queueIds = spec.fastRouter == null ? List.of() : spec.fastRouter.stream().map(r -> "900" + r.dtmf).toList();
    return new IvrPlanner.Input(spec, APP_ID, true, Records.none(null), queueIds, files, voices, router, registered);
  }

  private static Map<String, Object> tts(String text) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("Type", "tts");
    v.put("Content", text);
    return v;
  }

  @Test
  void aNewIvrCreatesFilesThenVoicesThenTheRouter() {
    CcIvrSpec spec = spec(
        List.of(file("welcome.wav", "Greeting")),
        List.of(voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.wav, "welcome.wav"), voice(Ivrs.Prompt.Hold, CcIvrSpec.VoiceType.platformDefault, null),
            voice(Ivrs.Prompt.ClosingTime, CcIvrSpec.VoiceType.tts, "We are closed")),
        List.of(route("2", "support", "Support"), route("1", "sales", "Sales")));

    Plan<CcIvrStatus> plan = IvrPlanner.plan(input(spec, List.of("9002", "9001")));

    assertThat(plan.stopped()).isFalse();
    assertThat(plan.ownership()).isEqualTo(Decision.OURS);
    assertThat(plan.claimId()).isEqualTo(APP_ID);
    assertThat(plan.ops()).hasSize(3);
    assertThat(plan.ops().get(0)).isEqualTo(new Op.CreateVoiceFile(new Ivrs.VoiceFile("welcome.wav", "wav", "Greeting")));
    Op.SetDefaultVoices voices = (Op.SetDefaultVoices) plan.ops().get(1);
    assertThat(voices.voices()).containsOnlyKeys("Welcome", "Hold", "ClosingTime")
        .containsEntry("Hold", "default")
        .containsEntry("Welcome", Map.of("Type", "wav", "Content", "welcome.wav"))
        .containsEntry("ClosingTime", tts("We are closed"));
    assertThat(plan.ops().get(2)).isEqualTo(new Op.SetFastRouter(
        List.of(new Ivrs.FastRoute("1", "Sales", "9001"), new Ivrs.FastRoute("2", "Support", "9002")),
        List.of(new Change("key 1", null, "queue 9001 (Sales)"), new Change("key 2", null, "queue 9002 (Support)"))));
    assertThat(plan.ops().get(2).describe()).isEqualTo("~ update fast router: key 1: (none) -> \"queue 9001 (Sales)\", key 2: (none) -> \"queue 9002 (Support)\"");
    assertThat(plan.ops().get(0).describe()).isEqualTo("+ create voice file welcome.wav (\"Greeting\")");
  }

  @Test
  void aMatchingIvrPlansNothing() {
    CcIvrSpec spec = spec(List.of(file("a.wav", "A")), List.of(voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.tts, "Hi")), List.of(route("1", "sales", "Sales")));

    Plan<CcIvrStatus> plan = IvrPlanner.plan(observed(spec, List.of(new Ivrs.VoiceFile("a.wav", "wav", "A")), Map.of("Welcome", tts("Hi")),
        List.of(new Ivrs.FastRoute("1", "Sales", "9001")), List.of("a.wav")));

    assertThat(plan.ops()).isEmpty();
    assertThat(plan.status().voiceFiles).containsExactly("a.wav");
    assertThat(plan.status().fastRouter).containsExactly("1 -> queue 9001 (Sales)");
  }

  @Test
  void sectionsLeftOutAreNotTouched() {
    Plan<CcIvrStatus> plan = IvrPlanner.plan(observed(spec(null, null, null), List.of(new Ivrs.VoiceFile("x.wav", "wav", "")),
        Map.of("Welcome", tts("Hi")), List.of(new Ivrs.FastRoute("1", "", "9001")), List.of("x.wav")));

    assertThat(plan.ops()).isEmpty();
  }

  @Test
  void aChangedDescriptionReplacesTheFileAndRemovedFilesGoOnlyIfThisResourceRegisteredThem() {
    CcIvrSpec spec = spec(List.of(file("a.wav", "new")), null, null);
    List<Ivrs.VoiceFile> files = List.of(
        new Ivrs.VoiceFile("a.wav", "wav", "old"), new Ivrs.VoiceFile("mine.wav", "wav", ""), new Ivrs.VoiceFile("by-hand.wav", "wav", ""));

    Plan<CcIvrStatus> plan = IvrPlanner.plan(observed(spec, files, Map.of(), List.of(), List.of("a.wav", "mine.wav", "gone.wav")));

    assertThat(plan.ops()).containsExactly(
        new Op.ReplaceVoiceFile(new Ivrs.VoiceFile("a.wav", "wav", "new"), List.of(new Change("description", "old", "new"))),
        new Op.DeleteVoiceFile("mine.wav"));
  }

  @Test
  void voicesAreComparedPromptByPromptAndAPromptLeftOutIsUnset() {
    CcIvrSpec spec = spec(null, List.of(voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.tts, "Hello")), null);

    Plan<CcIvrStatus> plan = IvrPlanner.plan(observed(spec, List.of(), Map.of("Welcome", tts("Hi"), "Hold", "default"), List.of(), List.of()));

    assertThat(plan.ops()).singleElement().satisfies(op -> assertThat(op.describe())
        .isEqualTo("~ update default voices: Welcome: \"tts:Hi\" -> \"tts:Hello\", Hold: \"default\" -> (none)"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("DTMF collision",
            spec(null, null, List.of(route("1", "sales", "S"), route("1", "support", "T"))),
            "spec.fastRouter[1].dtmf: key 1 is already routed by spec.fastRouter[0]"),
        Arguments.of("DTMF not a digit", spec(null, null, List.of(route("*", "sales", "S"))), "spec.fastRouter[0].dtmf: * is not one digit 0-9"),
        Arguments.of("a prompt twice",
            spec(null, List.of(voice(Ivrs.Prompt.Hold, CcIvrSpec.VoiceType.tts, "a"), voice(Ivrs.Prompt.Hold, CcIvrSpec.VoiceType.platformDefault, null)), null),
            "spec.defaultVoices[1].prompt: Hold appears twice"),
        Arguments.of("unknown prompt", spec(null, List.of(voice(null, CcIvrSpec.VoiceType.tts, "a")), null),
            "spec.defaultVoices[0].prompt: unknown prompt; prompts are [Welcome, ClosingTime"),
        Arguments.of("a wav voice naming no file", spec(null, List.of(voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.wav, "nope.wav")), null),
            "spec.defaultVoices[0].content: no voice file named nope.wav"),
        Arguments.of("tts without text", spec(null, List.of(voice(Ivrs.Prompt.Welcome, CcIvrSpec.VoiceType.tts, " ")), null),
            "spec.defaultVoices[0].content: required for type tts"),
        Arguments.of("a file twice", spec(List.of(file("a.wav", null), file("a.wav", null)), null, null), "spec.voiceFiles[1].name: a.wav appears twice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesNamingTheField(String name, CcIvrSpec spec, String message) {
    Plan<CcIvrStatus> plan = IvrPlanner.plan(observed(spec, List.of(), Map.of(), List.of(), List.of()));

    assertThat(plan.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(plan.message()).contains(message);
    assertThat(plan.ops()).isEmpty();
  }

  static Stream<Arguments> ownership() {
    Records none = Records.none(null);
    Records claimed = new Records(Optional.of(Claim.created(APP_ID, UID)), false, StoredSecret.absent(null));
    return Stream.of(
        Arguments.of("app managed by its CcApp", true, none, Decision.OURS),
        Arguments.of("app observed, claimed earlier", false, claimed, Decision.OURS),
        Arguments.of("app observed, adopt annotation", false, none.withAdoptAllowed(true), Decision.ADOPT),
        Arguments.of("app observed, nothing", false, none, Decision.CONFLICT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownership")
  void theIvrBelongsToWhoeverManagesTheApp(String name, boolean appManaged, Records records, Decision decision) {
    IvrPlanner.Input in = new IvrPlanner.Input(spec(null, null, null), APP_ID, appManaged, records, List.of(), List.of(), Map.of(), List.of(), List.of());

    Plan<CcIvrStatus> plan = IvrPlanner.plan(in);

    if (decision == Decision.CONFLICT) {
      assertThat(plan.reason()).isEqualTo(Reason.AlreadyExists);
      assertThat(plan.message()).contains("managementPolicy Observe", "ccapi.io/adopt=true");
    } else {
      assertThat(plan.ownership()).isEqualTo(decision);
    }
  }

  @Test
  void deletingClearsTheDeclaredSectionsAndTheRegisteredFiles() {
    CcIvrSpec spec = spec(List.of(file("a.wav", null)), List.of(voice(Ivrs.Prompt.Hold, CcIvrSpec.VoiceType.platformDefault, null)), List.of(route("1", "s", "S")));
    List<Ivrs.VoiceFile> files = List.of(new Ivrs.VoiceFile("a.wav", "wav", ""), new Ivrs.VoiceFile("other.wav", "wav", ""));

    Plan<CcIvrStatus> plan = IvrPlanner.planDelete(APP_ID, spec, files, List.of("a.wav", "gone.wav"));

    List<Class<?>> kinds = new ArrayList<>();
    plan.ops().forEach(op -> kinds.add(op.getClass()));
    assertThat(kinds).containsExactly(Op.SetFastRouter.class, Op.SetDefaultVoices.class, Op.DeleteVoiceFile.class);
    assertThat(plan.ops().get(2)).isEqualTo(new Op.DeleteVoiceFile("a.wav"));
    assertThat(((Op.SetFastRouter) plan.ops().get(0)).routes()).isEmpty();
  }
}
