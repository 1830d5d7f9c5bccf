package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.ColumnType;
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
    TableSummary.NumericStats xs = (TableSummary.NumericStats) x.stats();
    assertThat(xs.nanCount()).isEqualTo(1);
    assertThat(xs.infiniteCount()).isEqualTo(1);
    assertThat(xs.mean().getAsDouble()).isCloseTo(7.0 / 3, within(1e-15));
    // numpy.std([1, 2, 4], ddof=1) = 1.5275252316519468
    assertThat(xs.stddev().getAsDouble()).isCloseTo(1.5275252316519468, within(1e-15));
    assertThat(xs.min()).hasValue(1);
    assertThat(xs.max()).hasValue(4);
    TableSummary.CategoricalStats k = (TableSummary.CategoricalStats) s.column("k").stats();
    assertThat(k.distinct()).isEqualTo(3);
    assertThat(k.top()).contains(new TableSummary.Top("a", 3));
    TableSummary.BooleanStats b = (TableSummary.BooleanStats) s.columns().get(2).stats();
    assertThat(b.trueShare()).hasValue(0.6);
    assertThat(b.top()).map(TableSummary.Top::value).contains("true");
    TableSummary.TimestampStats ts = (TableSummary.TimestampStats) s.columns().get(3).stats();
    assertThat(ts.min()).contains(Instant.parse("2023-01-01T00:00:00Z"));
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
    TableSummary.NumericStats xs = (TableSummary.NumericStats) x.stats();
    assertThat(xs.mean()).isEmpty();
    assertThat(xs.min()).isEmpty();
    assertThat(TableSummary.of(Tables.builder().build()).toString()).startsWith("0 rows x 0 columns");
  }

  @Test
  void columnLookupFindsByNameAndListsTheColumnsWhenMissing() {
    TableSummary s = TableSummary.of(Tables.builder().numeric("x", 1).categorical("k", "a").build());

    assertThat(s.findColumn("k")).map(TableSummary.ColumnSummary::type).contains(ColumnType.CATEGORICAL);
    assertThat(s.findColumn("nope")).isEmpty();
    assertThatThrownBy(() -> s.column("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("[x, k]");
  }

  @Test
  void aColumnSummaryRejectsStatisticsOfAnotherKind() {
    assertThatThrownBy(() -> new TableSummary.ColumnSummary("k", ColumnType.CATEGORICAL, 1, 0,
        new TableSummary.BooleanStats(1, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CATEGORICAL")
        .hasMessageContaining("BooleanStats");
  }

  @Test
  void booleanStatisticsBreakATieTowardsTrueAndHaveNoneWithoutValues() {
    assertThat(new TableSummary.BooleanStats(2, 2).top()).contains(new TableSummary.Top("true", 2));
    assertThat(new TableSummary.BooleanStats(1, 3).top()).contains(new TableSummary.Top("false", 3));
    assertThat(new TableSummary.BooleanStats(0, 0).top()).isEmpty();
    assertThat(new TableSummary.BooleanStats(0, 0).trueShare()).isEmpty();
    assertThat(new TableSummary.BooleanStats(0, 3).distinct()).isEqualTo(1);
  }
}
