package dev.mlops.api.gate;

import java.util.Objects;

/**
 * True and predicted values of n rows of a regression.
 *
 * @param truth the true values (finite)
 * @param predicted the predicted values (finite)
 */
public record RegressionPredictions(double[] truth, double[] predicted) {
  /**
   * Validates and copies the components.
   *
   * @param truth the true values
   * @param predicted the predicted values
   * @throws IllegalArgumentException if lengths differ, there are no rows, or a value is not finite
   */
  public RegressionPredictions {
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(predicted, "predicted");
    if (truth.length == 0) {
      throw new IllegalArgumentException("no predictions: truth is empty");
    }
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("truth has " + truth.length + " rows but predicted has " + predicted.length);
    }
    for (int i = 0; i < truth.length; i++) {
      if (!Double.isFinite(truth[i]) || !Double.isFinite(predicted[i])) {
        throw new IllegalArgumentException("row " + i + " is not finite: truth " + truth[i] + ", predicted "
            + predicted[i]);
      }
    }
    truth = truth.clone();
    predicted = predicted.clone();
  }

  @Override
  public double[] truth() {
    return truth.clone();
  }

  @Override
  public double[] predicted() {
    return predicted.clone();
  }

  /** @return the number of rows */
  public int size() {
    return truth.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegressionPredictions r && java.util.Arrays.equals(r.truth, truth)
        && java.util.Arrays.equals(r.predicted, predicted);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(truth) + java.util.Arrays.hashCode(predicted);
  }

  @Override
  public String toString() {
    return "RegressionPredictions[" + truth.length + " rows]";
  }
}
