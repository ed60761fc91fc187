package io.ccapi.operator.ccapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Turns at one endpoint go round the apps: a busy tenant does not starve another. */
class FairTurnsTest {
  @Test
  void anAppWithAFewCallsIsServedAmongTheFirstTurnsBehindAThousand() {
    FairTurns<String> turns = new FairTurns<>();
    for (int i = 0; i < 1000; i++) {
      turns.add("busy", "busy-" + i);
    }
    turns.add("quiet", "quiet-0");
    turns.add("quiet", "quiet-1");
    turns.add("quiet", "quiet-2");

    List<String> order = new ArrayList<>();
    for (String w = turns.poll(); w != null; w = turns.poll()) {
      order.add(w);
    }

    assertThat(order).hasSize(1003);
    assertThat(order.subList(0, 6)).containsExactly("busy-0", "quiet-0", "busy-1", "quiet-1", "busy-2", "quiet-2");
    assertThat(order.subList(6, 1003)).allMatch(w -> w.startsWith("busy-"));
  }

  @Test
  void peekShowsWhoseTurnIsNextAndAGiveUpLeavesTheLine() {
    FairTurns<String> turns = new FairTurns<>();
    turns.add("a", "a1");
    turns.add("b", "b1");
    assertThat(turns.peek()).isEqualTo("a1");
    turns.remove("a", "a1");
    assertThat(turns.peek()).isEqualTo("b1");
    assertThat(turns.poll()).isEqualTo("b1");
    assertThat(turns.peek()).isNull();
  }

  @Test
  void theTenantOfACallIsItsAppElseItsAccount() {
    assertThat(RateLimitInterceptor.tenant(HttpUrl.get("http://h/ccapi/v2/agents?AppId=app-1&Sid=s"))).isEqualTo("app-1");
    assertThat(RateLimitInterceptor.tenant(HttpUrl.get("http://h/ccapi/v2/apps?Sid=s"))).isEqualTo("Sid:s");
  }
}
