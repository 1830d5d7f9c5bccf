package dev.mlops.api.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Correction;
import dev.mlops.api.data.ColumnType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The shapes of scores, column lines and reports: what they accept and what they derive. */
class DriftResultsTest {
  private static final DriftScore.SampleSizes SIZES = new DriftScore.SampleSizes(100, 80);
  private static final ColumnDrift.NullFractions NO_NULLS =
      new ColumnDrift.NullFractions(OptionalDouble.of(0), OptionalDouble.of(0));

  private static DriftScore ks(double p) {
    return new DriftScore("KOLMOGOROV_SMIRNOV", Optional.of(DriftMethod.KOLMOGOROV_SMIRNOV), 0.3,
        OptionalDouble.of(p), 0.05, SIZES);
  }

  private static ColumnDrift tested(String name, DriftScore score, double adjusted, double effect) {
    return new ColumnDrift(name, ColumnType.NUMERIC, ColumnRole.FEATURE, NO_NULLS,
        new ColumnDrift.Tested(score, score.pValue().isPresent() ? OptionalDouble.of(adjusted) : OptionalDouble.empty(),
            effect, ""));
  }

  @Test
  void aScoreNamesItsMethodAndDerivesItsVerdict() {
    DriftScore custom = new DriftScore("MEDIAN_SHIFT", Optional.empty(), 3, OptionalDouble.empty(), 2, SIZES);

    assertThat(custom.drifted()).isTrue();
    assertThat(ks(0.01).drifted()).isTrue();
    assertThat(ks(0.2).drifted()).isFalse();
    assertThatThrownBy(() -> new DriftScore("PSI", Optional.empty(), 3, OptionalDouble.empty(), 2, SIZES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'PSI' is the name of a built-in DriftMethod; a user's test needs a name of its own");
    assertThatThrownBy(() -> new DriftScore("KS", Optional.of(DriftMethod.KOLMOGOROV_SMIRNOV), 3,
        OptionalDouble.of(0.1), 2, SIZES))
        .hasMessage("method name 'KS' does not match the built-in method KOLMOGOROV_SMIRNOV");
    assertThatThrownBy(() -> new DriftScore("PSI", Optional.of(DriftMethod.PSI), 3, OptionalDouble.of(0.1), 2, SIZES))
        .hasMessage("PSI: a distance has no p-value, was 0.1");
    assertThatThrownBy(() -> new DriftScore.SampleSizes(0, 3)).hasMessage("sizes must be >= 1, were 0 and 3");
    assertThatThrownBy(() -> DriftStatistic.withPValue(1, 1.5)).hasMessage("p-value must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> DriftStatistic.distance(Double.NaN)).hasMessage("statistic must not be NaN");
  }

  @Test
  void aColumnLineIsTestedOrSaysWhyNot() {
    ColumnDrift id = new ColumnDrift("id", ColumnType.INTEGRAL, ColumnRole.IDENTIFIER,
        new ColumnDrift.NullFractions(OptionalDouble.of(0), OptionalDouble.empty()), new ColumnDrift.NotTested("identifier"));
    ColumnDrift income = tested("income", ks(0.01), 0.08, 0.2);

    assertThat(id.tested()).isFalse();
    assertThat(id.drifted()).isFalse();
    assertThat(id.findScore()).isEmpty();
    assertThat(id.effect()).isEmpty();
    assertThat(id.adjustedPValue()).isEmpty();
    assertThatThrownBy(id::score).isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'id' was not tested: identifier");
    assertThat(income.drifted()).as("the adjusted p-value decides").isFalse();
    assertThat(income.score().drifted()).isTrue();
    assertThat(income.effect()).hasValue(0.2);
    assertThatThrownBy(() -> new ColumnDrift("id", ColumnType.INTEGRAL, ColumnRole.IGNORED, NO_NULLS,
        income.outcome())).hasMessage("column 'id' has role IGNORED and cannot be tested");
    assertThatThrownBy(() -> new ColumnDrift.Tested(ks(0.01), OptionalDouble.empty(), 0.2, ""))
        .hasMessage("an adjusted p-value goes with a p-value: the score has one but the adjusted p-value is empty");
    assertThatThrownBy(() -> new ColumnDrift.NotTested(" ")).hasMessage("reason must not be blank");
    assertThatThrownBy(() -> new ColumnDrift.NullFractions(OptionalDouble.of(2), OptionalDouble.empty()))
        .hasMessage("reference null fraction must be in [0, 1], was 2.0");
  }

  @Test
  void aReportDerivesItsShareFromTheTestedColumnsOnly() {
    ColumnDrift id = new ColumnDrift("id", ColumnType.INTEGRAL, ColumnRole.IDENTIFIER, NO_NULLS,
        new ColumnDrift.NotTested("identifier"));
    ColumnDrift moved = tested("income", ks(0.001), 0.002, 0.4);
    ColumnDrift calm = tested("age", ks(0.5), 0.5, 0.01);

    DriftReport report = new DriftReport(List.of(calm, id, moved), Correction.BENJAMINI_HOCHBERG, 0.5, List.of());

    assertThat(report.columns()).extracting(ColumnDrift::column).containsExactly("income", "age", "id");
    assertThat(report.driftShare()).isEqualTo(0.5);
    assertThat(report.datasetDrift()).isTrue();
    assertThat(new DriftReport(List.of(id), Correction.NONE, 0.5, List.of()).datasetDrift()).isFalse();
    assertThat(DriftReport.line(id)).isEqualTo("-        id: not tested: identifier");
  }
}
