package dev.mlops.core.gate;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's test on paired classifications, from the discordant counts: {@code b} rows only the
 * candidate got right, {@code c} rows only the baseline did. Under the null hypothesis
 * {@code min(b, c)} is Binomial(b + c, 1/2).
 */
final class McNemar {
  private McNemar() {}

  /**
   * The two-sided exact p-value, {@code min(1, 2 P(X <= min(b, c)))}, or the mid-p value, which
   * subtracts {@code P(X = min(b, c))} (Fagerland, Lydersen and Laake 2013).
   */
  static double pValue(long b, long c, boolean midP) {
    long n = b + c;
    if (n == 0) {
      return 1.0;
    }
    BinomialDistribution x = new BinomialDistribution(null, (int) n, 0.5);
    int k = (int) Math.min(b, c);
    double exact = Math.min(1.0, 2 * x.cumulativeProbability(k));
    return midP ? Math.max(0.0, exact - x.probability(k)) : exact;
  }
}
