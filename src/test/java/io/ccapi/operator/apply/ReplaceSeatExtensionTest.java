package io.ccapi.operator.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ccapi.operator.ccapi.model.Agents;
import io.ccapi.operator.ccapi.model.Apps;
import io.ccapi.operator.ccapi.model.Extensions;
import io.ccapi.operator.plan.Op;
import io.ccapi.operator.ccapi.CcapiException;
import io.ccapi.operator.ccapi.ErrorClass;
import io.ccapi.operator.simulator.SimulatorTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replacing the extension created with a seat, over HTTP against the simulator. */
class ReplaceSeatExtensionTest extends SimulatorTestBase {
  private static String seatWithItsOwnExtension(String agentId, String extension) {
    String appId = sim.client.createApp(new Apps.CreateRequest("tenant " + agentId, Apps.TYPE_TELEMARKETING, null, false, null)).appId();
    sim.client.createAgents(appId, List.of(new Agents.Agent(agentId, "w" + agentId, null, null, null, "agent", true, true, extension)));
    return appId;
  }

  @Test
  void anExtensionTheViewThoughtUnboundIsUnboundFromItsSeatAndReplaced() {
    String appId = seatWithItsOwnExtension("1001", "8001");
    List<?> before = sim.client.getAgent(appId, "1001").extensions();

    Extensions.Credentials replaced =
        PlatformWrites.replaceSeatExtension(sim.client, appId, new Op.ReplaceSeatExtension("1001", "8001", false, "a-extensions", null));

    assertThat(before).as("the platform binds the extension created with the seat").hasSize(1);
    assertThat(replaced.extension()).isEqualTo("8001");
    assertThat(replaced.password()).isNotBlank();
    assertThat(sim.client.getAgent(appId, "1001").extensions()).as("unbound until the plan's BindAgentExtensions").isNullOrEmpty();
  }

  @Test
  void aResumedReplacementWhoseExtensionIsGoneCreatesIt() {
    String appId = seatWithItsOwnExtension("1002", "8002");
    sim.client.unbindAgentExtensions(appId, "1002", List.of("8002"));
    sim.client.deleteExtension(appId, "8002");

    Extensions.Credentials replaced =
        PlatformWrites.replaceSeatExtension(sim.client, appId, new Op.ReplaceSeatExtension("1002", "8002", false, "a-extensions", null));

    assertThat(replaced.extension()).isEqualTo("8002");
  }

  @Test
  void aNumberAnotherSeatHoldsIsNeverTakenFromIt() {
    String appId = seatWithItsOwnExtension("1003", "8001");
    sim.client.unbindAgentExtensions(appId, "1003", List.of("8001"));
    sim.client.deleteExtension(appId, "8001");
    sim.client.createAgents(appId, List.of(new Agents.Agent("1004", "w1004", null, null, null, "agent", true, true, null)));

    assertThatThrownBy(() -> PlatformWrites.replaceSeatExtension(sim.client, appId, new Op.ReplaceSeatExtension("1003", "8001", false, "a-extensions", null)))
        .isInstanceOf(CcapiException.class)
        .satisfies(e -> assertThat(((CcapiException) e).errorClass()).isEqualTo(ErrorClass.BLOCKED_BY_DEPENDENCY));
    assertThat(sim.client.getAgent(appId, "1004").extensions()).singleElement().satisfies(e -> assertThat(e.extension()).isEqualTo("8001"));
  }

  @Test
  void aNewNumberIsOnlyCreatedAndOneThatExistsIsLeftAlone() {
    String appId = seatWithItsOwnExtension("1007", "8001");
    Extensions.Credentials renumbered =
        PlatformWrites.replaceSeatExtension(sim.client, appId, new Op.ReplaceSeatExtension("1007", "8002", false, "a-extensions", "8001"));
    assertThat(renumbered.extension()).isEqualTo("8002");
    assertThat(sim.client.getAgent(appId, "1007").extensions()).as("the old binding is not touched").singleElement()
        .satisfies(e -> assertThat(e.extension()).isEqualTo("8001"));

    assertThatThrownBy(() -> PlatformWrites.replaceSeatExtension(sim.client, appId, new Op.ReplaceSeatExtension("1007", "8002", false, "a-extensions", "8001")))
        .isInstanceOf(CcapiException.class)
        .satisfies(e -> assertThat(((CcapiException) e).errorClass()).isEqualTo(ErrorClass.CONFLICT));
  }
}
