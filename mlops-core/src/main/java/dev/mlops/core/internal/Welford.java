package dev.mlops.core.internal;

/**
 * Not public API. Running count, mean and sum of squared deviations (Welford's update), for means
 * and standard deviations in one numerically stable pass.
 */
public final class Welford {
  private long count;
  private double mean;
  private double m2;

  /**
   * Adds a value (callers pass finite values only).
   *
   * @param x the value
   */
  public void add(double x) {
    count++;
    double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }

  /** @return the number of values added */
  public long count() {
    return count;
  }

  /** @return the mean, or {@code NaN} for no values */
  public double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  /** @return the sample standard deviation (n - 1 in the denominator), or {@code NaN} for fewer than 2 values */
  public double sampleStddev() {
    return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
  }
}
