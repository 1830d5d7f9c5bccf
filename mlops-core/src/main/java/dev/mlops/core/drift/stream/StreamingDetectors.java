package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * Factories of streaming drift detectors with their papers' default parameters; each detector's
 * {@code builder()} sets other parameters ({@link Adwin#builder()}, {@link Kswin#builder()},
 * {@link Ddm#builder()}, {@link Eddm#builder()}, {@link HddmA#builder()}, {@link HddmW#builder()},
 * {@link PageHinkley#builder()}).
 *
 * <pre>{@code
 * StreamingDriftDetector adwin = StreamingDetectors.adwin();
 * StreamingDriftDetector ph = PageHinkley.builder().minObservations(30).delta(0.5).threshold(50).build();
 * StreamingDriftDetector hddm = HddmA.builder().twoSided().build();
 * StreamingDriftDetector asInRiver = PageHinkley.builder().conventions(Conventions.RIVER).side(Side.BOTH).build();
 * }</pre>
 *
 * <p>Every detector restarts after a DRIFT (so {@code observations()} counts the values since the
 * last one), takes MOA's and River's parameters through its builder, and follows MOA's or River's
 * implementation where the two differ ({@link Conventions}); each builder says which is its default
 * and why. With the matching conventions and parameters, the detectors signal at MOA 2024.07's and
 * River's own indices on those libraries' test streams (mlops-core's {@code MoaCasesTest} and
 * {@code RiverCasesTest}); KSWIN, which samples at random, is checked by its statistics instead.
 *
 * <ul>
 *   <li>{@link #adwin()}: Bifet and Gavaldà (2007), ADWIN2, on any bounded values: delta 0.002,
 *       5 buckets per size, a check every 32 values once over 10 values, restarting after a drift;
 *       O(log W) memory.
 *   <li>{@link #kswin(long)}: Raab, Heusinger and Schleif (2020), on any values: alpha 0.005,
 *       window 100, 30 values compared by Kolmogorov-Smirnov, seeded sampling, the window emptied
 *       after a drift.
 *   <li>{@link #ddm()}: Gama, Medas, Castillo and Rodrigues (2004), on a 0/1 error stream: warning
 *       at p + s &gt; p_min + 2 s_min, drift at p_min + 3 s_min, once more than 30 observations
 *       were seen.
 *   <li>{@link #eddm()}: Baena-García et al. (2006), on a 0/1 error stream, from the distances between
 *       errors: warning when (m + 2s) / max(m + 2s) &lt; 0.95, drift below 0.90, the maximum taken
 *       after 30 values and tested after 30 errors.
 *   <li>{@link #hddmA()}: Frías-Blanco et al. (2015), the A-test, on values in [0, 1]: averages and
 *       Hoeffding's bound, drift confidence 0.001, warning confidence 0.005, one-sided (an increase)
 *       unless built {@code twoSided()}.
 *   <li>{@link #hddmW()}: Frías-Blanco et al. (2015), the W-test, on values in [0, 1]: exponentially
 *       weighted moving averages (lambda 0.05) and McDiarmid's bound, the same confidences and sides.
 *   <li>{@link #pageHinkley()}: Page (1954) / Hinkley, on any values: delta 0.005, threshold 50,
 *       forgetting factor 1 - 1e-4, after 30 observations, increases (MOA's statistic). Delta and
 *       threshold are in the data's units: the defaults suit small-variance signals such as error
 *       rates; for a unit-variance feature they alarm on noise, so set delta to about half the
 *       shift that matters.
 * </ul>
 *
 * Measured behaviour (StreamingDetectorsTest, 50 seeds each): DDM, on Bernoulli(0.1) errors, raised
 * a false drift within 10,000 observations in 21 of 50 runs (median first false alarm beyond
 * 20,000) and detected a jump to 0.3 after a median of 119 observations; EDDM detected a jump from
 * 0.1 to 0.4 after a median of 34 observations but raised its first false alarm after a median of
 * only 325 (its known weakness, MOA's too); Page-Hinkley with delta 0.5 and threshold 50 on N(0, 1) values
 * raised no false drift in 10,000 observations in any of 50 runs and detected a one-standard-
 * deviation shift up or down after a median of 97 and 94 observations (River's statistic, both sides);
 * ADWIN raised no false drift in 10,000 Bernoulli(0.2) values in any of 50 runs and detected a
 * jump to 0.6 after a median of 55; KSWIN detected a two-standard-deviation mean shift after a
 * median of 15 values but, testing at every value, raised its first false drift on N(0, 1) after a
 * median of 553 (and is weak against scale changes: 30 against 30 values). HDDM-A (HddmTest, the
 * same Bernoulli(0.2) stream as ADWIN) raised a false drift within 10,000 values in 2 of 50 runs
 * (2 two-sided too; median first false alarm beyond 20,000), detected a jump to 0.6 after a median
 * of 26 values, a linear ramp from 0.2 to 0.6 over 1,000 values after a median of 435 from its
 * start, and, two-sided, a drop from 0.6 to 0.2 after 36; HDDM-W raised a false drift in 19 of 50
 * runs (24 two-sided; median first false alarm 13,039) and detected the jump after 17, the ramp
 * after 399 and the drop after 16. Both compare with a bound for the worst case in [0, 1]: on
 * low-variance values HDDM-W with lambda 0.05 misses a steady shift of 0.2 (the bound stays near
 * 0.42), which lambda 0.01 catches after a median of 147. On the moa-ref peer's 10,000,000
 * Bernoulli(0.2) values, under MOA's conventions, each signals exactly as often as MOA 2024.07
 * (ADWIN once against MOA's raw class's 5, which keeps re-cutting its window). Throughput side by
 * side with MOA by the peer's method (one JVM per detector, 2 warm-up and 3 timed passes, median),
 * in three interleaved runs on a shared 2-core machine whose load varied, as a multiple of MOA's
 * updates per second: ADWIN 2.4 to 3.1, DDM 1.1 to 3.0, HDDM-A 1.4 to 3.8, HDDM-W 4.7 to 6.9,
 * Page-Hinkley 0.9 to 1.1 and EDDM 0.5 to 0.9 (Page-Hinkley keeps MOA's running mean, a division
 * on every value, for bit-for-bit equal statistics; EDDM's correct predictions cost a counter
 * increment in both); see StreamingBenchmark for JMH figures. Every detector but
 * KSWIN updates without allocating; mlops-testing's {@code StreamingDetectorContractTest} checks the
 * contract of {@link dev.mlops.api.drift.StreamingDriftDetector} on each.
 */
public final class StreamingDetectors {
  private StreamingDetectors() {}

  /**
   * Returns ADWIN with the paper's defaults: confidence delta 0.002, at most 5 buckets per size,
   * a cut checked every 32 values once the window holds more than 10, MOA's cut sides. Like the
   * others it restarts on drift, as River's ADWIN and MOA's detector wrappers do. Other settings:
   * {@link Adwin#builder()}.
   *
   * @return the detector
   */
  public static StreamingDriftDetector adwin() {
    return Adwin.builder().build();
  }

  /**
   * Returns KSWIN with the paper's defaults: alpha 0.005, a window of 100, 30 values compared, the
   * given seed for the sampling (same stream and seed, same alarms), the window emptied after a
   * drift (as in River). Other settings:
   * {@link Kswin#builder()}.
   *
   * @param seed the sampling seed
   * @return the detector
   */
  public static StreamingDriftDetector kswin(long seed) {
    return Kswin.builder().seed(seed).build();
  }

  /**
   * Returns DDM with the paper's defaults: warning level 2, drift level 3, tested once more than 30
   * observations were seen (River's warm-up). Other settings: {@link Ddm#builder()}.
   *
   * @return the detector
   */
  public static StreamingDriftDetector ddm() {
    return Ddm.builder().build();
  }

  /**
   * Returns EDDM with the paper's defaults: warning ratio 0.95, drift ratio 0.90, the maximum
   * taken after 30 values and tested after 30 errors, MOA's conventions. Other settings:
   * {@link Eddm#builder()}.
   *
   * @return the detector
   */
  public static StreamingDriftDetector eddm() {
    return Eddm.builder().build();
  }

  /**
   * Returns a Page-Hinkley detector of increases with MOA's and River's defaults: 30 observations
   * before an alarm, delta 0.005, threshold 50, forgetting factor 1 - 1e-4, MOA's statistic.
   * Decreases, and River's statistic: {@link PageHinkley#builder()}.
   *
   * @return the detector
   */
  public static StreamingDriftDetector pageHinkley() {
    return PageHinkley.builder().build();
  }

  /**
   * Returns HDDM-A with the paper's defaults: drift confidence 0.001, warning confidence 0.005,
   * one-sided (an increase of the mean, as of an error rate). Takes values in [0, 1]: 0/1 errors
   * or any bounded loss scaled into [0, 1]. Measured on Bernoulli(0.2) errors over 50 seeds: a false
   * drift within 10,000 values in 8 runs; a jump to 0.6 detected after a median of 23 values, a
   * 1,000-value ramp to 0.6 after 411. Like DDM it resets itself on drift; the warning level is the
   * same test at the warning confidence. Other settings, two sides among them: {@link HddmA#builder()}.
   *
   * @return the detector
   */
  public static StreamingDriftDetector hddmA() {
    return HddmA.builder().build();
  }

  /**
   * Returns HDDM-W with the paper's defaults: drift confidence 0.001, warning confidence 0.005,
   * lambda 0.05, one-sided (an increase of the mean, as of an error rate). Takes values in [0, 1].
   * Measured on Bernoulli(0.2) errors over 50 seeds: a false drift within 10,000 values in 19 runs;
   * a jump to 0.6 detected after a median of 17 values, a 1,000-value ramp to 0.6 after 399. Quicker
   * than HDDM-A on abrupt change, noisier, and blind to small steady shifts of low-variance values
   * at this lambda (see {@link HddmW.Builder#lambda}). Other settings: {@link HddmW#builder()}.
   *
   * @return the detector
   */
  public static StreamingDriftDetector hddmW() {
    return HddmW.builder().build();
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
