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
 * a decrease (the largest lower bound). O(1) time and memory, no allocation.
 */
final class HddmW implements StreamingDriftDetector {
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

  HddmW(double driftConfidence, double warningConfidence, double lambda, boolean twoSided) {
    this.lambda = lambda;
    this.keep = 1 - lambda;
    this.driftLog = Math.log(1 / driftConfidence);
    this.warningLog = Math.log(1 / warningConfidence);
    this.twoSided = twoSided;
    reset();
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
}
