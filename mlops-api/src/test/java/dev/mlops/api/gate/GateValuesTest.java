package dev.mlops.api.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.common.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateValuesTest {
  private static final List<String> CLASSES = List.of("bad", "good");

  @Test
  void measurement_holdsOnlyThePartsACriterionComputed() {
    Measurement value = Measurement.of(0.81);
    Measurement full = value.withBaseline(0.79).withInterval(-0.004, 0.043).withPValue(0.2);

    assertThat(value.baseline()).isEmpty();
    assertThat(value.interval()).isEmpty();
    assertThat(value.pValue()).isEmpty();
    assertThat(full.baseline()).hasValue(0.79);
    assertThat(full.interval()).contains(new Measurement.Interval(-0.004, 0.043));
    assertThat(full.pValue()).hasValue(0.2);
    assertThat(Measurement.of(Double.NaN).withBaseline(Double.NaN).value()).as("undefined metrics stay NaN").isNaN();
  }

  @Test
  void measurement_rejectsAnInvertedIntervalAndAPValueOutsideTheUnitInterval() {
    assertThatThrownBy(() -> Measurement.of(1).withInterval(0.2, 0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an interval needs lower <= upper, was [0.2, 0.1]");
    assertThatThrownBy(() -> Measurement.of(1).withInterval(Double.NaN, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Measurement.of(1).withPValue(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pValue must be in [0, 1], was 1.5");
  }

  @Test
  void criterionResult_printsOnlyTheNumbersItHas() {
    CriterionResult plain = new CriterionResult("floor", Metric.ACCURACY, Severity.ERROR, Verdict.FAIL,
        Measurement.of(0.75), "not ACCURACY >= 0.900000");
    CriterionResult full = new CriterionResult("auc", Metric.ROC_AUC, Severity.WARNING, Verdict.WARN,
        Measurement.of(0.8).withBaseline(0.82).withInterval(-0.05, 0.01).withPValue(0.3), "straddles");

    assertThat(plain).hasToString("FAIL         floor [ERROR] ACCURACY=0.750000: not ACCURACY >= 0.900000");
    assertThat(full).hasToString("WARN         auc [WARNING] ROC_AUC=0.800000 (baseline 0.820000)"
        + " change CI [-0.0500000, 0.0100000] p=0.300000: straddles");
    assertThatThrownBy(() -> new CriterionResult("c", Metric.ACCURACY, Severity.ERROR, Verdict.PASS, null, "r"))
        .isInstanceOf(NullPointerException.class).hasMessage("measurement");
  }

  @Test
  void predictions_ofBothKindsAreMadeByOf() {
    ClassificationPredictions labels = ClassificationPredictions.of(CLASSES, new String[] {"good", "bad"},
        new String[] {"good", "good"});
    ClassificationPredictions scored = ClassificationPredictions.of(CLASSES, new String[] {"good", "bad"},
        new String[] {"good", "good"}, new double[][] {{0.1, 0.9}, {0.4, 0.6}});
    RegressionPredictions regression = RegressionPredictions.of(new double[] {1, 2}, new double[] {1.5, 2});

    assertThat(labels.hasProbabilities()).isFalse();
    assertThat(scored.hasProbabilities()).isTrue();
    assertThat(scored.probability(1, 1)).isEqualTo(0.6);
    assertThat(regression.size()).isEqualTo(2);
    assertThat(regression.withSource("model v2")).hasToString("RegressionPredictions[2 rows, from model v2]");
  }

  @Test
  void predictions_rejectNullArgumentsByName() {
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, new String[] {"good"}, new String[] {"good"}, null))
        .isInstanceOf(NullPointerException.class).hasMessage("probabilities");
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, null, new String[] {"good"}))
        .isInstanceOf(NullPointerException.class).hasMessage("truth");
    assertThatThrownBy(() -> RegressionPredictions.of(new double[] {1}, null))
        .isInstanceOf(NullPointerException.class).hasMessage("predicted");
    assertThatThrownBy(() -> RegressionPredictions.of(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("truth has 1 rows but predicted has 2");
  }
}
