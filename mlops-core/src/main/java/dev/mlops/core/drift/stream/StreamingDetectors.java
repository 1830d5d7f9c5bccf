package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * Factories of streaming drift detectors with their papers' default parameters.
 *
 * <ul>
 *   <li>{@link #adwin()}: Bifet and Gavaldà (2007), ADWIN2, on any bounded values: delta 0.002,
 *       5 buckets per size, a check every 32 values; O(log W) memory.
 *   <li>{@link #kswin(long)}: Raab, Heusinger and Schleif (2020), on any values: alpha 0.005,
 *       window 100, 30 values compared by Kolmogorov-Smirnov, seeded sampling.
 *   <li>{@link #ddm()}: Gama, Medas, Castillo and Rodrigues (2004), on a 0/1 error stream: warning
 *       at p + s &gt;= p_min + 2 s_min, drift at p_min + 3 s_min, after 30 observations.
 *   <li>{@link #eddm()}: Baena-García et al. (2006), on a 0/1 error stream, from the distances between
 *       errors: warning when (m + 2s) / max(m + 2s) &lt; 0.95, drift below 0.90, after 30 errors.
 *   <li>{@link #hddmA()}: Frías-Blanco et al. (2015), the A-test, on values in [0, 1]: averages and
 *       Hoeffding's bound, drift confidence 0.001, warning confidence 0.005, one-sided (an increase)
 *       unless asked for two sides.
 *   <li>{@link #hddmW()}: Frías-Blanco et al. (2015), the W-test, on values in [0, 1]: exponentially
 *       weighted moving averages (lambda 0.05) and McDiarmid's bound, the same confidences and sides.
 *   <li>{@link #pageHinkley()}: Page (1954) / Hinkley, two-sided, on any values: delta 0.005,
 *       threshold 50, forgetting factor 1 - 1e-4, after 30 observations (River's defaults). Delta and
 *       threshold are in the data's units: the defaults suit small-variance signals such as error
 *       rates; for a unit-variance feature they alarm on noise, so set delta to about half the
 *       shift that matters.
 * </ul>
 *
 * Measured behaviour (StreamingDetectorsTest, 50 seeds each): DDM, on Bernoulli(0.1) errors, raised
 * a false drift within 10,000 observations in 21 of 50 runs (median first false alarm beyond
 * 20,000) and detected a jump to 0.3 after a median of 113 observations; EDDM detected a jump from
 * 0.1 to 0.4 after a median of 31 observations but raised its first false alarm after a median of
 * only 309 (its known weakness); Page-Hinkley with delta 0.5 and threshold 50 on N(0, 1) values
 * raised no false drift in 10,000 observations in any of 50 runs and detected a one-standard-
 * deviation shift up or down after a median of 107 observations; ADWIN raised no false drift in
 * 10,000 Bernoulli(0.2) values in any of 50 runs, detected a jump to 0.6 after a median of 55 and
 * then held only the new regime; KSWIN detected a two-standard-deviation mean shift after a
 * median of 15 values but, testing at every value, raised its first false drift on N(0, 1) after a
 * median of 553 (and is weak against scale changes: 30 against 30 values). HDDM-A (HddmTest, the
 * same Bernoulli(0.2) stream as ADWIN) raised a false drift within 10,000 values in 8 of 50 runs
 * (8 two-sided too; median first false alarm beyond 20,000), detected a jump to 0.6 after a median
 * of 23 values, a linear ramp from 0.2 to 0.6 over 1,000 values after a median of 411 from its
 * start, and, two-sided, a drop from 0.6 to 0.2 after 31; HDDM-W raised a false drift in 19 of 50
 * runs (24 two-sided; median first false alarm 13,039) and detected the jump after 17, the ramp
 * after 399 and the drop after 16. Both compare with a bound for the worst case in [0, 1]: on
 * low-variance values HDDM-W with lambda 0.05 misses a steady shift of 0.2 (the bound stays near
 * 0.42), which lambda 0.01 catches after a median of 147. Updates cost about 45 ns for ADWIN (22M
 * per second), 8 ns for DDM, 9 ns for Page-Hinkley, 8 ns for HDDM-A (9 ns two-sided) and 5 ns for
 * HDDM-W (7 ns two-sided), with no allocation (StreamingBenchmark, one core).
 */
public final class StreamingDetectors {
  private StreamingDetectors() {}

  /**
   * Returns ADWIN with the paper's defaults: confidence delta 0.002, at most 5 buckets per size,
   * a cut checked every 32 values, parts of at least 5 values. Unlike the others it does not reset
   * on drift: it drops the part of its window that changed and keeps the rest.
   *
   * @return the detector
   */
  public static StreamingDriftDetector adwin() {
    return adwin(0.002);
  }

  /**
   * Returns ADWIN with confidence {@code delta}.
   *
   * @param delta the confidence parameter, in (0, 1): smaller means fewer false alarms, slower detection
   * @return the detector
   */
  public static StreamingDriftDetector adwin(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
    }
    return new Adwin(delta, 5, 32, 5);
  }

  /**
   * Returns KSWIN with the paper's defaults: alpha 0.005, a window of 100, 30 values compared, the
   * given seed for the sampling (same stream and seed, same alarms).
   *
   * @param seed the sampling seed
   * @return the detector
   */
  public static StreamingDriftDetector kswin(long seed) {
    return new Kswin(0.005, 100, 30, seed);
  }

  /** @return a DDM detector with the paper's defaults */
  public static StreamingDriftDetector ddm() {
    return new Ddm(30, 2.0, 3.0);
  }

  /** @return an EDDM detector with the paper's defaults */
  public static StreamingDriftDetector eddm() {
    return new Eddm(30, 0.95, 0.90);
  }

  /** @return a two-sided Page-Hinkley detector with the usual defaults */
  public static StreamingDriftDetector pageHinkley() {
    return pageHinkley(30, 0.005, 50, 1 - 1e-4);
  }

  /**
   * Returns a two-sided Page-Hinkley detector.
   *
   * @param minObservations observations before any alarm, {@code >= 1}
   * @param delta the magnitude of change tolerated, {@code >= 0}
   * @param threshold the cumulative deviation that signals drift, {@code > 0}
   * @param alpha the forgetting factor, in (0, 1]
   * @return the detector
   */
  public static StreamingDriftDetector pageHinkley(int minObservations, double delta, double threshold, double alpha) {
    if (minObservations < 1 || !(delta >= 0) || !(threshold > 0) || !(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("need minObservations >= 1, delta >= 0, threshold > 0, alpha in (0, 1]; got "
          + minObservations + ", " + delta + ", " + threshold + ", " + alpha);
    }
    return new PageHinkley(minObservations, delta, threshold, alpha);
  }

  /**
   * Returns HDDM-A with the paper's defaults: drift confidence 0.001, warning confidence 0.005,
   * one-sided (an increase of the mean, as of an error rate). Takes values in [0, 1]: 0/1 errors
   * or any bounded loss scaled into [0, 1]. Measured on Bernoulli(0.2) errors over 50 seeds: a false
   * drift within 10,000 values in 8 runs; a jump to 0.6 detected after a median of 23 values, a
   * 1,000-value ramp to 0.6 after 411. Like DDM it resets itself on drift; the warning level is the
   * same test at the warning confidence.
   *
   * @return the detector
   */
  public static StreamingDriftDetector hddmA() {
    return hddmA(0.001, 0.005, false);
  }

  /**
   * Returns HDDM-A (Frías-Blanco et al. 2015, the A-test: averages and Hoeffding's bound).
   *
   * @param driftConfidence the drift test's significance, in (0, 1): smaller means fewer false
   *     alarms, slower detection
   * @param warningConfidence the warning test's significance, in [driftConfidence, 1)
   * @param twoSided whether to detect decreases of the mean as well as increases
   * @return the detector
   * @throws IllegalArgumentException if a confidence is out of range
   */
  public static StreamingDriftDetector hddmA(double driftConfidence, double warningConfidence, boolean twoSided) {
    checkConfidences(driftConfidence, warningConfidence);
    return new HddmA(driftConfidence, warningConfidence, twoSided);
  }

  /**
   * Returns HDDM-W with the paper's defaults: drift confidence 0.001, warning confidence 0.005,
   * lambda 0.05, one-sided (an increase of the mean, as of an error rate). Takes values in [0, 1].
   * Measured on Bernoulli(0.2) errors over 50 seeds: a false drift within 10,000 values in 19 runs;
   * a jump to 0.6 detected after a median of 17 values, a 1,000-value ramp to 0.6 after 399. Quicker
   * than HDDM-A on abrupt change, noisier, and blind to small steady shifts of low-variance values
   * at this lambda (see {@link #hddmW(double, double, double, boolean)}).
   *
   * @return the detector
   */
  public static StreamingDriftDetector hddmW() {
    return hddmW(0.001, 0.005, 0.05, false);
  }

  /**
   * Returns HDDM-W (Frías-Blanco et al. 2015, the W-test: exponentially weighted moving averages and
   * McDiarmid's bound).
   *
   * @param driftConfidence the drift test's significance, in (0, 1)
   * @param warningConfidence the warning test's significance, in [driftConfidence, 1)
   * @param lambda the weight of the newest value in the moving averages, in (0, 1]: larger forgets
   *     faster and reacts sooner to abrupt change, but its bound never falls below about
   *     {@code sqrt(lambda / (2 - lambda) * ln(1 / driftConfidence))} (0.42 at the defaults), so a
   *     smaller shift is only caught through the noise around it
   * @param twoSided whether to detect decreases of the mean as well as increases
   * @return the detector
   * @throws IllegalArgumentException if a confidence or lambda is out of range
   */
  public static StreamingDriftDetector hddmW(double driftConfidence, double warningConfidence, double lambda,
      boolean twoSided) {
    checkConfidences(driftConfidence, warningConfidence);
    if (!(lambda > 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1], was " + lambda);
    }
    return new HddmW(driftConfidence, warningConfidence, lambda, twoSided);
  }

  private static void checkConfidences(double drift, double warning) {
    if (!(drift > 0 && drift < 1)) {
      throw new IllegalArgumentException("driftConfidence must be in (0, 1), was " + drift);
    }
    if (!(warning >= drift && warning < 1)) {
      throw new IllegalArgumentException("warningConfidence must be in [driftConfidence, 1) = [" + drift
          + ", 1), was " + warning);
    }
  }

  static void checkUnit(String detector, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(detector + " takes values in [0, 1], got " + value);
    }
  }

  static double checkError(double value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException("an error-rate detector takes 0 (correct) or 1 (error), got " + value);
    }
    return value;
  }
}
