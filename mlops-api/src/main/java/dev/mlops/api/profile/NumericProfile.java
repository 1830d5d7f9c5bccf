package dev.mlops.api.profile;

/**
 * The profile of a numeric (or timestamp, in epoch microseconds) column: counts, moments of the
 * finite values, extremes, and a quantile sketch with a stated rank error.
 */
public interface NumericProfile extends ColumnProfile {
  /** @return the number of NaN values */
  long nanCount();

  /** @return the number of infinite values */
  long infiniteCount();

  /** @return the number of finite values, which the moments and quantiles describe */
  long finiteCount();

  /** @return the mean of the finite values, or NaN for none */
  double mean();

  /** @return the sample variance (n - 1) of the finite values, or NaN for fewer than two */
  double variance();

  /** @return the smallest finite value, or NaN for none */
  double min();

  /** @return the largest finite value, or NaN for none */
  double max();

  /**
   * Returns an approximate quantile of the finite values.
   *
   * @param q the quantile, in [0, 1]
   * @return a value whose rank is within {@link #rankError()} of {@code q}, or NaN for no values
   */
  double quantile(double q);

  /**
   * Returns the approximate normalized rank of {@code value} among the finite values.
   *
   * @param value a value
   * @return the share of values at or below it, within {@link #rankError()}, or NaN for no values
   */
  double rank(double value);

  /** @return the sketch's normalized rank error (with 99% confidence) */
  double rankError();
}
