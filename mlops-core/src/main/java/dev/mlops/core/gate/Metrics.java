package dev.mlops.core.gate;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.core.internal.DoubleSort;
import java.util.Arrays;

/**
 * Model quality metrics, computed as scikit-learn 1.2 computes them (checked on committed fixtures
 * to 1e-9).
 *
 * <pre>{@code
 * double auc = Metrics.compute(Metric.ROC_AUC, predictions);
 * long[][] confusion = Metrics.confusionMatrix(predictions);
 * }</pre>
 *
 * <h2>Definitions and edge cases</h2>
 * <ul>
 *   <li>Per-class precision, recall and F1 are averaged over the classes that occur in the truth or
 *       the predictions (scikit-learn's default labels); a 0/0 ratio counts as 0 (its
 *       {@code zero_division} default). Micro averages equal accuracy.
 *   <li>Balanced accuracy is the mean recall over the classes present in the truth.
 *   <li>Binary ROC AUC and average precision score the second listed class as positive. Multiclass
 *       ROC AUC is one-vs-rest, averaged over the classes present in the truth (macro) or weighted
 *       by their prevalence. Ties in scores count one half (the trapezoidal ROC).
 *   <li>ROC AUC and average precision are undefined, and returned as {@code NaN}, when the truth has
 *       a single class (a one-class slice); gates treat that as inconclusive.
 *   <li>Log loss clips probabilities to [eps, 1 - eps] (eps = 2.22e-16), renormalises each row, and
 *       averages -log p(true class). Brier score is the mean of sum over classes of
 *       (p - y)^2 for multiclass and, for binary, mean (p(positive) - y)^2 as scikit-learn's
 *       {@code brier_score_loss}. Expected calibration error uses 10 equal-width bins of the top
 *       probability, (0, 0.1], ..., (0.9, 1].
 *   <li>R^2 of a constant truth is 1 for a perfect prediction and 0 otherwise (scikit-learn's
 *       {@code force_finite}); MAPE divides by max(|y|, 2.22e-16) and is a fraction.
 * </ul>
 */
public final class Metrics {
  private static final double EPS = Math.ulp(1.0);

  private Metrics() {}

  /**
   * Computes a classification metric.
   *
   * @param metric a classification metric
   * @param p the predictions
   * @return the value ({@code NaN} where documented as undefined)
   * @throws IllegalArgumentException if the metric is a regression metric, or needs probabilities
   *     the predictions lack
   */
  public static double compute(Metric metric, ClassificationPredictions p) {
    requireNonNull(metric, "metric");
    requireNonNull(p, "predictions");
    if (!metric.forClassification()) {
      throw new IllegalArgumentException(metric + " is a regression metric");
    }
    if (metric.needsScores() && !p.hasProbabilities()) {
      throw new IllegalArgumentException(metric + " needs class probabilities, and these predictions have none");
    }
    return switch (metric) {
      case ACCURACY, PRECISION_MICRO, RECALL_MICRO, F1_MICRO -> accuracy(p);
      case BALANCED_ACCURACY -> balancedAccuracy(p);
      case PRECISION_MACRO -> average(p, 0, false);
      case RECALL_MACRO -> average(p, 1, false);
      case F1_MACRO -> average(p, 2, false);
      case PRECISION_WEIGHTED -> average(p, 0, true);
      case RECALL_WEIGHTED -> average(p, 1, true);
      case F1_WEIGHTED -> average(p, 2, true);
      case ROC_AUC -> rocAuc(p, false);
      case ROC_AUC_WEIGHTED -> rocAuc(p, true);
      case AVERAGE_PRECISION -> averagePrecision(p);
      case LOG_LOSS -> logLoss(p);
      case BRIER -> brier(p);
      case EXPECTED_CALIBRATION_ERROR -> expectedCalibrationError(p);
      default -> throw new IllegalStateException("unhandled " + metric);
    };
  }

  /**
   * Computes a regression metric.
   *
   * @param metric a regression metric
   * @param p the predictions
   * @return the value
   * @throws IllegalArgumentException if the metric is a classification metric
   */
  public static double compute(Metric metric, RegressionPredictions p) {
    requireNonNull(metric, "metric");
    requireNonNull(p, "predictions");
    if (metric.forClassification()) {
      throw new IllegalArgumentException(metric + " is a classification metric");
    }
    double[] y = p.truth();
    double[] f = p.predicted();
    int n = y.length;
    switch (metric) {
      case RMSE, MAE -> {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          double d = y[i] - f[i];
          sum += metric == Metric.RMSE ? d * d : Math.abs(d);
        }
        return metric == Metric.RMSE ? Math.sqrt(sum / n) : sum / n;
      }
      case R2 -> {
        double mean = 0;
        for (double v : y) {
          mean += v;
        }
        mean /= n;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < n; i++) {
          ssRes += (y[i] - f[i]) * (y[i] - f[i]);
          ssTot += (y[i] - mean) * (y[i] - mean);
        }
        if (ssTot == 0) {
          return ssRes == 0 ? 1.0 : 0.0;
        }
        return 1 - ssRes / ssTot;
      }
      case MAPE -> {
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Math.abs(y[i] - f[i]) / Math.max(Math.abs(y[i]), EPS);
        }
        return sum / n;
      }
      default -> throw new IllegalStateException("unhandled " + metric);
    }
  }

  /**
   * Returns the confusion matrix over all listed classes: {@code [true class][predicted class]}.
   *
   * @param p the predictions
   * @return counts
   */
  public static long[][] confusionMatrix(ClassificationPredictions p) {
    requireNonNull(p, "predictions");
    int k = p.classes().size();
    long[][] m = new long[k][k];
    for (int i = 0; i < p.size(); i++) {
      m[p.truth(i)][p.predicted(i)]++;
    }
    return m;
  }

  private static double accuracy(ClassificationPredictions p) {
    long correct = 0;
    for (int i = 0; i < p.size(); i++) {
      if (p.truth(i) == p.predicted(i)) {
        correct++;
      }
    }
    return (double) correct / p.size();
  }

  private static double balancedAccuracy(ClassificationPredictions p) {
    long[][] m = confusionMatrix(p);
    double sum = 0;
    int present = 0;
    for (int k = 0; k < m.length; k++) {
      long support = Arrays.stream(m[k]).sum();
      if (support > 0) {
        sum += (double) m[k][k] / support;
        present++;
      }
    }
    return sum / present;
  }

  /** which: 0 precision, 1 recall, 2 F1; over classes in truth or predictions. */
  private static double average(ClassificationPredictions p, int which, boolean weighted) {
    long[][] m = confusionMatrix(p);
    int k = m.length;
    double sum = 0;
    double weights = 0;
    for (int c = 0; c < k; c++) {
      long tp = m[c][c];
      long support = 0;
      long predictedCount = 0;
      for (int j = 0; j < k; j++) {
        support += m[c][j];
        predictedCount += m[j][c];
      }
      if (support == 0 && predictedCount == 0) {
        continue;
      }
      long fp = predictedCount - tp;
      long fn = support - tp;
      double value = switch (which) {
        case 0 -> ratio(tp, tp + fp);
        case 1 -> ratio(tp, tp + fn);
        default -> ratio(2 * tp, 2 * tp + fp + fn);
      };
      double w = weighted ? support : 1;
      sum += w * value;
      weights += w;
    }
    return weights == 0 ? 0 : sum / weights;
  }

  private static double ratio(long num, long den) {
    return den == 0 ? 0 : (double) num / den;
  }

  private static double rocAuc(ClassificationPredictions p, boolean weighted) {
    int[] present = p.classesInTruth();
    if (present.length < 2) {
      return Double.NaN;
    }
    int n = p.size();
    if (p.classes().size() == 2) {
      return binaryAuc(p, 1);
    }
    double sum = 0;
    double weights = 0;
    for (int k : present) {
      long positives = 0;
      for (int i = 0; i < n; i++) {
        if (p.truth(i) == k) {
          positives++;
        }
      }
      double w = weighted ? positives : 1;
      sum += w * binaryAuc(p, k);
      weights += w;
    }
    return sum / weights;
  }

  /**
   * AUC of class {@code k} against the rest: the share of (positive, negative) pairs ordered
   * correctly, ties counting one half, from the two sorted score lists in one merge.
   */
  static double binaryAuc(ClassificationPredictions p, int k) {
    int n = p.size();
    int pos = 0;
    for (int i = 0; i < n; i++) {
      if (p.truth(i) == k) {
        pos++;
      }
    }
    int neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    double[] x = new double[pos];
    double[] y = new double[neg];
    int xi = 0;
    int yi = 0;
    for (int i = 0; i < n; i++) {
      if (p.truth(i) == k) {
        x[xi++] = p.probability(i, k);
      } else {
        y[yi++] = p.probability(i, k);
      }
    }
    DoubleSort.sort(x);
    DoubleSort.sort(y);
    double pairs = 0;
    int below = 0;
    int j = 0;
    int i = 0;
    while (i < pos) {
      double v = x[i];
      int start = i;
      while (i < pos && x[i] == v) {
        i++;
      }
      while (j < neg && y[j] < v) {
        j++;
      }
      below = j;
      int tied = 0;
      while (j + tied < neg && y[j + tied] == v) {
        tied++;
      }
      pairs += (i - start) * (below + 0.5 * tied);
    }
    return pairs / ((double) pos * neg);
  }

  private static double averagePrecision(ClassificationPredictions p) {
    if (p.classes().size() != 2) {
      throw new IllegalArgumentException("average precision is defined here for binary classification; "
          + p.classes().size() + " classes given");
    }
    int n = p.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p.probability(b, 1), p.probability(a, 1)));
    long positives = 0;
    for (int i = 0; i < n; i++) {
      if (p.truth(i) == 1) {
        positives++;
      }
    }
    if (positives == 0 || positives == n) {
      return Double.NaN;
    }
    double ap = 0;
    double previousRecall = 0;
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < n) {
      double threshold = p.probability(order[i], 1);
      while (i < n && p.probability(order[i], 1) == threshold) {
        if (p.truth(order[i]) == 1) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      double recall = (double) tp / positives;
      double precision = (double) tp / (tp + fp);
      ap += (recall - previousRecall) * precision;
      previousRecall = recall;
    }
    return ap;
  }

  private static double logLoss(ClassificationPredictions p) {
    int k = p.classes().size();
    double sum = 0;
    for (int i = 0; i < p.size(); i++) {
      double rowSum = 0;
      for (int c = 0; c < k; c++) {
        rowSum += clip(p.probability(i, c));
      }
      sum += -Math.log(clip(p.probability(i, p.truth(i))) / rowSum);
    }
    return sum / p.size();
  }

  private static double clip(double v) {
    return Math.min(1 - EPS, Math.max(EPS, v));
  }

  private static double brier(ClassificationPredictions p) {
    int k = p.classes().size();
    double sum = 0;
    for (int i = 0; i < p.size(); i++) {
      if (k == 2) {
        double y = p.truth(i) == 1 ? 1 : 0;
        double d = p.probability(i, 1) - y;
        sum += d * d;
      } else {
        for (int c = 0; c < k; c++) {
          double d = p.probability(i, c) - (p.truth(i) == c ? 1 : 0);
          sum += d * d;
        }
      }
    }
    return sum / p.size();
  }

  private static double expectedCalibrationError(ClassificationPredictions p) {
    int bins = 10;
    double[] confidence = new double[bins];
    double[] correct = new double[bins];
    long[] count = new long[bins];
    int k = p.classes().size();
    for (int i = 0; i < p.size(); i++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (p.probability(i, c) > p.probability(i, best)) {
          best = c;
        }
      }
      double conf = p.probability(i, best);
      int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(conf * bins) - 1));
      confidence[b] += conf;
      correct[b] += best == p.truth(i) ? 1 : 0;
      count[b]++;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        ece += (double) count[b] / p.size() * Math.abs(correct[b] / count[b] - confidence[b] / count[b]);
      }
    }
    return ece;
  }
}
