package dev.mlops.core.drift;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import dev.mlops.core.internal.DoubleSort;

/**
 * The k-sample Anderson-Darling test (Scholz and Stephens 1987) for two samples, as
 * {@code scipy.stats.anderson_ksamp([reference, current], variant='midrank')}: the standardised
 * statistic of their eq. 7 (midranks for ties), and a p-value interpolated from their Table 2 by a
 * quadratic fit of log significance on the critical values, exactly as SciPy does. Like SciPy's, the
 * interpolated p-value is capped at 0.25 and floored at 0.001: the table says no more.
 */
final class AndersonDarling {
  private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
  private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
  private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
  private static final double[] SIGNIFICANCE = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
  /** Quadratic coefficients of log(significance) on the critical values for k = 2 (m = 1). */
  private static final double[] FIT = fit(1);

  private AndersonDarling() {}

  static TestResult test(double[] reference, double[] current) {
    double[] a = Samples.sorted(reference, "reference", false);
    double[] b = Samples.sorted(current, "current", false);
    int n1 = a.length;
    int n2 = b.length;
    int n = n1 + n2;
    double[] z = new double[n];
    System.arraycopy(a, 0, z, 0, n1);
    System.arraycopy(b, 0, z, n1, n2);
    DoubleSort.sort(z);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || z[i] != z[i - 1]) {
        distinct++;
      }
    }
    if (distinct < 2 || n < 4) {
      throw new IllegalArgumentException("the Anderson-Darling test needs at least 4 values with two distinct"
          + " ones; had " + n + " values, " + distinct + " distinct");
    }
    double a2kn = (midrankTerm(z, a, n) / n1 + midrankTerm(z, b, n) / n2) * (n - 1.0) / n;

    int k = 2;
    double h1 = 1.0 / n1 + 1.0 / n2;
    // hs_cs = cumsum(1 / [N-1, N-2, ..., 2]); h = hs_cs[-1] + 1; g = sum(hs_cs / [2, 3, ..., N-1])
    double cumulative = 0;
    double g = 0;
    for (int i = 0; i < n - 2; i++) {
      cumulative += 1.0 / (n - 1 - i);
      g += cumulative / (i + 2);
    }
    double h = cumulative + 1;
    double ca = (4 * g - 6) * (k - 1) + (10 - 6 * g) * h1;
    double cb = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * h1 - 8 * h + 4 * g - 6;
    double cc = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * h1 + 4 * h;
    double cd = (2 * h + 6) * k * k - 4 * h * k;
    double nn = n;
    double sigmaSq = (ca * nn * nn * nn + cb * nn * nn + cc * nn + cd) / ((nn - 1) * (nn - 2) * (nn - 3));
    double m = k - 1;
    double a2 = (a2kn - m) / Math.sqrt(sigmaSq);
    double minCritical = Double.POSITIVE_INFINITY;
    double maxCritical = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < B0.length; i++) {
      double c = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
      minCritical = Math.min(minCritical, c);
      maxCritical = Math.max(maxCritical, c);
    }
    double p;
    if (a2 < minCritical) {
      p = 0.25;
    } else if (a2 > maxCritical) {
      p = 0.001;
    } else {
      p = Math.exp(FIT[0] * a2 * a2 + FIT[1] * a2 + FIT[2]);
    }
    return new TestResult(a2, Math.min(1.0, p));
  }

  /** The sum over distinct values of eq. 7's inner term for one sorted sample {@code s}. */
  private static double midrankTerm(double[] z, double[] s, int n) {
    double sum = 0;
    int zi = 0;
    int si = 0;
    int below = 0;
    while (zi < n) {
      double v = z[zi];
      int start = zi;
      while (zi < n && z[zi] == v) {
        zi++;
      }
      int lj = zi - start;
      double bj = below + lj / 2.0;
      int sStart = si;
      while (si < s.length && s[si] <= v) {
        si++;
      }
      // s values below v were consumed earlier, so s[sStart..si) are exactly the ones equal to v
      int fij = si - sStart;
      double mij = si - fij / 2.0;
      double diff = n * mij - bj * s.length;
      sum += (double) lj / n * diff * diff / (bj * (n - bj) - n * lj / 4.0);
      below += lj;
    }
    return sum;
  }

  /** numpy.polyfit(critical, log(significance), 2) for m = k - 1, by least squares (QR). */
  private static double[] fit(double m) {
    int rows = B0.length;
    double[][] design = new double[rows][3];
    double[] target = new double[rows];
    for (int i = 0; i < rows; i++) {
      double c = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
      design[i][0] = c * c;
      design[i][1] = c;
      design[i][2] = 1;
      target[i] = Math.log(SIGNIFICANCE[i]);
    }
    RealVector solution = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
        .solve(new ArrayRealVector(target, false));
    return solution.toArray();
  }
}
