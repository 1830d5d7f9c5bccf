package dev.mlops.core.internal;

/** Not public API. Quantiles of sorted samples. */
public final class Quantiles {
  private Quantiles() {}

  /**
   * The {@code q}-quantile of sorted values with linear interpolation between the order statistics
   * at {@code q (n - 1)}: numpy's default ({@code method='linear'}), including its way of
   * interpolating from the upper neighbour when the fraction is at least one half.
   *
   * @param sorted values in ascending order
   * @param q the quantile, in {@code [0, 1]}
   * @return the quantile, or {@code NaN} for no values
   */
  public static double linear(double[] sorted, double q) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double position = q * (n - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, n - 1);
    double t = position - lower;
    double a = sorted[lower];
    double b = sorted[upper];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
