package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;

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
 * Defaults (the paper's, MOA's and River's): drift confidence 0.001, warning confidence 0.005,
 * lambda 0.05, one-sided (an increase of the mean, as of an error rate), {@link Conventions#MOA}. Its bound never falls below about
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
  private final HddmA.Sides sides;
  private final Conventions conventions;
  private final LastSignal last = new LastSignal();
  private long seen;
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
  private boolean afterLowSeen;
  /** Decrease: the EWMA at the cut (largest lower bound), its D and lower bound; the EWMA after it. */
  private double high;
  private double highD;
  private double highLower;
  private boolean highSeen;
  private double afterHigh;
  private double afterHighD;
  private boolean afterHighSeen;

  private HddmW(Builder b) {
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.lambda = b.lambda;
    this.keep = 1 - b.lambda;
    this.driftLog = Math.log(1 / b.driftConfidence);
    this.warningLog = Math.log(1 / b.warningConfidence);
    this.sides = b.sides;
    this.conventions = b.conventions;
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The next EWMA. MOA starts it at the first value; River's {@code stats.EWMean} restarts at the
   * value whenever the EWMA is exactly 0.
   */
  private double ewma(boolean started, double previous, double value) {
    if (!started || conventions == Conventions.RIVER && previous == 0) {
      return value;
    }
    return lambda * value + keep * previous;
  }

  /** The next sum of squared weights: MOA's first is 1, River's starts from 1 and is updated. */
  private double weights(boolean started, double previous) {
    if (!started) {
      return conventions == Conventions.RIVER ? lambda * lambda + keep * keep : 1;
    }
    return lambda * lambda + keep * keep * previous;
  }

  @Override
  public DetectorState update(double value) {
    StreamingDetectors.checkUnit("HDDM-W", value);
    seen++;
    boolean started = n > 0;
    n++;
    total = ewma(started, total, value);
    totalD = weights(started, totalD);
    double bound = Math.sqrt(totalD * driftLog / 2);
    if (total + bound < lowUpper) {
      low = total;
      lowD = totalD;
      lowUpper = total + bound;
      afterLowSeen = false;
    } else {
      afterLow = ewma(afterLowSeen, afterLow, value);
      afterLowD = weights(afterLowSeen, afterLowD);
      afterLowSeen = true;
    }
    boolean upDrift = afterLowSeen && exceeds(afterLow - low, lowD + afterLowD, driftLog);
    boolean upWarning = afterLowSeen && exceeds(afterLow - low, lowD + afterLowD, warningLog);
    double upDiff = afterLow - low;
    double upD = lowD + afterLowD;
    if (sides == HddmA.Sides.INCREASE) {
      if (upDrift) {
        reset();
        return last.set(DetectorState.DRIFT, Side.UP, upDiff, bound(upD, driftLog));
      }
      return upWarning ? last.set(DetectorState.WARNING, Side.UP, upDiff, bound(upD, warningLog)) : last.stable();
    }
    if (total - bound > highLower) {
      high = total;
      highD = totalD;
      highLower = total - bound;
      highSeen = true;
      afterHighSeen = false;
    } else {
      afterHigh = ewma(afterHighSeen, afterHigh, value);
      afterHighD = weights(afterHighSeen, afterHighD);
      afterHighSeen = true;
    }
    boolean both = highSeen && afterHighSeen;
    boolean downDrift = both && exceeds(high - afterHigh, highD + afterHighD, driftLog);
    if (sides == HddmA.Sides.RESTART_ON_DECREASE) {
      if (upDrift) {
        reset();
        return last.set(DetectorState.DRIFT, Side.UP, upDiff, bound(upD, driftLog));
      }
      DetectorState state = upWarning
          ? last.set(DetectorState.WARNING, Side.UP, upDiff, bound(upD, warningLog)) : last.stable();
      if (downDrift) {
        restart();
      }
      return state;
    }
    double downDiff = high - afterHigh;
    double downD = highD + afterHighD;
    if (upDrift) {
      reset();
      return last.set(DetectorState.DRIFT, Side.UP, upDiff, bound(upD, driftLog));
    }
    if (downDrift) {
      reset();
      return last.set(DetectorState.DRIFT, Side.DOWN, downDiff, bound(downD, driftLog));
    }
    if (upWarning) {
      return last.set(DetectorState.WARNING, Side.UP, upDiff, bound(upD, warningLog));
    }
    return both && exceeds(downDiff, downD, warningLog)
        ? last.set(DetectorState.WARNING, Side.DOWN, downDiff, bound(downD, warningLog))
        : last.stable();
  }

  /** Whether {@code diff > sqrt(d * log / 2)}, McDiarmid's bound for weights whose squares sum to d. */
  private static boolean exceeds(double diff, double d, double log) {
    return diff > bound(d, log);
  }

  private static double bound(double d, double log) {
    return Math.sqrt(d * log / 2);
  }

  @Override
  public void reset() {
    last.stable();
    seen = 0;
    restart();
  }

  private void restart() {
    n = 0;
    total = 0;
    totalD = 0;
    low = 0;
    lowD = 0;
    lowUpper = Double.POSITIVE_INFINITY;
    afterLow = 0;
    afterLowD = 0;
    afterLowSeen = false;
    high = 0;
    highD = 0;
    // MOA starts the decrease cut at Double.MIN_VALUE, River at minus infinity.
    highLower = conventions == Conventions.MOA ? Double.MIN_VALUE : Double.NEGATIVE_INFINITY;
    highSeen = false;
    afterHigh = 0;
    afterHighD = 0;
    afterHighSeen = false;
  }

  @Override
  public long observations() {
    return seen;
  }

  /**
   * @return what the detector read at its signal, while its state is WARNING or DRIFT (until an
   *     update returns STABLE); empty otherwise
   */
  public Optional<Signal> lastSignal() {
    return last.get();
  }

  @Override
  public String toString() {
    return "HddmW[driftConfidence=" + driftConfidence + ", warningConfidence=" + warningConfidence + ", lambda="
        + lambda + ", sides=" + sides + ", conventions=" + conventions + "]";
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
    private HddmA.Sides sides = HddmA.Sides.INCREASE;
    private Conventions conventions = Conventions.MOA;

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
     * Signals decreases of the mean as well as increases, at both confidences (River's
     * {@code two_sided_test=True}); by default only increases, as of an error rate.
     *
     * @return this builder
     */
    public Builder twoSided() {
      calls.once("sides", "twoSided()");
      this.sides = HddmA.Sides.BOTH;
      return this;
    }

    /**
     * Signals increases only, but restarts its statistics, without a signal, when the mean
     * decreases beyond the drift bound (MOA's "Two-sided" test). {@link #observations()} still
     * counts from the last DRIFT.
     *
     * @return this builder
     */
    public Builder restartOnDecrease() {
      calls.once("sides", "restartOnDecrease()");
      this.sides = HddmA.Sides.RESTART_ON_DECREASE;
      return this;
    }

    /**
     * @param conventions {@link Conventions#MOA} (the default, the authors' implementation): each
     *     EWMA starts at its first value with a squared-weight sum of 1; {@link Conventions#RIVER}:
     *     River's {@code stats.EWMean} restarts at the value whenever the average is exactly 0, and
     *     its squared-weight sum starts at {@code lambda^2 + (1 - lambda)^2}
     * @return this builder
     */
    public Builder conventions(Conventions conventions) {
      Calls.notNull("conventions", conventions);
      calls.once("conventions", "conventions(" + conventions + ")");
      this.conventions = conventions;
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
