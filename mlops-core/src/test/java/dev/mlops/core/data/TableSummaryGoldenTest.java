package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.Table;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link TableSummary} against numpy on the same file ({@code golden/make_summary_golden.py}):
 * counts exactly; mean and sample standard deviation (ddof=1) of the finite values to 1e-12
 * relative (numpy sums pairwise, we use Welford's update, so the last bits may differ); min and
 * max exactly.
 */
class TableSummaryGoldenTest {

  @Test
  void matchesNumpyOnHeavyTailedColumnsWithNullsNanAndInfinities() throws Exception {
    Table table;
    try (InputStream in = getClass().getResourceAsStream("/golden/summary-fixture.csv")) {
      table = Tables.readCsv(in, "summary-fixture.csv", CsvOptions.defaults());
    }
    JsonNode golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/summary-golden.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    Map<String, TableSummary.ColumnSummary> byName = TableSummary.of(table).columns().stream()
        .collect(Collectors.toMap(TableSummary.ColumnSummary::name, c -> c));

    assertThat(byName.keySet()).containsExactlyInAnyOrder("normal", "cauchy", "lognormal", "counts", "constant");
    golden.properties().forEach(e -> {
      TableSummary.ColumnSummary s = byName.get(e.getKey());
      JsonNode g = e.getValue();
      assertThat(s.count()).as(e.getKey()).isEqualTo(g.get("count").asInt());
      assertThat(s.nullCount()).as(e.getKey()).isEqualTo(g.get("nulls").asInt());
      TableSummary.NumericStats stats = (TableSummary.NumericStats) s.stats();
      assertThat(stats.nanCount()).as(e.getKey()).isEqualTo(g.get("nan").asInt());
      assertThat(stats.infiniteCount()).as(e.getKey()).isEqualTo(g.get("inf").asInt());
      assertRelative(e.getKey() + " mean", stats.mean().getAsDouble(), g.get("mean").asDouble());
      assertRelative(e.getKey() + " std", stats.stddev().getAsDouble(), g.get("std").asDouble());
      assertThat(stats.min().getAsDouble()).as(e.getKey()).isEqualTo(g.get("min").asDouble());
      assertThat(stats.max().getAsDouble()).as(e.getKey()).isEqualTo(g.get("max").asDouble());
    });
    assertThat(table.numeric("counts").isIntegral()).isTrue();
  }

  private static void assertRelative(String what, double actual, double expected) {
    assertThat(actual).as(what).isCloseTo(expected, within(Math.max(1e-300, Math.abs(expected) * 1e-12)));
  }
}
