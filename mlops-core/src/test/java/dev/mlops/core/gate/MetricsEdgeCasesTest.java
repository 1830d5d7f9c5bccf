package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsEdgeCasesTest {
  private static final List<String> CLASSES = List.of("bad", "good");

  @Test
  void singleClassSliceHasUndefinedRankingMetricsButDefinedCountingOnes() {
    ClassificationPredictions p = ClassificationPredictions.of(CLASSES, new String[] {"good", "good"},
        new String[] {"good", "bad"}, new double[][] {{0.1, 0.9}, {0.6, 0.4}});

    assertThat(Metrics.compute(Metric.ROC_AUC, p)).isNaN();
    assertThat(Metrics.compute(Metric.AVERAGE_PRECISION, p)).isNaN();
    assertThat(Metrics.compute(Metric.ACCURACY, p)).isEqualTo(0.5);
    assertThat(Metrics.compute(Metric.BALANCED_ACCURACY, p)).isEqualTo(0.5);
    assertThat(Metrics.compute(Metric.LOG_LOSS, p)).isPositive();
  }

  @Test
  void everyMetricKnowsItsDirection() {
    assertThat(Metric.ROC_AUC.higherIsBetter()).isTrue();
    assertThat(Metric.LOG_LOSS.higherIsBetter()).isFalse();
    assertThat(Metric.R2.higherIsBetter()).isTrue();
    assertThat(Metric.MAPE.higherIsBetter()).isFalse();
  }

  @Test
  void badInputIsAClearIllegalArgumentException() {
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, new String[] {"good"}, new String[] {"good", "bad"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("truth has 1 rows but predicted has 2");
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, new String[] {"good", "ugly"},
        new String[] {"good", "bad"}))
        .hasMessage("truth label 'ugly' at row 1 is not one of the classes [bad, good]");
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, new String[] {"good"}, new String[] {"good"},
        new double[][] {{0.5, 0.6}}))
        .hasMessageStartingWith("probabilities at row 0 sum to 1.1; expected 1 within 1.0E-6");
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, new String[] {"good"}, new String[] {"good"},
        new double[][] {{-0.5, 1.5}}))
        .hasMessage("probability of class 0 at row 0 is -0.5; expected a value in [0, 1]");
    assertThatThrownBy(() -> ClassificationPredictions.of(CLASSES, new String[0], new String[0]))
        .hasMessage("no predictions: truth is empty");
    assertThatThrownBy(() -> ClassificationPredictions.of(List.of("a", "a"), new String[] {"a"}, new String[] {"a"}))
        .hasMessage("class 'a' is listed twice in [a, a]");
    assertThatThrownBy(() -> RegressionPredictions.of(new double[] {1, Double.NaN}, new double[] {1, 2}))
        .hasMessage("row 1 is not finite: truth NaN, predicted 2.0");
  }

  @Test
  void metricsRefuseTheWrongKindOfPredictions() {
    ClassificationPredictions labelsOnly = ClassificationPredictions.of(CLASSES, new String[] {"good"},
        new String[] {"good"});

    assertThatThrownBy(() -> Metrics.compute(Metric.ROC_AUC, labelsOnly))
        .hasMessage("ROC_AUC needs class probabilities, and these predictions have none");
    assertThatThrownBy(() -> Metrics.compute(Metric.RMSE, labelsOnly)).hasMessage("RMSE is a regression metric");
    assertThatThrownBy(() -> Metrics.compute(Metric.ACCURACY, RegressionPredictions.of(new double[] {1}, new double[] {1})))
        .hasMessage("ACCURACY is a classification metric");
  }

  @Test
  void selectKeepsRowsInOrder() {
    ClassificationPredictions p = ClassificationPredictions.of(CLASSES, new String[] {"bad", "good", "good"},
        new String[] {"bad", "bad", "good"});

    ClassificationPredictions s = p.select(new int[] {2, 2, 0});

    assertThat(s.size()).isEqualTo(3);
    assertThat(Metrics.compute(Metric.ACCURACY, s)).isEqualTo(1.0);
    assertThatThrownBy(() -> p.select(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
