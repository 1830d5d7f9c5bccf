package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.Table;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableSummaryTest {

  @Test
  void summarisesEachColumnTypeIgnoringNullsAndNonFiniteValuesInMoments() {
    Table t = Tables.builder()
        .add(Columns.numericBuilder("x").add(1).add(2).add(4).addNull().add(Double.NaN)
            .add(Double.POSITIVE_INFINITY).build())
        .categorical("k", "a", "b", "a", null, "a", "c")
        .add(Columns.booleanBuilder("b").add(true).add(true).add(false).addNull().add(true).add(false).build())
        .timestamp("t", Instant.parse("2024-01-02T00:00:00Z"), null, null, null, null,
            Instant.parse("2023-01-01T00:00:00Z"))
        .build();

    TableSummary s = TableSummary.of(t);

    TableSummary.ColumnSummary x = s.columns().get(0);
    assertThat(x.count()).isEqualTo(5);
    assertThat(x.nullCount()).isEqualTo(1);
    assertThat(x.nanCount()).isEqualTo(1);
    assertThat(x.infiniteCount()).isEqualTo(1);
    assertThat(x.mean()).isCloseTo(7.0 / 3, within(1e-15));
    // numpy.std([1, 2, 4], ddof=1) = 1.5275252316519468
    assertThat(x.stddev()).isCloseTo(1.5275252316519468, within(1e-15));
    assertThat(x.min()).isEqualTo(1);
    assertThat(x.max()).isEqualTo(4);
    TableSummary.ColumnSummary k = s.columns().get(1);
    assertThat(k.distinct()).isEqualTo(3);
    assertThat(k.top()).isEqualTo("a");
    assertThat(k.topCount()).isEqualTo(3);
    TableSummary.ColumnSummary b = s.columns().get(2);
    assertThat(b.mean()).isEqualTo(0.6);
    assertThat(b.top()).isEqualTo("true");
    TableSummary.ColumnSummary ts = s.columns().get(3);
    assertThat(ts.min()).isEqualTo(Instant.parse("2023-01-01T00:00:00Z").getEpochSecond() * 1e6);
    assertThat(s.toString())
        .startsWith("6 rows x 4 columns\ncolumn")
        .contains("2023-01-01T00:00:00Z")
        .contains("a (3)");
  }

  @Test
  void emptyAndAllNullColumnsHaveNoStatistics() {
    Table t = Tables.builder().add(Columns.numericBuilder("x").addNull().build()).build();

    TableSummary.ColumnSummary x = TableSummary.of(t).columns().get(0);

    assertThat(x.count()).isZero();
    assertThat(x.mean()).isNaN();
    assertThat(x.min()).isNaN();
    assertThat(TableSummary.of(Tables.builder().build()).toString()).startsWith("0 rows x 0 columns");
  }
}
