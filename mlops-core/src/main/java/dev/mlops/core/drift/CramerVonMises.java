package dev.mlops.core.drift;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.ArithmeticUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The two-sample Cramér-von Mises test, as {@code scipy.stats.cramervonmises_2samp} (Anderson 1962):
 * midranks for ties; the exact p-value (Xiao, Gordon and Yakovlev 2006) when both samples have at
 * most 20 values, else the normalised statistic against the limiting distribution (Csörgő and
 * Faraway 1996), whose series stops when a term is below 1e-7, as SciPy's does.
 *
 * <p>The statistic is exact up to its final rounding: doubled midranks are integers, so the sums of
 * squared rank gaps are accumulated as integers and T is formed once as a ratio of integers (summing
 * {@code nx d^2} in doubles lost 2% at a million values per side, issue 13).
 */
final class CramerVonMises {
  static final int EXACT_MAX_N = 20;
  /** The largest rank gap whose square fits a long. */
  private static final long MAX_EXACT_GAP = 3_037_000_499L;

  private CramerVonMises() {}

  static TestResult test(double[] x, double[] y) {
    double[] xa = Samples.sorted(x, "reference", false);
    double[] ya = Samples.sorted(y, "current", false);
    int nx = xa.length;
    int ny = ya.length;
    if (nx < 2 || ny < 2) {
      throw new IllegalArgumentException("the Cramér-von Mises test needs at least two values on each side, had "
          + nx + " and " + ny);
    }
    double[] rx = new double[nx];
    double[] ry = new double[ny];
    PooledRanks.midranks(xa, ya, rx, ry);
    // Doubled midranks are integers: U = (nx Sx + ny Sy) / 4 with Sx = sum (2 r_i - 2 i)^2 exactly.
    BigInteger sx = sumOfSquaredRankGaps(rx);
    BigInteger sy = sumOfSquaredRankGaps(ry);
    BigInteger fourU = sx.multiply(BigInteger.valueOf(nx)).add(sy.multiply(BigInteger.valueOf(ny)));
    long kk = (long) nx * ny;
    long nn = (long) nx + ny;
    // T = U / (k N) - (4 k - 1) / (6 N) = (3 (4 U) - 2 k (4 k - 1)) / (12 k N), rounded once.
    BigInteger bigK = BigInteger.valueOf(kk);
    BigInteger numerator = fourU.multiply(BigInteger.valueOf(3))
        .subtract(bigK.multiply(bigK.shiftLeft(2).subtract(BigInteger.ONE)).shiftLeft(1));
    BigInteger denominator = bigK.multiply(BigInteger.valueOf(12 * nn));
    double t = new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    double k = (double) kk;
    double n = (double) nn;
    double p = Math.max(nx, ny) > EXACT_MAX_N ? asymptotic(t, n, nx, ny, k) : exact(fourU.doubleValue() / 4, nx, ny);
    return new TestResult(t, Math.min(1.0, Math.max(0.0, p)));
  }

  /**
   * {@code sum (2 r_i - 2 i)^2} over 1-based positions i, exactly: each term is an integer (doubled
   * midranks are exact in a double), summed in a long and carried into a BigInteger before the long
   * could overflow.
   */
  private static BigInteger sumOfSquaredRankGaps(double[] ranks) {
    BigInteger total = BigInteger.ZERO;
    long sum = 0;
    for (int i = 0; i < ranks.length; i++) {
      long gap = (long) (2 * ranks[i]) - 2L * (i + 1);
      if (Math.abs(gap) > MAX_EXACT_GAP) {
        total = total.add(BigInteger.valueOf(gap).pow(2));
        continue;
      }
      long term = gap * gap;
      if (sum > Long.MAX_VALUE - term) {
        total = total.add(BigInteger.valueOf(sum));
        sum = 0;
      }
      sum += term;
    }
    return total.add(BigInteger.valueOf(sum));
  }

  private static double exact(double s, int m, int n) {
    long lcm = ArithmeticUtils.lcm((long) m, (long) n);
    long a = lcm / m;
    long b = lcm / n;
    long mn = (long) m * n;
    // zeta = lcm^2 (m + n) (6 s - mn (4 mn - 1)) // (6 mn^2), floor division as in SciPy
    double numerator = (double) lcm * lcm * (m + n) * (6 * s - mn * (4.0 * mn - 1));
    long zeta = (long) Math.floor(numerator / (6.0 * mn * mn));
    List<Map<Long, Long>> gs = new ArrayList<>(m + 1);
    gs.add(new HashMap<>(Map.of(0L, 1L)));
    for (int v = 1; v <= m; v++) {
      gs.add(new HashMap<>());
    }
    for (int uu = 0; uu <= n; uu++) {
      List<Map<Long, Long>> next = new ArrayList<>(m + 1);
      Map<Long, Long> tmp = new HashMap<>();
      for (int v = 0; v <= m; v++) {
        Map<Long, Long> merged = new HashMap<>(tmp);
        gs.get(v).forEach((value, freq) -> merged.merge(value, freq, Long::sum));
        long res = (a * v - b * uu) * (a * v - b * uu);
        Map<Long, Long> shifted = new HashMap<>(merged.size() * 2);
        merged.forEach((value, freq) -> shifted.put(value + res, freq));
        tmp = shifted;
        next.add(tmp);
      }
      gs = next;
    }
    double combinations = CombinatoricsUtils.binomialCoefficientDouble(m + n, m);
    long tail = 0;
    for (Map.Entry<Long, Long> e : gs.get(m).entrySet()) {
      if (e.getKey() >= zeta) {
        tail += e.getValue();
      }
    }
    return tail / combinations;
  }

  private static double asymptotic(double t, double n, int nx, int ny, double k) {
    double et = (1 + 1 / n) / 6;
    double vt = (n + 1) * (4 * k * n - 3 * ((double) nx * nx + (double) ny * ny) - 2 * k);
    vt = vt / (45 * n * n * 4 * k);
    double tn = 1.0 / 6 + (t - et) / Math.sqrt(45 * vt);
    if (tn < 0.003) {
      return 1.0;
    }
    return Math.max(0.0, 1.0 - cdfLimiting(tn));
  }

  /** The limiting CDF of the one-sample statistic (Csörgő and Faraway 1996, eq. 1.2). */
  static double cdfLimiting(double x) {
    double total = 0;
    for (int k = 0; ; k++) {
      double u = Math.exp(Gamma.logGamma(k + 0.5) - Gamma.logGamma(k + 1)) / (Math.pow(Math.PI, 1.5) * Math.sqrt(x));
      double y = 4 * k + 1;
      double q = y * y / (16 * x);
      double term = u * Math.sqrt(y) * Math.exp(-2 * q) * scaledBesselK(0.25, q);
      total += term;
      if (Math.abs(term) < 1e-7) {
        return total;
      }
    }
  }

  /**
   * {@code exp(z) K_nu(z)}, the scaled modified Bessel function of the second kind, from its integral
   * {@code int_0^inf exp(-z (cosh t - 1)) cosh(nu t) dt}, cut where the integrand is below
   * {@code exp(-50)} of its peak.
   */
  static double scaledBesselK(double nu, double z) {
    double upper = acosh(1 + 50 / z);
    IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-300);
    int pieces = 8;
    double sum = 0;
    for (int p = 0; p < pieces; p++) {
      double lo = upper * p / pieces;
      double hi = upper * (p + 1) / pieces;
      sum += integrator.integrate(Integer.MAX_VALUE, t -> Math.exp(-z * (Math.cosh(t) - 1)) * Math.cosh(nu * t), lo, hi);
    }
    return sum;
  }

  private static double acosh(double x) {
    return Math.log(x + Math.sqrt(x * x - 1));
  }
}
