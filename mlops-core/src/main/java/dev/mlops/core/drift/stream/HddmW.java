package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * HDDM-W, the W-test of Frías-Blanco et al. (2015): exponentially weighted moving averages
 * compared with McDiarmid's bound, on values in [0, 1].
 *
 * <p>An EWMA {@code E_t = lambda x_t + (1 - lambda) E_(t-1)}, started at the first value, is a
 * weighted mean whose weights sum to 1; with {@code D} the sum of its squared weights
 * ({@code D_t = lambda^2 + (1 - lambda)^2 D_(t-1)}, {@code D_1 = 1}), McDiarmid's inequality bounds
 * its deviation by {@code sqrt(D / 2 * ln(1 / alpha))}. The cut point is where the EWMA of all
 * values had its smallest upper bound; a second EWMA runs over the values after the cut, and since
 * the two cover disjoint values, their difference is bounded by
 * {@code sqrt((D_cut + D_after) / 2 * ln(1 / alpha))}: drift when the newer exceeds the older by
 * that at {@code alpha_D}, warning at {@code alpha_W}. The two-sided test adds the mirror image for
 * a decrease (the largest lower bound). O(1) time and memory, no allocation per update. Resets
 * itself on drift.
 *
 * <pre>{@code
 * StreamingDriftDetector hddm = HddmW.builder().lambda(0.01).build();
 * }</pre>
 *
 * Defaults (the paper's): drift confidence 0.001, warning confidence 0.005, lambda 0.05, one-sided
 * (an increase of the mean, as of an error rate). Its bound never falls below about
 * {@code sqrt(lambda / (2 - lambda) * ln(1 / driftConfidence))} (0.42 at the defaults), so a smaller
 * shift is only caught through the noise around it: on low-variance values lambda 0.01 catches a
 * steady shift of 0.2 that lambda 0.05 misses.
 */
public final class HddmW implements StreamingDriftDetector {
  private final double driftConfidence;
  private final double warningConfidence;
  private final double lambda;
  private final double keep;
  private final double driftLog;
  private final double warningLog;
  private final boolean twoSided;
  private long n;
  /** The EWMA of every value since the reset and its sum of squared weights. */
  private double total;
  private double totalD;
  /** Increase: the EWMA at the cut (smallest upper bound), its D and upper bound; the EWMA after it. */
  private double low;
  private double lowD;
  private double lowUpper;
  private double afterLow;
  private double afterLowD;
  /** Decrease: the EWMA at the cut (largest lower bound), its D and lower bound; the EWMA after it. */
  private double high;
  private double highD;
  private double highLower;
  private double afterHigh;
  private double afterHighD;

  private HddmW(Builder b) {
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.lambda = b.lambda;
    this.keep = 1 - b.lambda;
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
    StreamingDetectors.checkUnit("HDDM-W", value);
    n++;
    if (n == 1) {
      total = value;
      totalD = 1;
    } else {
      total = lambda * value + keep * total;
      totalD = lambda * lambda + keep * keep * totalD;
    }
    double bound = Math.sqrt(totalD * 0.5 * driftLog);
    // A value goes either into the cut's EWMA (the cut moves to it) or into the EWMA after the cut;
    // D = 0 marks an empty EWMA.
    if (total + bound < lowUpper) {
      low = total;
      lowD = totalD;
      lowUpper = total + bound;
      afterLowD = 0;
    } else if (afterLowD == 0) {
      afterLow = value;
      afterLowD = 1;
    } else {
      afterLow = lambda * value + keep * afterLow;
      afterLowD = lambda * lambda + keep * keep * afterLowD;
    }
    double up = afterLowD == 0 ? 0 : afterLow - low;
    double upSpread = (lowD + afterLowD) * 0.5;
    if (!twoSided) {
      if (exceeds(up, upSpread, driftLog)) {
        reset();
        return DetectorState.DRIFT;
      }
      return exceeds(up, upSpread, warningLog) ? DetectorState.WARNING : DetectorState.STABLE;
    }
    if (total - bound > highLower) {
      high = total;
      highD = totalD;
      highLower = total - bound;
      afterHighD = 0;
    } else if (afterHighD == 0) {
      afterHigh = value;
      afterHighD = 1;
    } else {
      afterHigh = lambda * value + keep * afterHigh;
      afterHighD = lambda * lambda + keep * keep * afterHighD;
    }
    double down = afterHighD == 0 ? 0 : high - afterHigh;
    double downSpread = (highD + afterHighD) * 0.5;
    if (exceeds(up, upSpread, driftLog) || exceeds(down, downSpread, driftLog)) {
      reset();
      return DetectorState.DRIFT;
    }
    return exceeds(up, upSpread, warningLog) || exceeds(down, downSpread, warningLog)
        ? DetectorState.WARNING
        : DetectorState.STABLE;
  }

  /** {@code diff >= sqrt(spread * log)} without the square root. */
  private static boolean exceeds(double diff, double spread, double log) {
    return diff > 0 && diff * diff >= spread * log;
  }

  @Override
  public void reset() {
    n = 0;
    total = 0;
    totalD = 0;
    low = 0;
    lowD = 0;
    lowUpper = Double.POSITIVE_INFINITY;
    afterLow = 0;
    afterLowD = 0;
    high = 0;
    highD = 0;
    highLower = Double.NEGATIVE_INFINITY;
    afterHigh = 0;
    afterHighD = 0;
  }

  @Override
  public long observations() {
    return n;
  }

  @Override
  public String toString() {
    return "HddmW[driftConfidence=" + driftConfidence + ", warningConfidence=" + warningConfidence + ", lambda="
        + lambda + (twoSided ? ", two-sided" : ", one-sided") + "]";
  }

  /**
   * Builds a {@link HddmW} detector. Each setter validates at once and may be called once; a
   * second call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private double driftConfidence = 0.001;
    private double warningConfidence = 0.005;
    private double lambda = 0.05;
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
     * @param lambda the weight of the newest value in the moving averages, in (0, 1]: larger forgets
     *     faster and reacts sooner to abrupt change, but its bound never falls below about
     *     {@code sqrt(lambda / (2 - lambda) * ln(1 / driftConfidence))}; default 0.05
     * @return this builder
     */
    public Builder lambda(double lambda) {
      if (!(lambda > 0 && lambda <= 1)) {
        throw new IllegalArgumentException("lambda must be in (0, 1], was " + lambda);
      }
      calls.once("lambda", "lambda(" + lambda + ")");
      this.lambda = lambda;
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
    public HddmW build() {
      Calls.confidences(driftConfidence, warningConfidence);
      return new HddmW(this);
    }
  }
}
