package dev.fieldguide.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldguide.lab.TopicIndex.Row;
import dev.fieldguide.orders.support.Api;
import dev.fieldguide.orders.support.IntegrationTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every lab a done row of docs/TOPICS.md names is one the running application lists. */
@IntegrationTest
class TopicLabsIntegrationTests {

  private static final Pattern LAB = Pattern.compile("`\\./lab (\\S+)`");

  @Autowired
  Api api;

  @Test
  void everyDoneRowNamesALabTheApplicationServes() throws IOException {
    Set<String> labs = Set
        .copyOf(api.get("/lab", Map.of("Accept", "text/plain")).body().lines().toList());
    List<Row> done = TopicIndex.rows().stream().filter(Row::done).toList();
    assertThat(done).as("rows marked done").isNotEmpty();

    for (Row row : done) {
      Matcher labName = LAB.matcher(row.cells().get(5));
      if (labName.find()) {
        assertThat(labs).as(row.code() + " lab").contains(labName.group(1));
      }
    }
  }
}
