package dev.mlops.testing;

import dev.mlops.api.gate.Metric;
import dev.mlops.core.gate.Metrics;
import dev.mlops.core.tribuo.TribuoPredictions;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.Assertions;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Assertions on a Tribuo model's quality on a dataset.
 *
 * <pre>{@code
 * assertThat(model).on(testSet).metric(Metric.ROC_AUC).isGreaterThanOrEqualTo(0.8);
 * }</pre>
 */
public final class ModelAssert extends AbstractAssert<ModelAssert, Model<?>> {
  private Dataset<?> dataset;

  ModelAssert(Model<?> actual) {
    super(actual, ModelAssert.class);
  }

  /**
   * Chooses the dataset the metrics are computed on.
   *
   * @param dataset a labelled dataset with the model's output type
   * @return this
   */
  public ModelAssert on(Dataset<?> dataset) {
    isNotNull();
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    return this;
  }

  /**
   * Navigates to a metric of the model on the chosen dataset.
   *
   * @param metric a classification metric for a {@code Label} model, a regression metric for a
   *     {@code Regressor} model
   * @return a double assertion on the metric's value
   */
  @SuppressWarnings("unchecked")
  public AbstractDoubleAssert<?> metric(Metric metric) {
    isNotNull();
    Objects.requireNonNull(metric, "metric");
    if (dataset == null) {
      throw new IllegalStateException("choose a dataset first: assertThat(model).on(dataset).metric(...)");
    }
    Object output = dataset.getOutputFactory().getUnknownOutput();
    double value;
    if (output instanceof Label) {
      value = Metrics.compute(metric, TribuoPredictions.classification((Model<Label>) actual, (Dataset<Label>) dataset));
    } else if (output instanceof Regressor) {
      value = Metrics.compute(metric, TribuoPredictions.regression((Model<Regressor>) actual, (Dataset<Regressor>) dataset));
    } else {
      throw new IllegalArgumentException("metrics support Label and Regressor models, not " + output.getClass().getName());
    }
    return Assertions.assertThat(value).as("%s of model %s on %s", metric, actual.getProvenance().getClassName(),
        dataset.getSourceDescription());
  }
}
