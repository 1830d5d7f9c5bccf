package dev.mlops.core.drift;

/**
 * Distances between two discrete distributions given as proportions over the same bins or
 * categories, each summing to 1 within {@value #SUM_TOLERANCE} (PSI, KL, Hellinger and total
 * variation reject proportions that do not: their value would be meaningless, e.g. a total variation
 * of 1.5; Jensen-Shannon normalises its inputs, as SciPy does). Used by {@link NumericBins} and
 * {@link CategoricalDrift}.
 *
 * <p>PSI and KL divergence are undefined when a proportion is 0; they replace a zero proportion by
 * {@code epsilon} (default {@value #DEFAULT_EPSILON}, Evidently's choice), on both sides. Jensen-Shannon,
 * Hellinger and total variation need no epsilon.
 */
public final class Distances {
  /** The default replacement of a zero proportion in PSI and KL. */
  public static final double DEFAULT_EPSILON = 1e-4;
  /** How far from 1 the sum of a proportion vector may be (rounding of counts / total stays far below). */
  public static final double SUM_TOLERANCE = 1e-6;

  private Distances() {}

  /**
   * Population stability index, {@code sum((q - p) ln(q / p))}, zero proportions replaced by
   * {@code epsilon}. Common reading: below 0.1 stable, 0.1 to 0.25 moderate shift, above 0.25 major.
   *
   * @param p reference proportions
   * @param q current proportions
   * @param epsilon replacement of zero proportions, in {@code (0, 1)}
   * @return the PSI, {@code >= 0}
   * @throws IllegalArgumentException if the lengths differ or are 0, a proportion is outside [0, 1],
   *     a vector does not sum to 1 within {@value #SUM_TOLERANCE}, or epsilon is outside (0, 1)
   */
  public static double psi(double[] p, double[] q, double epsilon) {
    check(p, q);
    checkSums(p, q);
    checkEpsilon(epsilon);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = orEpsilon(p[i], epsilon);
      double b = orEpsilon(q[i], epsilon);
      sum += (b - a) * Math.log(b / a);
    }
    return sum;
  }

  /**
   * Kullback-Leibler divergence of the current distribution from the reference,
   * {@code sum(p ln(p / q))} in nats, zero proportions replaced by {@code epsilon}.
   *
   * @param p reference proportions
   * @param q current proportions
   * @param epsilon replacement of zero proportions, in {@code (0, 1)}
   * @return the divergence, {@code >= 0} up to rounding
   * @throws IllegalArgumentException if the lengths differ or are 0, a proportion is outside [0, 1],
   *     a vector does not sum to 1 within {@value #SUM_TOLERANCE}, or epsilon is outside (0, 1)
   */
  public static double klDivergence(double[] p, double[] q, double epsilon) {
    check(p, q);
    checkSums(p, q);
    checkEpsilon(epsilon);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = orEpsilon(p[i], epsilon);
      double b = orEpsilon(q[i], epsilon);
      sum += a * Math.log(a / b);
    }
    return sum;
  }

  /**
   * Jensen-Shannon distance in base 2 (the square root of the divergence), in {@code [0, 1]}, as
   * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}.
   *
   * @param p reference proportions
   * @param q current proportions
   * @return the distance
   */
  public static double jensenShannon(double[] p, double[] q) {
    check(p, q);
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i];
      sq += q[i];
    }
    double divergence = 0;
    for (int i = 0; i < p.length; i++) {
      double a = p[i] / sp;
      double b = q[i] / sq;
      double m = (a + b) / 2;
      if (a > 0) {
        divergence += a * Math.log(a / m);
      }
      if (b > 0) {
        divergence += b * Math.log(b / m);
      }
    }
    divergence /= 2 * Math.log(2);
    return Math.sqrt(Math.max(0, divergence));
  }

  /**
   * Hellinger distance, {@code sqrt(sum((sqrt p - sqrt q)^2)) / sqrt 2}, in {@code [0, 1]}.
   *
   * @param p reference proportions
   * @param q current proportions
   * @return the distance
   * @throws IllegalArgumentException if the lengths differ or are 0, a proportion is outside [0, 1],
   *     or a vector does not sum to 1 within {@value #SUM_TOLERANCE}
   */
  public static double hellinger(double[] p, double[] q) {
    check(p, q);
    checkSums(p, q);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
      sum += d * d;
    }
    return Math.sqrt(sum) / Math.sqrt(2);
  }

  /**
   * Total variation distance, {@code sum(|p - q|) / 2}, in {@code [0, 1]}.
   *
   * @param p reference proportions
   * @param q current proportions
   * @return the distance
   * @throws IllegalArgumentException if the lengths differ or are 0, a proportion is outside [0, 1],
   *     or a vector does not sum to 1 within {@value #SUM_TOLERANCE}
   */
  public static double totalVariation(double[] p, double[] q) {
    check(p, q);
    checkSums(p, q);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      sum += Math.abs(p[i] - q[i]);
    }
    return sum / 2;
  }

  private static void check(double[] p, double[] q) {
    if (p == null || q == null) {
      throw new NullPointerException(p == null ? "p" : "q");
    }
    if (p.length != q.length || p.length == 0) {
      throw new IllegalArgumentException("proportions must have the same, non-zero length, were "
          + p.length + " and " + q.length);
    }
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1) || !(q[i] >= 0 && q[i] <= 1)) {
        throw new IllegalArgumentException("proportions must be in [0, 1]; bin " + i + " holds " + p[i] + " and " + q[i]);
      }
    }
  }

  private static void checkSums(double[] p, double[] q) {
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i];
      sq += q[i];
    }
    if (Math.abs(sp - 1) > SUM_TOLERANCE || Math.abs(sq - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("proportions must sum to 1 (within " + SUM_TOLERANCE + "); p sums to " + sp
          + " and q to " + sq);
    }
  }

  private static double orEpsilon(double proportion, double epsilon) {
    return proportion == 0 ? epsilon : proportion;
  }

  private static void checkEpsilon(double epsilon) {
    if (!(epsilon > 0 && epsilon < 1)) {
      throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
    }
  }
}
