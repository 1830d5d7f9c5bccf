package dev.mlops.core.internal;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Not public API. Survival functions of the Kolmogorov-Smirnov statistic computed directly, so that
 * a tail probability keeps its relative precision down to the smallest normal double (about
 * 1e-300) instead of being lost in {@code 1 - cdf}, which cannot go below about 1e-16.
 *
 * <p>{@link #sf(long, double)} is SciPy's {@code kstwo.sf(d, n)} (Simard and L'Ecuyer 2011): in the
 * tail, twice the exact one-sided Smirnov probability (Birnbaum and Tingey 1951), each term a
 * binomial probability evaluated in logarithms with Loader's saddle-point expansion (accurate to a
 * few ulps however large n is); away from the tail, where the probability is above about 0.02,
 * one minus the CDF (Durbin's matrix up to n = 140 and, up to n = 100,000, while n d^1.5 is at most
 * 1.4; Pelz and Good's series beyond), as SciPy chooses. Beyond n = 1,000,000 the
 * one-sided probability is SciPy's {@code exp(-(6 n d + 1)^2 / (18 n))}. Cost: at most n terms.
 */
public final class Kolmogorov {
  private static final double LN_2PI = Math.log(2 * Math.PI);
  private static final KolmogorovSmirnovTest CDF = new KolmogorovSmirnovTest();
  /** Beyond this n the one-sided sum (n terms) gives way to SciPy's closed-form approximation. */
  private static final long SMIRNOV_MAX_SUM_N = 1_000_000;
  /** Stirling's error log(n!) - log(sqrt(2 pi n) (n / e)^n) for n = 0..15, computed once. */
  private static final double[] STIRLING_ERROR = new double[16];

  static {
    for (int n = 1; n < STIRLING_ERROR.length; n++) {
      STIRLING_ERROR[n] = Gamma.logGamma(n + 1.0) - 0.5 * Math.log(2 * Math.PI * n) - n * Math.log(n) + n;
    }
  }

  private Kolmogorov() {}

  /**
   * {@code P(D_n >= d)} for the two-sided one-sample statistic, as SciPy's {@code kstwo.sf(d, n)}.
   *
   * @param n the sample size, at least 1
   * @param d the statistic; at or below 0 gives 1, at or above 1 gives 0
   * @return the survival probability, in [0, 1]
   * @throws IllegalArgumentException if n is below 1 or d is NaN
   */
  public static double sf(long n, double d) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException("d must not be NaN");
    }
    if (d <= 0) {
      return 1.0;
    }
    if (d >= 1) {
      return 0.0;
    }
    double t = n * d;
    if (t <= 0.5) {
      return 1.0;
    }
    if (t <= 1) {
      // Ruben and Gambino: P(D_n < d) = n! / n^n (2t - 1)^n; the survival is near 1.
      return 1.0 - Math.exp(Gamma.logGamma(n + 1.0) - n * Math.log(n) + n * Math.log(2 * t - 1));
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1 - d, n));
    }
    double nd2 = t * d;
    if (d >= 0.5 || (n <= 140 ? nd2 > 4 : nd2 >= 2.2)) {
      // For d >= 0.5 the one-sided events are disjoint (exact); below, Miller's approximation,
      // whose error 2 P(D+ >= d, D- >= d) is negligible against the tail.
      return clip(2 * smirnovSf(n, d));
    }
    if (n <= 140) {
      return clip(1.0 - CDF.cdf(d, (int) n));
    }
    if (n <= 100_000 && n * Math.pow(d, 1.5) <= 1.4) {
      return clip(1.0 - durbinCdf((int) n, d));
    }
    double cdf = n > Integer.MAX_VALUE ? Double.NaN : pelzGood((int) n, d);
    return Double.isNaN(cdf) || cdf < 0 || cdf > 1 ? limitingSf(d * Math.sqrt(n)) : clip(1.0 - cdf);
  }

  /** Pelz and Good's series for the CDF, or NaN where it does not converge (tiny n d^2). */
  private static double pelzGood(int n, double d) {
    try {
      return CDF.pelzGood(d, n);
    } catch (MathIllegalStateException e) {
      return Double.NaN;
    }
  }

  /**
   * {@code P(D_n < d)} by Durbin's matrix formula, as Marsaglia, Tsang and Wang (2003) evaluate it:
   * the (k, k) entry of the n-th power of a (2k - 1)-square matrix, with k = ceil(n d), powers of 10
   * carried apart so that nothing underflows.
   */
  static double durbinCdf(int n, double d) {
    int k = (int) (n * d) + 1;
    int m = 2 * k - 1;
    double h = k - n * d;
    double[] hm = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        hm[i * m + j] = i - j + 1 < 0 ? 0 : 1;
      }
    }
    for (int i = 0; i < m; i++) {
      hm[i * m] -= Math.pow(h, i + 1);
      hm[(m - 1) * m + i] -= Math.pow(h, m - i);
    }
    hm[(m - 1) * m] += 2 * h - 1 > 0 ? Math.pow(2 * h - 1, m) : 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i - j + 1 > 0) {
          for (int g = 1; g <= i - j + 1; g++) {
            hm[i * m + j] /= g;
          }
        }
      }
    }
    int[] exponent = new int[1];
    double[] q = power(hm, m, n, exponent);
    double s = q[(k - 1) * m + k - 1];
    int e = exponent[0];
    for (int i = 1; i <= n; i++) {
      s = s * i / n;
      if (s < 1e-140) {
        s *= 1e140;
        e -= 140;
      }
    }
    return s * Math.pow(10, e);
  }

  /** a^n for an m-square matrix, its scale 10^exponent returned apart. */
  private static double[] power(double[] a, int m, int n, int[] exponent) {
    if (n == 1) {
      exponent[0] = 0;
      return a.clone();
    }
    double[] half = power(a, m, n / 2, exponent);
    double[] v = multiply(half, half, m);
    int e = 2 * exponent[0];
    if (n % 2 == 1) {
      v = multiply(a, v, m);
    }
    if (v[(m / 2) * m + m / 2] > 1e140) {
      for (int i = 0; i < v.length; i++) {
        v[i] *= 1e-140;
      }
      e += 140;
    }
    exponent[0] = e;
    return v;
  }

  private static double[] multiply(double[] a, double[] b, int m) {
    double[] c = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int l = 0; l < m; l++) {
        double x = a[i * m + l];
        if (x != 0) {
          for (int j = 0; j < m; j++) {
            c[i * m + j] += x * b[l * m + j];
          }
        }
      }
    }
    return c;
  }

  /**
   * {@code P(sqrt(n) D_n >= x)} as n grows without bound, the Kolmogorov distribution (SciPy's
   * {@code kstwobign.sf(x)}): from {@code 2 sum (-1)^(k-1) exp(-2 k^2 x^2)} when x is above 0.82
   * (its first term dominates, so small values keep their precision), else one minus the CDF's
   * theta-function series (the survival is above 0.5 there).
   *
   * @param x the scaled statistic
   * @return the survival probability, in [0, 1]
   * @throws IllegalArgumentException if x is NaN
   */
  public static double limitingSf(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("x must not be NaN");
    }
    if (x <= 0) {
      return 1.0;
    }
    if (x > 0.82) {
      double sum = 0;
      for (int k = 1; k < 100; k++) {
        double term = Math.exp(-2.0 * k * k * x * x);
        sum += (k % 2 == 1 ? term : -term);
        if (term <= 1e-17 * sum) {
          break;
        }
      }
      return clip(2 * sum);
    }
    double w = Math.PI * Math.PI / (8 * x * x);
    double sum = 0;
    for (int k = 1; k < 100; k++) {
      double term = Math.exp(-(2.0 * k - 1) * (2.0 * k - 1) * w);
      sum += term;
      if (term <= 1e-17 * sum) {
        break;
      }
    }
    return clip(1.0 - Math.sqrt(2 * Math.PI) / x * sum);
  }

  /**
   * {@code P(D+_n >= d)}, the one-sided Smirnov survival function (SciPy's {@code smirnov(n, d)}),
   * from Birnbaum and Tingey's sum, every term positive, summed in logarithms.
   *
   * @param n the sample size, at least 1
   * @param d the statistic, in (0, 1)
   * @return the probability
   */
  static double smirnovSf(long n, double d) {
    if (n > SMIRNOV_MAX_SUM_N) {
      // SciPy's approximation for large n: P ~ exp(-(6 n d + 1)^2 / (18 n)).
      double log = -Math.pow(6.0 * n * d + 1, 2) / 18.0 / n;
      return Math.exp(log);
    }
    long last = (long) Math.floor(n * (1 - d));
    double logD = Math.log(d);
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    long argmax = -1;
    for (long v = 0; v <= last; v++) {
      double p = d + (double) v / n;
      double q = (double) (n - v) / n - d;
      if (!(q > 0) && v < n) {
        continue;
      }
      double term = logD - Math.log(p) + logBinomialPmf(v, n, p, q);
      if (term > max) {
        sum = sum * Math.exp(max - term) + 1.0;
        max = term;
        argmax = v;
      } else {
        sum += Math.exp(term - max);
        if (v > argmax && term < max - 60) {
          break; // past the (single) peak: the rest adds below 1e-26 of the sum
        }
      }
    }
    return max == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(max + Math.log(sum));
  }

  /** log of the binomial probability of x successes in n trials with success probability p = 1 - q (Loader 2000). */
  static double logBinomialPmf(long x, long n, double p, double q) {
    if (x == 0) {
      return p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q);
    }
    if (x == n) {
      return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p);
    }
    double lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q);
    double lf = LN_2PI + Math.log(x) + Math.log1p(-(double) x / n);
    return lc - 0.5 * lf;
  }

  /** log(n!) - log(sqrt(2 pi n) (n / e)^n), by its asymptotic series beyond 15. */
  static double stirlingError(long n) {
    if (n < STIRLING_ERROR.length) {
      return STIRLING_ERROR[(int) n];
    }
    double s0 = 1.0 / 12;
    double s1 = 1.0 / 360;
    double s2 = 1.0 / 1260;
    double s3 = 1.0 / 1680;
    double s4 = 1.0 / 1188;
    double nn = (double) n * n;
    if (n > 500) {
      return (s0 - s1 / nn) / n;
    }
    if (n > 80) {
      return (s0 - (s1 - s2 / nn) / nn) / n;
    }
    if (n > 35) {
      return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
    }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
  }

  /** The deviance term x log(x / mu) + mu - x, without cancellation when x is near mu. */
  static double deviance(double x, double mu) {
    if (Math.abs(x - mu) < 0.1 * (x + mu)) {
      double v = (x - mu) / (x + mu);
      double s = (x - mu) * v;
      double ej = 2 * x * v;
      double v2 = v * v;
      for (int j = 1; j < 1000; j++) {
        ej *= v2;
        double next = s + ej / (2 * j + 1);
        if (next == s) {
          return next;
        }
        s = next;
      }
      return s;
    }
    return x * Math.log(x / mu) + mu - x;
  }

  private static double clip(double p) {
    return Math.min(1.0, Math.max(0.0, p));
  }
}
