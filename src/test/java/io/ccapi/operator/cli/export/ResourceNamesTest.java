package io.ccapi.operator.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceNamesTest {
  private static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Alice|alice",
      "  Sales EU (2nd line)! |sales-eu-2nd-line",
      "José Núñez|jose-nunez",
      "张三|''",
      "A_B.C--D|a-b-c-d",
      "---|''"})
  void slugKeepsLowerCaseLettersAndDigits(String text, String slug) {
    assertThat(ResourceNames.slug(text)).isEqualTo(slug);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "agent|Alice|1001|alice-1001",
      "agent|张三|1002|agent-1002",
      "agent|坐席11|1011|agent-1011",
      "agent|Agent 1|1013|agent-1-1013",
      "agent||1003|agent-1003",
      "queue|Sales|9001|sales-9001",
      "ext||8101|ext-8101"})
  void withIdPutsTheIdLast(String kind, String name, String id, String expected) {
    assertThat(ResourceNames.withId(kind, name, id)).isEqualTo(expected);
  }

  @Test
  void longNamesAreCutButNeverTheirId() {
    String id = "12345678901234567890123456789012";
    String name = ResourceNames.withId("agent", "x".repeat(40) + " " + "y".repeat(40), id);
    assertThat(name).hasSizeLessThanOrEqualTo(ResourceNames.MAX).endsWith("-" + id).matches(DNS_LABEL);
    // a cut that would end in '-' drops it
    assertThat(ResourceNames.withId("agent", "a".repeat(ResourceNames.MAX - 6) + " b", "1234")).matches(DNS_LABEL).endsWith("a-1234");
  }

  @Test
  void collisionsGetNumberedInTheOrderAsked() {
    ResourceNames names = new ResourceNames();
    assertThat(List.of(names.take("Call events", "sub"), names.take("call-events", "sub"), names.take("CALL EVENTS", "sub"), names.take("", "sub"), names.take("!!", "sub")))
        .containsExactly("call-events", "call-events-2", "call-events-3", "sub", "sub-2");
  }

  @Test
  void numberedCollisionsOfLongNamesStayValid() {
    ResourceNames names = new ResourceNames();
    String wanted = "n".repeat(100);
    List<String> taken = IntStream.range(0, 12).mapToObj(i -> names.take(wanted, "x")).toList();
    assertThat(taken).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).matches(DNS_LABEL));
    assertThat(taken.get(11)).endsWith("-12");
  }

  @Test
  void theSameInputGivesTheSameNames() {
    ResourceNames first = new ResourceNames();
    ResourceNames second = new ResourceNames();
    for (String n : List.of("Sales", "Sales", "Support")) {
      assertThat(first.take(n, "q")).isEqualTo(second.take(n, "q"));
    }
  }
}
