package dev.mlops.core.gate;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * DeLong's test for two correlated ROC AUCs on the same rows (DeLong, DeLong and Clarke-Pearson
 * 1988), with the midrank computation of the structural components (Sun and Xu 2014): O(n log n).
 */
final class DeLong {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** AUCs, the z statistic of their difference and its two-sided p-value. */
  record Result(double aucA, double aucB, double z, double pValue) {}

  private DeLong() {}

  /**
   * @param positive whether each row is of the positive class
   * @param a the first model's scores
   * @param b the second model's scores
   * @return the test, or null when a class is absent
   */
  static Result test(boolean[] positive, double[] a, double[] b) {
    int m = 0;
    for (boolean p : positive) {
      if (p) {
        m++;
      }
    }
    int n = positive.length - m;
    if (m == 0 || n == 0) {
      return null;
    }
    double[][] v10 = new double[2][m];
    double[][] v01 = new double[2][n];
    double[] auc = new double[2];
    double[][] scores = {a, b};
    for (int k = 0; k < 2; k++) {
      double[] x = new double[m];
      double[] y = new double[n];
      int xi = 0;
      int yi = 0;
      for (int i = 0; i < positive.length; i++) {
        if (positive[i]) {
          x[xi++] = scores[k][i];
        } else {
          y[yi++] = scores[k][i];
        }
      }
      double[] all = new double[m + n];
      System.arraycopy(x, 0, all, 0, m);
      System.arraycopy(y, 0, all, m, n);
      double[] tz = midranks(all);
      double[] tx = midranks(x);
      double[] ty = midranks(y);
      double sum = 0;
      for (int i = 0; i < m; i++) {
        v10[k][i] = (tz[i] - tx[i]) / n;
        sum += v10[k][i];
      }
      for (int j = 0; j < n; j++) {
        v01[k][j] = 1 - (tz[m + j] - ty[j]) / m;
      }
      auc[k] = sum / m;
    }
    double var = (variance(v10[0]) + variance(v10[1]) - 2 * covariance(v10[0], v10[1])) / m
        + (variance(v01[0]) + variance(v01[1]) - 2 * covariance(v01[0], v01[1])) / n;
    double diff = auc[0] - auc[1];
    if (!(var > 0)) {
      return new Result(auc[0], auc[1], 0, diff == 0 ? 1.0 : 0.0);
    }
    double z = diff / Math.sqrt(var);
    return new Result(auc[0], auc[1], z, Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z))));
  }

  /** 1-based midranks (average ranks for ties). */
  static double[] midranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double rank = (i + j + 2) / 2.0;
      for (int q = i; q <= j; q++) {
        ranks[order[q]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static double variance(double[] v) {
    return covariance(v, v);
  }

  /** Sample covariance (n - 1 in the denominator), as numpy.cov. */
  private static double covariance(double[] a, double[] b) {
    int n = a.length;
    if (n < 2) {
      return 0;
    }
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (a[i] - ma) * (b[i] - mb);
    }
    return s / (n - 1);
  }
}
