package dev.mlops.api.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The true and predicted classes of n rows, and optionally each row's probability for every class.
 * Classes are indices into {@link #classes()}.
 *
 * <pre>{@code
 * ClassificationPredictions p = ClassificationPredictions.of(
 *     List.of("bad", "good"),
 *     new String[] {"good", "bad", "good"},          // truth
 *     new String[] {"good", "good", "good"},         // predicted
 *     new double[][] {{0.2, 0.8}, {0.4, 0.6}, {0.1, 0.9}});
 * ClassificationPredictions labelsOnly = ClassificationPredictions.of(List.of("bad", "good"), truth, predicted);
 * }</pre>
 *
 * <p>Both kinds of predictions are made the same way: {@code ClassificationPredictions.of(...)},
 * {@code RegressionPredictions.of(truth, predicted)}, then {@code withSource} and
 * {@code withAttribute} for provenance and slices.
 *
 * <p>Probabilities must lie in [0, 1] and sum to 1 per row within {@value #SUM_TOLERANCE}.
 */
public final class ClassificationPredictions {
  /** How far a row's probabilities may sum from 1. */
  public static final double SUM_TOLERANCE = 1e-6;

  private final List<String> classes;
  private final int[] truth;
  private final int[] predicted;
  private final double[][] probabilities;
  private final Map<String, String[]> attributes;
  private final String source;

  private ClassificationPredictions(List<String> classes, int[] truth, int[] predicted, double[][] probabilities) {
    this(classes, truth, predicted, probabilities, Map.of(), "");
  }

  private ClassificationPredictions(List<String> classes, int[] truth, int[] predicted, double[][] probabilities,
      Map<String, String[]> attributes, String source) {
    this.classes = classes;
    this.truth = truth;
    this.predicted = predicted;
    this.probabilities = probabilities;
    this.attributes = attributes;
    this.source = source;
  }

  /** @return where the predictions came from (such as the model's provenance), or an empty string */
  public String source() {
    return source;
  }

  /**
   * Returns a copy that records where the predictions came from.
   *
   * @param source a description, such as the model's provenance
   * @return new predictions
   */
  public ClassificationPredictions withSource(String source) {
    return new ClassificationPredictions(classes, truth, predicted, probabilities, attributes,
        Objects.requireNonNull(source, "source"));
  }

  /**
   * Returns a copy with a row attribute to slice by (a segment, a region, a device...).
   *
   * @param name the attribute name
   * @param values one value per row; null values form no slice
   * @return new predictions with the attribute
   * @throws IllegalArgumentException if the length differs from the rows, or the name is taken
   */
  public ClassificationPredictions withAttribute(String name, String[] values) {
    return new ClassificationPredictions(classes, truth, predicted, probabilities,
        Attributes.with(attributes, name, values, truth.length), source);
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
   * Creates predictions from labels alone (metrics that need scores are then undefined).
   *
   * @param classes the class names, distinct, at least 2
   * @param truth the true class of each row
   * @param predicted the predicted class of each row
   * @return the predictions
   * @throws IllegalArgumentException if lengths differ, a label is not in {@code classes}, or there
   *     are no rows (the message names the row)
   */
  public static ClassificationPredictions of(List<String> classes, String[] truth, String[] predicted) {
    return create(classes, truth, predicted, Optional.empty());
  }

  /**
   * Creates predictions from labels and each row's probability per class.
   *
   * @param classes the class names, distinct, at least 2; score columns follow this order
   * @param truth the true class of each row
   * @param predicted the predicted class of each row
   * @param probabilities each row's probability per class ({@code n x classes.size()})
   * @return the predictions
   * @throws IllegalArgumentException if lengths differ, a label is not in {@code classes}, there are
   *     no rows, or probabilities are out of [0, 1] or do not sum to 1 (the message names the row)
   */
  public static ClassificationPredictions of(List<String> classes, String[] truth, String[] predicted,
      double[][] probabilities) {
    return create(classes, truth, predicted, Optional.of(Objects.requireNonNull(probabilities, "probabilities")));
  }

  private static ClassificationPredictions create(List<String> classes, String[] truth, String[] predicted,
      Optional<double[][]> probabilities) {
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(predicted, "predicted");
    List<String> names = List.copyOf(classes);
    if (names.size() < 2) {
      throw new IllegalArgumentException("classification needs at least 2 classes, got " + names);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (index.put(names.get(i), i) != null) {
        throw new IllegalArgumentException("class '" + names.get(i) + "' is listed twice in " + names);
      }
    }
    int n = truth.length;
    if (n == 0) {
      throw new IllegalArgumentException("no predictions: truth is empty");
    }
    if (predicted.length != n) {
      throw new IllegalArgumentException("truth has " + n + " rows but predicted has " + predicted.length);
    }
    int[] t = new int[n];
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = classIndex(index, truth[i], "truth", i, names);
      p[i] = classIndex(index, predicted[i], "predicted", i, names);
    }
    return new ClassificationPredictions(names, t, p,
        probabilities.map(pr -> checkProbabilities(pr, n, names.size())).orElse(null));
  }

  private static int classIndex(Map<String, Integer> index, String label, String what, int row, List<String> names) {
    Integer k = index.get(label);
    if (k == null) {
      throw new IllegalArgumentException(what + " label '" + label + "' at row " + row
          + " is not one of the classes " + names);
    }
    return k;
  }

  private static double[][] checkProbabilities(double[][] probabilities, int n, int k) {
    if (probabilities.length != n) {
      throw new IllegalArgumentException("truth has " + n + " rows but probabilities has " + probabilities.length);
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] row = probabilities[i];
      if (row == null || row.length != k) {
        throw new IllegalArgumentException("probabilities row " + i + " must have " + k + " values (one per class), had "
            + (row == null ? "null" : String.valueOf(row.length)));
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        if (!(row[c] >= 0 && row[c] <= 1)) {
          throw new IllegalArgumentException("probability of class " + c + " at row " + i + " is " + row[c]
              + "; expected a value in [0, 1]");
        }
        sum += row[c];
      }
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        throw new IllegalArgumentException("probabilities at row " + i + " sum to " + sum + "; expected 1 within "
            + SUM_TOLERANCE + " " + Arrays.toString(row));
      }
      copy[i] = row.clone();
    }
    return copy;
  }

  /** @return the class names */
  public List<String> classes() {
    return classes;
  }

  /** @return the number of rows */
  public int size() {
    return truth.length;
  }

  /**
   * @param row a row index
   * @return the true class index of the row
   */
  public int truth(int row) {
    return truth[row];
  }

  /**
   * @param row a row index
   * @return the predicted class index of the row
   */
  public int predicted(int row) {
    return predicted[row];
  }

  /** @return whether per-class probabilities are present */
  public boolean hasProbabilities() {
    return probabilities != null;
  }

  /**
   * @param row a row index
   * @param k a class index
   * @return the probability of class {@code k} at {@code row}
   * @throws IllegalStateException if there are no probabilities
   */
  public double probability(int row, int k) {
    if (probabilities == null) {
      throw new IllegalStateException("these predictions have no probabilities");
    }
    return probabilities[row][k];
  }

  /**
   * Returns the rows at {@code rows}, in that order (for slices and bootstrap resamples).
   *
   * @param rows row indices, each in range
   * @return the selected predictions
   */
  public ClassificationPredictions select(int[] rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows selected");
    }
    int[] t = new int[rows.length];
    int[] p = new int[rows.length];
    double[][] pr = probabilities == null ? null : new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      Objects.checkIndex(rows[i], truth.length);
      t[i] = truth[rows[i]];
      p[i] = predicted[rows[i]];
      if (pr != null) {
        pr[i] = probabilities[rows[i]];
      }
    }
    return new ClassificationPredictions(classes, t, p, pr, Attributes.select(attributes, rows), source);
  }

  /** @return the distinct class indices present in the truth, ascending */
  public int[] classesInTruth() {
    boolean[] seen = new boolean[classes.size()];
    for (int t : truth) {
      seen[t] = true;
    }
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < seen.length; k++) {
      if (seen[k]) {
        out.add(k);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
