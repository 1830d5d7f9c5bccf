package dev.mlops.core.profile;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.core.drift.Distances;
import dev.mlops.core.internal.Kolmogorov;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Drift computed from two profiles alone: a reference profile saved once is all a later check
 * needs. Every result states how far the sketches may put it from the exact value.
 *
 * <ul>
 *   <li>Kolmogorov-Smirnov: the largest gap between the two sketched CDFs, evaluated at every
 *       retained item of both sketches. Each sketched CDF is within its rank error ε of the true one,
 *       so the statistic is within ε1 + ε2 of the exact D; the p-value is given as the interval of
 *       Kolmogorov p-values over [D - ε1 - ε2, D + ε1 + ε2] rather than as one number (SciPy's
 *       {@code kstwo.sf} at {@code round(n m / (n + m))}, as the two-sample test, computed as a
 *       tail probability so that it keeps its precision down to about 1e-300).
 *   <li>PSI, Jensen-Shannon, Hellinger (numeric): proportions in bins cut at the reference sketch's
 *       deciles, each proportion within 2ε of the exact one; the stated bound is the sum of the
 *       proportion errors, a loose bound on the change of the distance.
 *   <li>Categorical: proportions of the frequent items (exact while a column has at most 192
 *       distinct values; beyond that the remainder forms one "other" bucket).
 * </ul>
 *
 * @see dev.mlops.core.drift.Drift for exact drift on raw data
 */
public final class ProfileDrift {
  private ProfileDrift() {}

  /**
   * A statistic from profiles, with its approximation error.
   *
   * @param method the method
   * @param statistic the statistic
   * @param errorBound how far the exact statistic may be from this one
   * @param pValueLow the smallest p-value consistent with the bound (KS), else NaN
   * @param pValueHigh the largest p-value consistent with the bound (KS), else NaN
   */
  public record Score(DriftMethod method, double statistic, double errorBound, double pValueLow, double pValueHigh) {}

  /**
   * Compares two numeric profiles.
   *
   * @param reference the reference profile
   * @param current the current profile
   * @param method KOLMOGOROV_SMIRNOV, PSI, JENSEN_SHANNON or HELLINGER
   * @return the score with its error bound
   * @throws IllegalArgumentException if a profile has no finite values or the method is not supported
   */
  public static Score compare(NumericProfile reference, NumericProfile current, DriftMethod method) {
    requireNonNull(reference, "reference");
    requireNonNull(current, "current");
    requireNonNull(method, "method");
    NumericColumnProfile ref = cast(reference);
    NumericColumnProfile cur = cast(current);
    if (ref.finiteCount() == 0 || cur.finiteCount() == 0) {
      throw new IllegalArgumentException("column '" + ref.name() + "': a profile has no finite value to compare");
    }
    KllDoublesSketch a = ref.sketch();
    KllDoublesSketch b = cur.sketch();
    double ea = ref.rankError();
    double eb = cur.rankError();
    if (method == DriftMethod.KOLMOGOROV_SMIRNOV) {
      TreeSet<Double> points = new TreeSet<>();
      for (KllDoublesSketch s : new KllDoublesSketch[] {a, b}) {
        var it = s.iterator();
        while (it.next()) {
          points.add(it.getQuantile());
        }
      }
      double d = 0;
      for (double x : points) {
        d = Math.max(d, Math.abs(a.getRank(x, QuantileSearchCriteria.INCLUSIVE) - b.getRank(x, QuantileSearchCriteria.INCLUSIVE)));
      }
      double bound = ea + eb;
      double n = ref.finiteCount();
      double m = cur.finiteCount();
      long en = Math.max(1, Math.round(n * m / (n + m)));
      double high = Kolmogorov.sf(en, d - bound);
      double low = Kolmogorov.sf(en, d + bound);
      return new Score(method, d, bound, low, high);
    }
    double[] edges = new double[9];
    for (int i = 1; i <= 9; i++) {
      edges[i - 1] = a.getQuantile(i / 10.0, QuantileSearchCriteria.INCLUSIVE);
    }
    double[] p = proportions(a, edges);
    double[] q = proportions(b, edges);
    double bound = 2 * (ea + eb) * p.length;
    return new Score(method, distance(method, p, q), bound, Double.NaN, Double.NaN);
  }

  /**
   * Compares two categorical profiles over their frequent items (plus an "other" bucket).
   *
   * @param reference the reference profile
   * @param current the current profile
   * @param method PSI, JENSEN_SHANNON, HELLINGER or TOTAL_VARIATION
   * @return the score; the error bound is 0 while both frequent-item lists are exact
   */
  public static Score compare(CategoricalProfile reference, CategoricalProfile current, DriftMethod method) {
    requireNonNull(reference, "reference");
    requireNonNull(current, "current");
    requireNonNull(method, "method");
    Map<String, long[]> counts = new LinkedHashMap<>();
    long[] totals = {reference.count() - reference.nullCount(), current.count() - current.nullCount()};
    if (totals[0] == 0 || totals[1] == 0) {
      throw new IllegalArgumentException("column '" + reference.name() + "': a profile has no value to compare");
    }
    double error = 0;
    List<List<CategoricalProfile.FrequentItem>> sides = List.of(reference.frequentItems(), current.frequentItems());
    for (int s = 0; s < 2; s++) {
      for (CategoricalProfile.FrequentItem f : sides.get(s)) {
        counts.computeIfAbsent(f.value(), k -> new long[2])[s] = f.estimate();
        error += (double) (f.upperBound() - f.lowerBound()) / totals[s];
      }
    }
    double[] p = new double[counts.size() + 1];
    double[] q = new double[counts.size() + 1];
    int i = 0;
    long[] seen = new long[2];
    for (long[] c : counts.values()) {
      p[i] = (double) c[0] / totals[0];
      q[i] = (double) c[1] / totals[1];
      seen[0] += c[0];
      seen[1] += c[1];
      i++;
    }
    p[i] = Math.max(0, (double) (totals[0] - seen[0]) / totals[0]);
    q[i] = Math.max(0, (double) (totals[1] - seen[1]) / totals[1]);
    // Beyond 192 distinct values the item estimates are upper estimates and may add up to more than
    // the column: scale them back to proportions (the error bound above covers the difference).
    normalise(p);
    normalise(q);
    return new Score(method, distance(method, p, q), error, Double.NaN, Double.NaN);
  }

  private static void normalise(double[] p) {
    double sum = 0;
    for (double v : p) {
      sum += v;
    }
    if (sum > 1) {
      for (int i = 0; i < p.length; i++) {
        p[i] /= sum;
      }
    }
  }

  private static double[] proportions(KllDoublesSketch s, double[] edges) {
    double[] p = new double[edges.length + 1];
    double previous = 0;
    for (int i = 0; i < edges.length; i++) {
      double r = s.getRank(edges[i], QuantileSearchCriteria.INCLUSIVE);
      p[i] = Math.max(0, r - previous);
      previous = Math.max(previous, r);
    }
    p[edges.length] = Math.max(0, 1 - previous);
    return p;
  }

  private static double distance(DriftMethod method, double[] p, double[] q) {
    return switch (method) {
      case PSI -> Distances.psi(p, q, Distances.DEFAULT_EPSILON);
      case JENSEN_SHANNON -> Distances.jensenShannon(p, q);
      case HELLINGER -> Distances.hellinger(p, q);
      case TOTAL_VARIATION -> Distances.totalVariation(p, q);
      default -> throw new IllegalArgumentException(method + " is not computed from profiles");
    };
  }

  private static NumericColumnProfile cast(NumericProfile p) {
    if (!(p instanceof NumericColumnProfile n)) {
      throw new IllegalArgumentException("profile of '" + p.name() + "' was not made by Profiles");
    }
    return n;
  }
}
