package dev.mlops.testing;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.core.gate.Metrics;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a model's quality, from its predictions on a labelled test set (built directly,
 * or from a Tribuo model with {@code TribuoPredictions} in {@code mlops-tribuo}).
 *
 * <pre>{@code
 * assertThat(TribuoPredictions.classification(model, testSet))
 *     .metric(Metric.ROC_AUC).isGreaterThanOrEqualTo(0.8);
 * }</pre>
 */
public final class PredictionsAssert extends AbstractAssert<PredictionsAssert, Object> {

  PredictionsAssert(ClassificationPredictions actual) {
    super(actual, PredictionsAssert.class);
  }

  PredictionsAssert(RegressionPredictions actual) {
    super(actual, PredictionsAssert.class);
  }

  /**
   * Navigates to a metric of the predictions.
   *
   * @param metric a classification metric for classification predictions, a regression metric
   *     for regression predictions
   * @return a double assertion on the metric's value, described by the metric and the source
   * @throws IllegalArgumentException if the metric does not apply to these predictions
   */
  public AbstractDoubleAssert<?> metric(Metric metric) {
    isNotNull();
    Objects.requireNonNull(metric, "metric");
    if (actual instanceof ClassificationPredictions c) {
      return Assertions.assertThat(Metrics.compute(metric, c)).as("%s of %s", metric, c.source());
    }
    RegressionPredictions r = (RegressionPredictions) actual;
    return Assertions.assertThat(Metrics.compute(metric, r)).as("%s of %s", metric, r.source());
  }
}
