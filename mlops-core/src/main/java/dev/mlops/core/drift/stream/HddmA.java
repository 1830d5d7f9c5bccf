package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;

/**
 * HDDM-A, the A-test of Frías-Blanco et al. (2015): averages compared with Hoeffding's bound, on
 * values in [0, 1].
 *
 * <p>With {@code Z} the mean of all {@code n} values since the last reset and {@code X} the mean
 * of the first {@code k}, Hoeffding's inequality for {@code Z - X} gives, when the mean has not
 * changed, {@code P(Z - X >= eps) <= alpha} for
 * {@code eps = sqrt((n - k) / (2 k n) * ln(2 / alpha))} (the two-sided form, as in the authors'
 * implementation in MOA and in River). The cut point {@code k} is the prefix whose mean has the
 * smallest upper bound {@code X_k + sqrt(ln(1 / alpha_D) / (2 k))}, the best estimate of the mean
 * before an increase; drift when {@code Z - X >= eps} at {@code alpha_D}, warning at
 * {@code alpha_W}. The two-sided test adds the mirror image for a decrease: the prefix with the
 * largest lower bound, and {@code X - Z >= eps}. O(1) time and memory, no allocation per update.
 * Resets itself on drift.
 *
 * <pre>{@code
 * StreamingDriftDetector hddm = HddmA.builder().driftConfidence(0.0005).twoSided().build();
 * }</pre>
 *
 * Defaults (the paper's and River's): drift confidence 0.001, warning confidence 0.005, one-sided
 * (an increase of the mean, as of an error rate). MOA's default is its "Two-sided" test, which
 * restarts silently on a decrease: {@link Builder#restartOnDecrease()}.
 */
public final class HddmA implements StreamingDriftDetector {
  private final double driftConfidence;
  private final double warningConfidence;
  private final double cutLog;
  private final double driftLog;
  private final double warningLog;
  private final Sides sides;
  private final LastSignal last = new LastSignal();
  private long seen;
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

  /** What HDDM does about a decrease of the mean. */
  enum Sides {
    /** Ignores it. */
    INCREASE,
    /** Signals it, as drift (River's two-sided test). */
    BOTH,
    /** Restarts its statistics without a signal (MOA's "Two-sided" test). */
    RESTART_ON_DECREASE
  }

  private HddmA(Builder b) {
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.cutLog = Math.log(1 / b.driftConfidence);
    this.driftLog = Math.log(2 / b.driftConfidence);
    this.warningLog = Math.log(2 / b.warningConfidence);
    this.sides = b.sides;
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DetectorState update(double value) {
    StreamingDetectors.checkUnit("HDDM-A", value);
    seen++;
    n++;
    sum += value;
    double mean = sum / n;
    double bound = Math.sqrt(1.0 / (2.0 * n) * cutLog);
    if (mean + bound <= lowUpper) {
      lowN = n;
      lowMean = mean;
      lowUpper = mean + bound;
    }
    if (mean - bound >= highLower) {
      highN = n;
      highMean = mean;
      highLower = mean - bound;
    }
    // (n - k) / k / n, the weight of the bound: eps = sqrt(m / 2 * ln(2 / alpha)).
    double up = mean - lowMean;
    double upWeight = (double) (n - lowN) / lowN * (1.0 / n);
    double down = highMean - mean;
    double downWeight = (double) (n - highN) / highN * (1.0 / n);
    if (exceeds(up, upWeight, driftLog)) {
      reset();
      return last.set(DetectorState.DRIFT, Side.UP, up, bound(upWeight, driftLog));
    }
    boolean both = sides == Sides.BOTH;
    if (both && exceeds(down, downWeight, driftLog)) {
      reset();
      return last.set(DetectorState.DRIFT, Side.DOWN, down, bound(downWeight, driftLog));
    }
    DetectorState state;
    if (exceeds(up, upWeight, warningLog)) {
      state = last.set(DetectorState.WARNING, Side.UP, up, bound(upWeight, warningLog));
    } else if (both && exceeds(down, downWeight, warningLog)) {
      state = last.set(DetectorState.WARNING, Side.DOWN, down, bound(downWeight, warningLog));
    } else {
      state = last.stable();
    }
    if (sides == Sides.RESTART_ON_DECREASE && exceeds(down, downWeight, driftLog)) {
      restart();
    }
    return state;
  }

  /**
   * Whether {@code diff >= sqrt(m / 2 * log)}; a cut at the newest value (m = 0) never exceeds, nor
   * does a difference of 0 or less (then without the square root).
   */
  private static boolean exceeds(double diff, double m, double log) {
    return diff > 0 && m > 0 && diff >= bound(m, log);
  }

  private static double bound(double m, double log) {
    return Math.sqrt(m / 2 * log);
  }

  @Override
  public void reset() {
    last.stable();
    seen = 0;
    restart();
  }

  private void restart() {
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
    return "HddmA[driftConfidence=" + driftConfidence + ", warningConfidence=" + warningConfidence
        + ", sides=" + sides + "]";
  }

  /**
   * Builds a {@link HddmA} detector. Each setter validates at once and may be called once; a
   * second call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private double driftConfidence = 0.001;
    private double warningConfidence = 0.005;
    private Sides sides = Sides.INCREASE;

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
     * Signals decreases of the mean as well as increases, at both confidences (River's
     * {@code two_sided_test=True}); by default only increases, as of an error rate.
     *
     * @return this builder
     */
    public Builder twoSided() {
      calls.once("sides", "twoSided()");
      this.sides = Sides.BOTH;
      return this;
    }

    /**
     * Signals increases only, but restarts its statistics, without a signal, when the mean
     * decreases beyond the drift bound (MOA's default "Two-sided" test). {@link #observations()}
     * still counts from the last DRIFT.
     *
     * @return this builder
     */
    public Builder restartOnDecrease() {
      calls.once("sides", "restartOnDecrease()");
      this.sides = Sides.RESTART_ON_DECREASE;
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
