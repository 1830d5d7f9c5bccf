package dev.mlops.api.monitor;

/**
 * Estimates a binary classifier's performance from its scores alone, before the labels arrive. A
 * serving monitor keeps one {@link Accumulator} per stripe of a window and merges them when the
 * window closes. {@code dev.mlops.core.monitor.Cbpe} (confidence-based performance estimation) is
 * the built-in implementation.
 *
 * <pre>{@code
 * PerformanceEstimator estimator = Cbpe.of(IsotonicCalibrator.fit(referenceScores, referenceLabels), 0.5);
 * PerformanceEstimator.Accumulator window = estimator.accumulator();
 * window.add(score);                           // per prediction
 * PerformanceEstimate estimate = window.estimate();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe; their accumulators need not be.
 */
public interface PerformanceEstimator {

  /**
   * Returns the raw score at and above which the model predicts positive. A monitor uses it as the
   * decision threshold when it matches late labels with predictions.
   *
   * @return the decision threshold, finite
   */
  double threshold();

  /** @return a new, empty accumulator */
  Accumulator accumulator();

  /**
   * Estimates performance on a batch of raw scores.
   *
   * @param rawScores the model's raw scores
   * @return the estimate
   * @throws NullPointerException if the scores are null
   * @throws IllegalArgumentException if there are no scores or a score cannot be taken
   */
  PerformanceEstimate estimate(double[] rawScores);

  /**
   * Running sums for one window of rows: mutable, mergeable, and not necessarily thread-safe.
   *
   * <pre>{@code
   * PerformanceEstimator.Accumulator a = estimator.accumulator();   // one per thread or partition
   * PerformanceEstimator.Accumulator b = estimator.accumulator();
   * a.add(0.91);
   * b.add(0.12);
   * a.merge(b);                                                    // a now covers both
   * }</pre>
   */
  interface Accumulator {
    /**
     * Adds one prediction.
     *
     * @param rawScore the model's raw score
     * @throws IllegalArgumentException if the score cannot be taken (not finite, or out of the
     *     calibrator's domain); the accumulator is then unchanged
     */
    void add(double rawScore);

    /**
     * Adds another accumulator's rows to this one; the other is unchanged.
     *
     * @param other an accumulator of an equal estimator
     * @return this accumulator
     * @throws NullPointerException if other is null
     * @throws IllegalArgumentException if the other belongs to a different estimator
     */
    Accumulator merge(Accumulator other);

    /** @return the number of rows added (including merged ones) */
    long count();

    /**
     * Estimates performance over the rows added so far.
     *
     * @return the estimate
     */
    PerformanceEstimate estimate();
  }
}
