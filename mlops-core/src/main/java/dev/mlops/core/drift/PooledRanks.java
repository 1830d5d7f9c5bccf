package dev.mlops.core.drift;

/**
 * Midranks of two sorted samples in their pooled sample, found in one merge (no sort, no boxing),
 * with the tie correction term {@code sum(t^3 - t)} over groups of tied values.
 */
final class PooledRanks {
  private PooledRanks() {}

  /**
   * Fills {@code ra} and {@code rb} with the 1-based midranks of the sorted samples {@code a} and
   * {@code b} in the pooled sample.
   *
   * @return {@code sum(t^3 - t)} over tie groups (0 when there are no ties)
   */
  static double midranks(double[] a, double[] b, double[] ra, double[] rb) {
    int i = 0;
    int j = 0;
    int rank = 0;
    double tieTerm = 0;
    while (i < a.length || j < b.length) {
      double v = i < a.length && (j >= b.length || a[i] <= b[j]) ? a[i] : b[j];
      int i0 = i;
      int j0 = j;
      while (i < a.length && a[i] == v) {
        i++;
      }
      while (j < b.length && b[j] == v) {
        j++;
      }
      int tied = (i - i0) + (j - j0);
      double mid = rank + (tied + 1) / 2.0;
      for (int q = i0; q < i; q++) {
        ra[q] = mid;
      }
      for (int q = j0; q < j; q++) {
        rb[q] = mid;
      }
      rank += tied;
      tieTerm += (double) tied * tied * tied - tied;
    }
    return tieTerm;
  }
}
