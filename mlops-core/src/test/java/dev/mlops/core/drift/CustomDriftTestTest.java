package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.common.Correction;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.api.drift.DriftStatistic;
import dev.mlops.api.drift.DriftTest;
import dev.mlops.core.data.Tables;
import dev.mlops.core.json.MlopsJson;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A user's {@link DriftTest} registered in the options is used by reports and shown by its name. */
class CustomDriftTestTest {

  /** The difference of medians, in the data's units. */
  static class MedianShift implements DriftTest {
    private final double threshold;

    MedianShift(double threshold) {
      this.threshold = threshold;
    }

    @Override
    public String name() {
      return "MEDIAN_SHIFT";
    }

    @Override
    public double threshold() {
      return threshold;
    }

    @Override
    public boolean appliesTo(ColumnType type) {
      return type.isNumeric();
    }

    @Override
    public DriftStatistic measure(Column reference, Column current) {
      return DriftStatistic.distance(Math.abs(median((NumericColumn) current) - median((NumericColumn) reference)));
    }

    static double median(NumericColumn c) {
      double[] v = Arrays.stream(c.toDoubleArray()).filter(Double::isFinite).sorted().toArray();
      return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
  }

  /** Mann-Whitney under a name of its own: a user's test with a p-value. */
  static final DriftTest RANKS = new DriftTest() {
    @Override
    public String name() {
      return "MY_RANK_TEST";
    }

    @Override
    public double threshold() {
      return 0.05;
    }

    @Override
    public boolean appliesTo(ColumnType type) {
      return type.isNumeric();
    }

    @Override
    public DriftStatistic measure(Column reference, Column current) {
      TestResult r = TwoSample.mannWhitney(((NumericColumn) reference).toDoubleArray(),
          ((NumericColumn) current).toDoubleArray());
      return DriftStatistic.withPValue(r.statistic(), r.pValue());
    }
  };

  private static Table table(int n, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] income = new double[n];
    double[] stable = new double[n];
    String[] city = new String[n];
    for (int i = 0; i < n; i++) {
      income[i] = r.nextGaussian() * 10 + 50 + shift;
      stable[i] = r.nextGaussian();
      city[i] = r.nextBoolean() ? "Lyon" : "Oslo";
    }
    return Tables.builder().numeric("income", income).numeric("stable", stable).categorical("city", city).build();
  }

  @Test
  void aUserTestIsUsedByTheReportAndShownByItsName() throws Exception {
    Table reference = table(3_000, 0, 1);
    Table current = table(2_000, 8, 2);
    DriftOptions options = DriftOptions.builder().test("income", new MedianShift(5)).test("stable", new MedianShift(5))
        .build();

    DriftReport report = Drift.compare(reference, current, options);

    DriftScore income = report.column("income").score();
    assertThat(income.method()).isEqualTo("MEDIAN_SHIFT");
    assertThat(income.builtInMethod()).isEmpty();
    assertThat(income.pValue()).isEmpty();
    assertThat(income.threshold()).isEqualTo(5);
    assertThat(income.statistic()).isCloseTo(MedianShift.median(current.numeric("income"))
        - MedianShift.median(reference.numeric("income")), within(1e-12));
    assertThat(income.sizes()).isEqualTo(new DriftScore.SampleSizes(3_000, 2_000));
    assertThat(report.driftedColumns()).containsExactly("income");
    assertThat(report.column("stable").score().method()).isEqualTo("MEDIAN_SHIFT");
    assertThat(report.column("city").score().builtInMethod()).as("other columns keep the automatic choice")
        .contains(DriftMethod.JENSEN_SHANNON);
    assertThat(report.column("income").effect()).as("the report adds the effect size").isPresent();
    assertThat(report.toText()).contains("DRIFTED  income: MEDIAN_SHIFT=");
    JsonNode json = new ObjectMapper().readTree(MlopsJson.toJson(report)).get("columns").get(0);
    assertThat(json.get("method").asText()).isEqualTo("MEDIAN_SHIFT");
    assertThat(json.get("builtInMethod").asBoolean()).isFalse();
    assertThat(PreparedReference.of(reference, options).compare(current)).isEqualTo(report);
  }

  @Test
  void aUserTestWithAPValueTakesPartInTheCorrection() {
    Table reference = table(300, 0, 3);
    Table current = table(300, 1.5, 4);
    double raw = TwoSample.mannWhitney(reference.numeric("income").toDoubleArray(),
        current.numeric("income").toDoubleArray()).pValue();

    DriftReport report = Drift.compare(reference, current, DriftOptions.builder().test("income", RANKS)
        .correction(Correction.BONFERRONI).build());

    assertThat(report.column("income").score().pValue()).hasValue(raw);
    assertThat(report.column("income").adjustedPValue().getAsDouble()).isCloseTo(Math.min(1, raw * 3), within(1e-12));
    assertThat(report.column("income").drifted()).isEqualTo(Math.min(1, raw * 3) < 0.05);
  }

  @Test
  void aUserTestIsNotRunWhereItDoesNotApplyOrCannotCompare() {
    DriftTest failing = new MedianShift(1) {
      @Override
      public DriftStatistic measure(Column reference, Column current) {
        throw new IllegalArgumentException("column '" + reference.name() + "' needs 10,000 values");
      }
    };
    Table reference = table(200, 0, 5);

    DriftReport report = Drift.compare(reference, table(200, 0, 6), DriftOptions.builder()
        .test("city", new MedianShift(1)).test("income", failing).build());

    assertThat(report.column("city").tested()).isFalse();
    assertThat(report.column("city").note()).isEqualTo("MEDIAN_SHIFT does not apply to CATEGORICAL columns");
    assertThat(report.column("income").note()).isEqualTo("column 'income' needs 10,000 values");
  }

  @Test
  void oneColumnComparesWithAUserTestToo() {
    Table reference = table(500, 0, 7);
    Table current = table(500, 20, 8);

    ColumnDrift income = Drift.compare(reference.column("income"), current.column("income"), new MedianShift(5));

    assertThat(income.drifted()).isTrue();
    assertThat(income.score().method()).isEqualTo("MEDIAN_SHIFT");
  }

  @Test
  void aUserTestMayNotTakeABuiltInName() {
    DriftTest impostor = new MedianShift(0.2) {
      @Override
      public String name() {
        return "PSI";
      }
    };

    assertThatThrownBy(() -> DriftOptions.builder().test("income", impostor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'PSI' is a built-in method: use method(\"income\", PSI) and threshold(\"income\", 0.2)");
    assertThatThrownBy(() -> Drift.compare(table(10, 0, 1).column("income"), table(10, 0, 2).column("income"), impostor))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
