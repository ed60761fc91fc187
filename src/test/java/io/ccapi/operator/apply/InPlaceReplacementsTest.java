package io.ccapi.operator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccapi.operator.observe.AppConnection;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.plan.OwnershipRule;
import io.ccapi.operator.plan.Plan;
import io.ccapi.operator.plan.Reason;
import io.ccapi.operator.plan.ReconcileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two plans of one process never replace the same extension number in place at once. */
class InPlaceReplacementsTest {
  private static final AppConnection APP = new AppConnection("ns", "t", "app-1", "0571", null);
  private static final AppConnection OTHER_APP = new AppConnection("ns", "u", "app-2", "0572", null);
  private final InPlaceReplacements replacements = new InPlaceReplacements();

  @Test
  void aSecondInPlaceReplacementOfTheNumberWaitsUntilTheFirstPlanIsDone() {
    Runnable first = replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10068", "8012", true, "a68-extensions", null)));

    assertThatThrownBy(() -> replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10026", "8012", false, "a26-extensions", null))))
        .isInstanceOfSatisfying(ReconcileException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.Reconciling);
          assertThat(e.getMessage()).contains("8012");
        });
    first.run();
    replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10026", "8012", false, "a26-extensions", null))).run();
  }

  @Test
  void otherNumbersOtherAppsAndMovesToANewNumberDoNotWait() {
    replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10068", "8012", true, "a68-extensions", null)));

    replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10027", "8013", true, "a27-extensions", null)));
    replacements.hold(OTHER_APP, plan(new Op.ReplaceSeatExtension("10026", "8012", true, "a26-extensions", null)));
    replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10026", "8057", false, "a26-extensions", "8012")));
  }

  @Test
  void aRefusedPlanHoldsNothing() {
    Runnable first = replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10068", "8012", true, "a68-extensions", null)));
    Plan<Object> both = plan(
        new Op.ReplaceSeatExtension("10026", "8020", true, "a26-extensions", null),
        new Op.ReplaceSeatExtension("10026", "8012", true, "a26-extensions", null));
    assertThatThrownBy(() -> replacements.hold(APP, both)).isInstanceOf(ReconcileException.class);
    first.run();

    replacements.hold(APP, plan(new Op.ReplaceSeatExtension("10030", "8020", true, "a30-extensions", null)));
  }

  private static Plan<Object> plan(Op... ops) {
    return Plan.go("agent", true, OwnershipRule.Decision.OURS, null, List.of(ops), new Object(), "ready", List.of());
  }
}
