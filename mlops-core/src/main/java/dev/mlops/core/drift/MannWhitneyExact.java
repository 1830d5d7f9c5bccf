package dev.mlops.core.drift;

/**
 * The exact null distribution of the Mann-Whitney U statistic for small samples without ties: the
 * number of ways to reach each U is the coefficient of the Gaussian binomial
 * {@code [n1 + n2 choose n1]_q}, built as a product of {@code (1 - q^(n2 + i)) / (1 - q^i)}.
 */
final class MannWhitneyExact {
  private MannWhitneyExact() {}

  /** P(U >= u) under the null hypothesis. */
  static double survival(int n1, int n2, long u) {
    int m = Math.min(n1, n2);
    int n = Math.max(n1, n2);
    int maxU = m * n;
    double[] c = new double[maxU + 1];
    c[0] = 1;
    int degree = 0;
    for (int i = 1; i <= m; i++) {
      // multiply by (1 - q^(n + i))
      int shift = n + i;
      int newDegree = degree + shift;
      for (int k = Math.min(newDegree, maxU + i); k >= shift; k--) {
        if (k <= maxU && k - shift <= degree) {
          c[k] -= c[k - shift];
        }
      }
      degree = Math.min(newDegree, maxU + i);
      // divide by (1 - q^i): running sums with stride i
      for (int k = i; k <= maxU; k++) {
        c[k] += c[k - i];
      }
      degree -= i;
    }
    double total = 0;
    for (double v : c) {
      total += v;
    }
    double tail = 0;
    for (long k = Math.max(0, u); k <= maxU; k++) {
      tail += c[(int) k];
    }
    return tail / total;
  }
}
