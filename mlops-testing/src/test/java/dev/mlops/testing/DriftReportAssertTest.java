package dev.mlops.testing;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.core.data.Tables;
import dev.mlops.core.drift.Drift;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftReportAssertTest {

  private static Table data(double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] a = new double[300];
    double[] b = new double[300];
    String[] k = new String[300];
    for (int i = 0; i < 300; i++) {
      a[i] = r.nextGaussian() + shift;
      b[i] = r.nextGaussian();
      k[i] = r.nextBoolean() ? "x" : "y";
    }
    return Tables.builder().numeric("age", a).numeric("income", b).categorical("k", k).build();
  }

  @Test
  void noDriftPasses() {
    assertThat(data(0, 2)).hasNoDriftFrom(data(0, 1));
    assertThat(Drift.compare(data(0, 1), data(0, 2))).hasNoDrift().hasNoDatasetDrift().driftedColumns().isEmpty();
  }

  @Test
  void driftFailsShowingTheMostMovedColumnsWithStatistics() {
    assertThatThrownBy(() -> assertThat(data(1.0, 3)).hasNoDriftFrom(data(0, 1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected no drift from the reference but [age] drifted:")
        .hasMessageContaining("DRIFTED  age: KOLMOGOROV_SMIRNOV=")
        .hasMessageContaining("adjusted p=");
    DriftReport report = Drift.compare(data(0, 1), data(1.0, 3));
    assertThatThrownBy(() -> assertThat(report).hasNoDrift()).hasMessageStartingWith("Expected no drift but 1 column(s) drifted [age]");
    assertThat(report).driftedColumns().containsExactly("age");
    assertThatThrownBy(() -> assertThat(report).hasDatasetDrift()).hasMessageStartingWith("Expected dataset drift but only 0.333");
  }

  /** {@code n} rows from row {@code from} of a log: a unique id, a timestamp a second apart, stable features. */
  private static Table log(int from, int n) {
    SplittableRandom r = new SplittableRandom(from);
    Table features = data(0, from);
    return Tables.builder()
        .integral("id", IntStream.range(from, from + n).asLongStream().toArray())
        .timestamp("at", IntStream.range(from, from + n).mapToObj(i -> Instant.ofEpochSecond(1_700_000_000L + i))
            .toArray(Instant[]::new))
        .numeric("latency", IntStream.range(0, n).mapToDouble(i -> 20 + r.nextGaussian()).toArray())
        .add(Tables.select(features, IntStream.range(0, n).map(i -> i % features.rowCount()).toArray()).column("k"))
        .build();
  }

  @Test
  void anIdAndATimestampDoNotMakeTwoSamplesOfTheSameDataDrift() {
    assertThat(log(10_000, 5_000)).hasNoDriftFrom(log(0, 5_000));
    assertThatThrownBy(() -> assertThat(log(10_000, 5_000)).hasNoDriftFrom(log(0, 5_000),
        DriftOptions.builder().role("id", ColumnRole.FEATURE).build()))
        .hasMessageContaining("[id] drifted");
  }

  @Test
  void hasNoDriftFromTakesRolesInTheOptions() {
    assertThat(data(1.0, 3)).hasNoDriftFrom(data(0, 1), DriftOptions.builder().ignore("age").build());
    assertThat(Drift.compare(data(0, 1), data(1.0, 3), DriftOptions.builder().ignore("age").build()))
        .hasNoDrift().hasNoDatasetDrift();
  }
}
