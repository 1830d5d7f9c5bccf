package dev.mlops.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.common.Correction;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.core.data.Columns;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.data.NumericColumnBuilder;
import dev.mlops.core.data.Tables;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftReportTest {

  private static Table table(int n, double shift, double nullShare, long seed, String[] categories) {
    SplittableRandom r = new SplittableRandom(seed);
    NumericColumnBuilder income = Columns.numericBuilder("income", n);
    double[] stable = new double[n];
    String[] cat = new String[n];
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < nullShare) {
        income.addNull();
      } else {
        income.add(r.nextGaussian() * 10 + 50 + shift);
      }
      stable[i] = r.nextGaussian();
      cat[i] = categories[r.nextInt(categories.length)];
    }
    return Tables.builder().add(income.build()).numeric("stable", stable).categorical("city", cat).build();
  }

  private static final String[] CITIES = {"Lyon", "Oslo", "Kyiv"};

  @Test
  void smallSamplesUseTestsAndFindTheShiftedColumn() {
    Table reference = table(500, 0, 0, 1, CITIES);
    Table current = table(400, 8, 0, 2, CITIES);

    DriftReport report = Drift.compare(reference, current);

    assertThat(report.driftedColumns()).containsExactly("income");
    assertThat(report.column("income").score().builtInMethod()).contains(DriftMethod.KOLMOGOROV_SMIRNOV);
    assertThat(report.column("city").score().builtInMethod()).contains(DriftMethod.CHI_SQUARE);
    assertThat(report.column("stable").drifted()).isFalse();
    assertThat(report.columns().get(0).column()).as("ranked first").isEqualTo("income");
    assertThat(report.driftShare()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(report.datasetDrift()).isFalse();
    assertThat(report.toText()).contains("DRIFTED  income: KOLMOGOROV_SMIRNOV=");
  }

  @Test
  void largeSamplesUseDistancesSoTrivialShiftsAreNotDrift() {
    Table reference = table(20_000, 0, 0, 3, CITIES);
    Table trivial = table(20_000, 0.3, 0, 4, CITIES);
    Table real = table(20_000, 5, 0, 5, CITIES);

    DriftReport small = Drift.compare(reference, trivial);
    DriftReport large = Drift.compare(reference, real);

    assertThat(small.column("income").score().builtInMethod()).contains(DriftMethod.WASSERSTEIN_NORMED);
    assertThat(small.column("city").score().builtInMethod()).contains(DriftMethod.JENSEN_SHANNON);
    assertThat(small.driftedColumns()).isEmpty();
    assertThat(large.driftedColumns()).containsExactly("income");
    assertThat(large.column("income").score().statistic()).isCloseTo(0.5, within(0.05));
  }

  @Test
  void newCategoriesMissingValuesAndOneSidedColumnsAreFindingsNotCrashes() {
    Table reference = table(300, 0, 0.0, 6, CITIES);
    Table current = Tables.builder()
        .add(table(300, 0, 0.3, 7, new String[] {"Lyon", "Oslo", "Kyiv", "Mars"}).column("income"))
        .add(table(300, 0, 0, 7, new String[] {"Lyon", "Oslo", "Kyiv", "Mars"}).column("city"))
        .categorical("extra", new String[300])
        .build();

    DriftReport report = Drift.compare(reference, current);

    assertThat(report.column("city").note()).isEqualTo("1 category not in the reference");
    assertThat(report.column("city").drifted()).isTrue();
    assertThat(report.column("stable").tested()).isFalse();
    assertThat(report.column("stable").note()).isEqualTo("missing from the current data");
    assertThat(report.column("extra").note()).isEqualTo("not in the reference data");
    assertThat(report.missingRateChanges()).extracting(ColumnDrift::column).containsExactly("income");
    assertThat(report.toText()).contains("missing values in 'income' changed: 0.0000 -> 0.");
  }

  @Test
  void allNullAndNonFiniteColumnsAreNotTestedOrNoted() {
    Table reference = Tables.builder().numeric("x", 1, 2, 3, Double.NaN).numeric("y", 1, 2, 3, 4).build();
    Table current = Tables.builder().numeric("x", 1, 2, Double.POSITIVE_INFINITY, 3)
        .add(Columns.numericBuilder("y").addNull().addNull().addNull().addNull().build())
        .build();

    DriftReport report = Drift.compare(reference, current);

    assertThat(report.column("x").note()).isEqualTo("left out NaN/infinite values: 1 in reference, 1 in current");
    assertThat(report.column("x").score().sizes().reference()).isEqualTo(3);
    assertThat(report.column("y").tested()).isFalse();
    assertThat(report.column("y").note()).isEqualTo("current has no finite value to compare");
    assertThat(report.column("y").drifted()).isFalse();
  }

  @Test
  void columnsOfDifferentKindsAreNotCompared() {
    Table reference = Tables.builder().timestamp("t", Instant.EPOCH, Instant.EPOCH)
        .categorical("b", "true", "false").integral("n", 1, 2).build();
    Table current = Tables.builder().numeric("t", 1, 2).bool("b", true, false).numeric("n", 1.5, 2.5).build();

    DriftReport report = Drift.compare(reference, current,
        DriftOptions.builder().role("t", ColumnRole.FEATURE).build());

    assertThat(report.column("t").note()).isEqualTo("reference is TIMESTAMP but current is NUMERIC");
    assertThat(report.column("b").note()).isEqualTo("reference is CATEGORICAL but current is BOOLEAN");
    assertThat(report.column("n").tested()).as("integral and numeric compare").isTrue();
  }

  @Test
  void constantColumnsCompare() {
    Table reference = Tables.builder().numeric("c", 5, 5, 5, 5).build();

    DriftReport same = Drift.compare(reference, Tables.builder().numeric("c", 5, 5).build());
    DriftReport moved = Drift.compare(reference, Tables.builder().numeric("c", 6, 6).build(),
        DriftOptions.builder().method("c", DriftMethod.WASSERSTEIN_NORMED).build());

    assertThat(same.driftedColumns()).isEmpty();
    assertThat(moved.column("c").score().statistic()).isInfinite();
    assertThat(moved.driftedColumns()).containsExactly("c");
  }

  @Test
  void correctionsMatchScipyAndTheTextbook() {
    double[] p = {0.01, 0.04, 0.03, 0.2, 0.5, 0.001};

    // scipy.stats.false_discovery_control(p): [0.03, 0.06, 0.06, 0.24, 0.5, 0.006]
    assertThat(Corrections.adjust(p, Correction.BENJAMINI_HOCHBERG))
        .containsExactly(new double[] {0.03, 0.06, 0.06, 0.24, 0.5, 0.006}, within(1e-12));
    assertThat(Corrections.adjust(p, Correction.BONFERRONI))
        .containsExactly(new double[] {0.06, 0.24, 0.18, 1.0, 1.0, 0.006}, within(1e-12));
    // Holm: sorted 0.001*6, 0.01*5, 0.03*4, 0.04*3, 0.2*2, 0.5*1 with running maximum
    assertThat(Corrections.adjust(p, Correction.HOLM))
        .containsExactly(new double[] {0.05, 0.12, 0.12, 0.4, 0.5, 0.006}, within(1e-12));
    assertThat(Corrections.adjust(p, Correction.NONE)).containsExactly(p);
  }

  @Test
  void correctionDecidesBorderlineColumns() {
    Table reference = table(200, 0, 0, 11, CITIES);
    Table current = table(200, 2.2, 0, 12, CITIES);
    double raw = Drift.compare(reference, current, DriftOptions.builder().correction(Correction.NONE).build())
        .column("income").score().pValue().getAsDouble();

    DriftReport bonferroni = Drift.compare(reference, current,
        DriftOptions.builder().correction(Correction.BONFERRONI).build());

    assertThat(bonferroni.column("income").adjustedPValue().getAsDouble()).isCloseTo(Math.min(1, raw * 3), within(1e-12));
    assertThat(bonferroni.correction()).isEqualTo(Correction.BONFERRONI);
  }

  @Test
  void perColumnMethodsAndThresholdsOverrideTheAutomaticChoice() {
    Table reference = table(300, 0, 0, 13, CITIES);
    Table current = table(300, 3, 0, 14, CITIES);

    DriftReport report = Drift.compare(reference, current, DriftOptions.builder()
        .method("income", DriftMethod.PSI).method("city", DriftMethod.TOTAL_VARIATION)
        .method("stable", DriftMethod.WASSERSTEIN).threshold("stable", 0.5).build());

    assertThat(report.column("income").score().builtInMethod()).contains(DriftMethod.PSI);
    assertThat(report.column("city").score().builtInMethod()).contains(DriftMethod.TOTAL_VARIATION);
    assertThat(report.column("stable").score().threshold()).isEqualTo(0.5);
    DriftReport unitless = Drift.compare(reference, current,
        DriftOptions.builder().method("stable", DriftMethod.WASSERSTEIN).build());
    assertThat(unitless.column("stable").note()).contains("has no default threshold");
    assertThat(Drift.compare(reference, current, DriftOptions.builder().method("city", DriftMethod.KOLMOGOROV_SMIRNOV)
        .build()).column("city").note()).isEqualTo("KOLMOGOROV_SMIRNOV does not apply to CATEGORICAL columns");
  }

  @Test
  void everyNumericTestRunsInAReportAndAgreesWithTheDirectCall() {
    Table reference = table(150, 0, 0, 23, CITIES);
    Table current = table(120, 4, 0, 24, CITIES);
    double[] ref = reference.numeric("income").toDoubleArray();
    double[] cur = current.numeric("income").toDoubleArray();

    for (DriftMethod m : new DriftMethod[] {DriftMethod.MANN_WHITNEY, DriftMethod.CRAMER_VON_MISES,
        DriftMethod.ANDERSON_DARLING, DriftMethod.ENERGY_DISTANCE}) {
      DriftOptions.Builder options = DriftOptions.builder().method("income", m).correction(Correction.NONE);
      if (m == DriftMethod.ENERGY_DISTANCE) {
        options.threshold("income", 1.0);
      }
      DriftScore score = Drift.compare(reference, current, options.build()).column("income").score();
      TestResult direct = switch (m) {
        case MANN_WHITNEY -> TwoSample.mannWhitney(ref, cur);
        case CRAMER_VON_MISES -> TwoSample.cramerVonMises(ref, cur);
        case ANDERSON_DARLING -> TwoSample.andersonDarling(ref, cur);
        default -> new TestResult(TwoSample.energyDistance(ref, cur), 1);
      };
      assertThat(score.statistic()).as(m.toString()).isCloseTo(direct.statistic(), within(1e-12));
      if (m.hasPValue()) {
        assertThat(score.pValue()).as(m.toString()).hasValue(direct.pValue());
      }
    }
  }

  @Test
  void preparedReferenceGivesTheSameReportAsAOneOffComparison() {
    Table reference = table(2_000, 0, 0.01, 15, CITIES);
    Table current = table(1_500, 1, 0.01, 16, CITIES);

    PreparedReference prepared = PreparedReference.of(reference, DriftOptions.defaults());

    assertThat(prepared.compare(current)).isEqualTo(Drift.compare(reference, current));
    assertThat(prepared.compare(current)).isEqualTo(prepared.compare(current));
  }

  @Test
  void aBuiltInTestComparesOneColumnAsAReportWould() {
    Table reference = table(100, 0, 0, 17, CITIES);
    Table current = table(100, 20, 0, 18, CITIES);

    ColumnDrift income = Drift.compare(reference.column("income"), current.column("income"),
        Drift.test(DriftMethod.MANN_WHITNEY, 0.01));

    assertThat(income.drifted()).isTrue();
    assertThat(income.score().pValue()).hasValue(TwoSample.mannWhitney(reference.numeric("income").toDoubleArray(),
        current.numeric("income").toDoubleArray()).pValue());
    assertThat(income.adjustedPValue()).isEqualTo(income.score().pValue());
    ColumnDrift wrongKind = Drift.compare(reference.column("income"), current.column("income"),
        Drift.test(DriftMethod.CHI_SQUARE, 0.05));
    assertThat(wrongKind.tested()).isFalse();
    assertThat(wrongKind.note()).isEqualTo("CHI_SQUARE does not apply to NUMERIC columns");
    assertThatThrownBy(() -> Drift.test(DriftMethod.CHI_SQUARE, 0.05).measure(reference.column("income"),
        current.column("income"))).hasMessage("column 'income': CHI_SQUARE does not apply to NUMERIC columns");
  }

  @Test
  void reportRendersAsJson() throws Exception {
    DriftReport report = Drift.compare(table(300, 0, 0, 19, CITIES), table(300, 9, 0, 20, CITIES));

    JsonNode json = new ObjectMapper().readTree(MlopsJson.toJson(report));

    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(json.get("driftedColumns").get(0).asText()).isEqualTo("income");
    assertThat(json.get("columns").get(0).get("method").asText()).isEqualTo("KOLMOGOROV_SMIRNOV");
    assertThat(MlopsJson.toJson(report)).isEqualTo(MlopsJson.toJson(report));
    assertThat(MlopsJson.fromJson(MlopsJson.toJson(report), DriftReport.class)).as("read back").isEqualTo(report);
  }
}
