package dev.mlops.core.drift;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * Tests on category counts: the reference's and the current sample's count of each category, in the
 * same order. A category seen on one side only is a category like any other (count 0 on the other
 * side), never an error.
 *
 * <pre>{@code
 * TestResult chi2 = CategoricalDrift.chiSquare(new long[] {30, 70, 0}, new long[] {45, 50, 5});
 * }</pre>
 */
public final class CategoricalDrift {
  private CategoricalDrift() {}

  /**
   * Pearson's chi-square test of homogeneity on the 2 x k table of counts, as
   * {@code scipy.stats.chi2_contingency([reference, current])}: categories absent from both sides
   * are dropped; with one degree of freedom (two categories) Yates' continuity correction is
   * applied, as SciPy does by default. A single category gives statistic 0 and p-value 1.
   *
   * @param reference counts per category in the reference
   * @param current counts per category in the current sample
   * @return the statistic and p-value
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or a side has no count
   */
  public static TestResult chiSquare(long[] reference, long[] current) {
    return contingency(reference, current, false);
  }

  /**
   * The G-test (log-likelihood ratio) of homogeneity on the same table, as
   * {@code scipy.stats.chi2_contingency([reference, current], lambda_="log-likelihood")}, with the
   * same continuity correction for one degree of freedom.
   *
   * @param reference counts per category in the reference
   * @param current counts per category in the current sample
   * @return the statistic and p-value
   * @throws IllegalArgumentException if the lengths differ, a count is negative, or a side has no count
   */
  public static TestResult gTest(long[] reference, long[] current) {
    return contingency(reference, current, true);
  }

  /**
   * Returns the share of each category in a count vector.
   *
   * @param counts counts per category
   * @return proportions summing to 1
   * @throws IllegalArgumentException if a count is negative or all are 0
   */
  public static double[] proportions(long[] counts) {
    long total = total(counts, "counts");
    double[] p = new double[counts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (double) counts[i] / total;
    }
    return p;
  }

  private static TestResult contingency(long[] reference, long[] current, boolean logLikelihood) {
    if (reference == null || current == null) {
      throw new NullPointerException(reference == null ? "reference" : "current");
    }
    if (reference.length != current.length) {
      throw new IllegalArgumentException("reference and current must count the same categories, had "
          + reference.length + " and " + current.length);
    }
    double r = total(reference, "reference");
    double c = total(current, "current");
    double n = r + c;
    int k = 0;
    double[][] observed = new double[2][reference.length];
    double[] columnTotals = new double[reference.length];
    for (int j = 0; j < reference.length; j++) {
      if (reference[j] + current[j] > 0) {
        observed[0][k] = reference[j];
        observed[1][k] = current[j];
        columnTotals[k] = reference[j] + current[j];
        k++;
      }
    }
    int dof = k - 1;
    if (dof == 0) {
      return new TestResult(0.0, 1.0);
    }
    double statistic = 0;
    double[] rowTotals = {r, c};
    for (int row = 0; row < 2; row++) {
      for (int j = 0; j < k; j++) {
        double expected = rowTotals[row] * columnTotals[j] / n;
        double o = observed[row][j];
        if (dof == 1) {
          double diff = expected - o;
          o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
        }
        if (logLikelihood) {
          statistic += o == 0 ? 0 : 2 * o * Math.log(o / expected);
        } else {
          statistic += (o - expected) * (o - expected) / expected;
        }
      }
    }
    statistic = Math.max(0, statistic);
    double p = Gamma.regularizedGammaQ(dof / 2.0, statistic / 2.0);
    return new TestResult(statistic, Math.min(1.0, Math.max(0.0, p)));
  }

  private static long total(long[] counts, String name) {
    if (counts == null) {
      throw new NullPointerException(name);
    }
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(name + " count " + i + " is negative: " + counts[i]);
      }
      total += counts[i];
    }
    if (total == 0) {
      throw new IllegalArgumentException(name + " has no counts (" + Arrays.toString(counts)
          + "); a sample of at least one value is needed");
    }
    return total;
  }
}
