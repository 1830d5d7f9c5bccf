package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * HDDM-A, the A-test of Frías-Blanco et al. (2015): averages compared with Hoeffding's bound, on
 * values in [0, 1].
 *
 * <p>With {@code Z} the mean of all {@code n} values since the last reset and {@code X} the mean
 * of the first {@code k}, Hoeffding's inequality for the weighted sum {@code Z - X} gives, when
 * the mean has not changed, {@code P(Z - X >= eps) <= alpha} for
 * {@code eps = sqrt((n - k) / (2 k n) * ln(1 / alpha))}. The cut point {@code k} is the prefix
 * whose mean has the smallest upper bound {@code X_k + sqrt(ln(1 / alpha_D) / (2 k))}, the best
 * estimate of the mean before an increase; drift when {@code Z - X >= eps} at {@code alpha_D},
 * warning at {@code alpha_W}. The two-sided test adds the mirror image for a decrease: the prefix
 * with the largest lower bound, and {@code X - Z >= eps}. O(1) time and memory, no allocation
 * per update. Resets itself on drift.
 *
 * <pre>{@code
 * StreamingDriftDetector hddm = HddmA.builder().driftConfidence(0.0005).twoSided().build();
 * }</pre>
 *
 * Defaults (the paper's): drift confidence 0.001, warning confidence 0.005, one-sided (an increase
 * of the mean, as of an error rate).
 */
public final class HddmA implements StreamingDriftDetector {
  private final double driftConfidence;
  private final double warningConfidence;
  private final double driftLog;
  private final double warningLog;
  private final boolean twoSided;
  private long n;
  private double sum;
  /** The prefix with the smallest upper bound (increase): its length, mean and mean + bound. */
  private long lowN;
  private double lowMean;
  private double lowUpper;
  /** The prefix with the largest lower bound (decrease): its length, mean and mean - bound. */
  private long highN;
  private double highMean;
  private double highLower;

  private HddmA(Builder b) {
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.driftLog = Math.log(1 / b.driftConfidence);
    this.warningLog = Math.log(1 / b.warningConfidence);
    this.twoSided = b.twoSided;
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DetectorState update(double value) {
    StreamingDetectors.checkUnit("HDDM-A", value);
    n++;
    sum += value;
    double mean = sum / n;
    double bound = Math.sqrt(driftLog / (2.0 * n));
    if (mean + bound < lowUpper) {
      lowN = n;
      lowMean = mean;
      lowUpper = mean + bound;
    }
    // (n - k) / (k n), halved: the squared bound is half of it times ln(1 / alpha).
    double up = mean - lowMean;
    double upSpread = (1.0 / lowN - 1.0 / n) * 0.5;
    if (!twoSided) {
      return verdict(up, upSpread);
    }
    if (mean - bound > highLower) {
      highN = n;
      highMean = mean;
      highLower = mean - bound;
    }
    double down = highMean - mean;
    double downSpread = (1.0 / highN - 1.0 / n) * 0.5;
    if (exceeds(up, upSpread, driftLog) || exceeds(down, downSpread, driftLog)) {
      reset();
      return DetectorState.DRIFT;
    }
    return exceeds(up, upSpread, warningLog) || exceeds(down, downSpread, warningLog)
        ? DetectorState.WARNING
        : DetectorState.STABLE;
  }

  private DetectorState verdict(double diff, double spread) {
    if (exceeds(diff, spread, driftLog)) {
      reset();
      return DetectorState.DRIFT;
    }
    return exceeds(diff, spread, warningLog) ? DetectorState.WARNING : DetectorState.STABLE;
  }

  /** {@code diff >= sqrt(spread * log)} without the square root; nothing after the cut never exceeds. */
  private static boolean exceeds(double diff, double spread, double log) {
    return diff > 0 && diff * diff >= spread * log;
  }

  @Override
  public void reset() {
    n = 0;
    sum = 0;
    lowN = 0;
    lowMean = 0;
    lowUpper = Double.POSITIVE_INFINITY;
    highN = 0;
    highMean = 0;
    highLower = Double.NEGATIVE_INFINITY;
  }

  @Override
  public long observations() {
    return n;
  }

  @Override
  public String toString() {
    return "HddmA[driftConfidence=" + driftConfidence + ", warningConfidence=" + warningConfidence
        + (twoSided ? ", two-sided" : ", one-sided") + "]";
  }

  /**
   * Builds a {@link HddmA} detector. Each setter validates at once and may be called once; a
   * second call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private double driftConfidence = 0.001;
    private double warningConfidence = 0.005;
    private boolean twoSided;

    private Builder() {}

    /**
     * @param driftConfidence the drift test's significance, in (0, 1): smaller means fewer false
     *     alarms, slower detection; default 0.001
     * @return this builder
     */
    public Builder driftConfidence(double driftConfidence) {
      Calls.unitOpen("driftConfidence", driftConfidence);
      calls.once("driftConfidence", "driftConfidence(" + driftConfidence + ")");
      this.driftConfidence = driftConfidence;
      return this;
    }

    /**
     * @param warningConfidence the warning test's significance, in (0, 1) and at least the drift
     *     confidence; default 0.005
     * @return this builder
     */
    public Builder warningConfidence(double warningConfidence) {
      Calls.unitOpen("warningConfidence", warningConfidence);
      calls.once("warningConfidence", "warningConfidence(" + warningConfidence + ")");
      this.warningConfidence = warningConfidence;
      return this;
    }

    /**
     * Detects decreases of the mean as well as increases (by default only increases, as of an
     * error rate).
     *
     * @return this builder
     */
    public Builder twoSided() {
      calls.once("sides", "twoSided()");
      this.twoSided = true;
      return this;
    }

    /**
     * @return a new detector
     * @throws IllegalArgumentException if the warning confidence is below the drift confidence
     */
    public HddmA build() {
      Calls.confidences(driftConfidence, warningConfidence);
      return new HddmA(this);
    }
  }
}
