package dev.mlops.api.gate;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * True and predicted values of n rows of a regression, with optional row attributes for slicing and
 * a description of where the predictions came from (the model's provenance).
 */
public final class RegressionPredictions {
  private final double[] truth;
  private final double[] predicted;
  private final Map<String, String[]> attributes;
  private final String source;

  /**
   * Creates predictions.
   *
   * <pre>{@code
   * RegressionPredictions p = RegressionPredictions.of(new double[] {1.0, 2.5}, new double[] {1.2, 2.4});
   * }</pre>
   *
   * @param truth the true values (finite)
   * @param predicted the predicted values (finite)
   * @return the predictions
   * @throws IllegalArgumentException if lengths differ, there are no rows, or a value is not finite
   */
  public static RegressionPredictions of(double[] truth, double[] predicted) {
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
    return new RegressionPredictions(truth.clone(), predicted.clone(), Map.of(), "");
  }

  private RegressionPredictions(double[] truth, double[] predicted, Map<String, String[]> attributes, String source) {
    this.truth = truth;
    this.predicted = predicted;
    this.attributes = attributes;
    this.source = source;
  }

  /** @return a copy of the true values */
  public double[] truth() {
    return truth.clone();
  }

  /** @return a copy of the predicted values */
  public double[] predicted() {
    return predicted.clone();
  }

  /** @return the number of rows */
  public int size() {
    return truth.length;
  }

  /** @return where the predictions came from, or an empty string */
  public String source() {
    return source;
  }

  /**
   * Returns a copy that records where the predictions came from.
   *
   * @param source a description, such as the model's provenance
   * @return new predictions
   */
  public RegressionPredictions withSource(String source) {
    return new RegressionPredictions(truth, predicted, attributes, Objects.requireNonNull(source, "source"));
  }

  /**
   * Returns a copy with a row attribute to slice by.
   *
   * @param name the attribute name
   * @param values one value per row; null values form no slice
   * @return new predictions
   * @throws IllegalArgumentException if the length differs from the rows, or the name is taken
   */
  public RegressionPredictions withAttribute(String name, String[] values) {
    return new RegressionPredictions(truth, predicted, Attributes.with(attributes, name, values, truth.length), source);
  }


  /**
   * Returns a row attribute's values.
   *
   * @param name the attribute name
   * @return a copy of the values
   * @throws IllegalArgumentException if there is no such attribute
   */
  public String[] attribute(String name) {
    return Attributes.get(attributes, name);
  }


  /**
   * Returns the rows at {@code rows}, in that order.
   *
   * @param rows row indices, each in range
   * @return the selected predictions
   */
  public RegressionPredictions select(int[] rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows selected");
    }
    double[] t = new double[rows.length];
    double[] f = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      Objects.checkIndex(rows[i], truth.length);
      t[i] = truth[rows[i]];
      f[i] = predicted[rows[i]];
    }
    return new RegressionPredictions(t, f, Attributes.select(attributes, rows), source);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegressionPredictions r && Arrays.equals(r.truth, truth) && Arrays.equals(r.predicted, predicted)
        && r.source.equals(source);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(truth) + Arrays.hashCode(predicted);
  }

  @Override
  public String toString() {
    return "RegressionPredictions[" + truth.length + " rows" + (source.isEmpty() ? "" : ", from " + source) + "]";
  }
}
