package dev.mlops.core.monitor;

import static dev.mlops.core.monitor.IsotonicCalibratorGoldenTest.doubles;
import static dev.mlops.core.monitor.IsotonicCalibratorGoldenTest.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.api.monitor.PerformanceEstimate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected confusion matrix and metrics against NannyML's CBPE formulas written out with numpy
 * ({@code golden/make_cbpe_golden.py}) to 1e-9 relative (1e-12 absolute near 0); undefined
 * metrics (null in the fixture) must be {@code NaN}. The expected ROC AUC is checked against the
 * exact sum over all pairs i != j weighted p_i (1 - p_j), on raw scores: the histogram value must
 * lie in [exact - rocAucErrorBound, exact] (to 1e-12), and the bound itself must be below 1e-4.
 */
class CbpeGoldenTest {

  static Stream<Arguments> cases() throws Exception {
    return IsotonicCalibratorGoldenTest.golden().get("cbpe").properties().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static void close(String what, double actual, JsonNode expected) {
    if (expected.isNull()) {
      assertThat(actual).as(what + " (undefined)").isNaN();
    } else {
      double e = expected.asDouble();
      assertThat(actual).as(what).isCloseTo(e, within(Math.max(1e-12, Math.abs(e) * 1e-9)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void estimate_matchesNannyMlFormulas(String name, JsonNode g) {
    // given
    double[] scores = doubles(g.get("scores"));
    IsotonicCalibrator calibrator = g.has("reference")
        ? IsotonicCalibrator.fit(doubles(g.get("reference").get("scores")), labels(g.get("reference").get("labels")))
        : IsotonicCalibrator.identity();
    double[] p = doubles(g.get("probabilities"));
    for (int i = 0; i < scores.length; i++) {
      assertThat(calibrator.apply(scores[i])).as("%s calibrated[%d]", name, i).isCloseTo(p[i], within(1e-12));
    }

    // when
    PerformanceEstimate e = Cbpe.of(calibrator, g.get("threshold").asDouble()).estimate(scores);

    // then
    assertThat(e.rows()).isEqualTo(scores.length);
    assertThat(e.threshold()).isEqualTo(g.get("threshold").asDouble());
    close(name + " TP", e.confusion().truePositives(), g.get("TP"));
    close(name + " FP", e.confusion().falsePositives(), g.get("FP"));
    close(name + " FN", e.confusion().falseNegatives(), g.get("FN"));
    close(name + " TN", e.confusion().trueNegatives(), g.get("TN"));
    close(name + " accuracy", e.accuracy(), g.get("accuracy"));
    close(name + " precision", e.precision(), g.get("precision"));
    close(name + " recall", e.recall(), g.get("recall"));
    close(name + " specificity", e.specificity(), g.get("specificity"));
    close(name + " f1", e.f1(), g.get("f1"));
    close(name + " accuracy standard error", e.accuracyStandardError(), g.get("accuracyStandardError"));
    double se = g.get("accuracyStandardError").asDouble();
    double accuracy = g.get("accuracy").asDouble();
    assertThat(e.accuracyLower()).as("lower").isCloseTo(Math.max(0, accuracy - 1.959963984540054 * se), within(1e-12));
    assertThat(e.accuracyUpper()).as("upper").isCloseTo(Math.min(1, accuracy + 1.959963984540054 * se), within(1e-12));

    double exact = g.get("rocAuc").asDouble();
    assertThat(e.rocAucErrorBound()).as(name + " AUC bound").isBetween(0.0, 1e-4);
    assertThat(e.rocAuc()).as(name + " AUC vs exact pairwise " + exact)
        .isBetween(exact - e.rocAucErrorBound() - 1e-12, exact + 1e-12);
  }
}
