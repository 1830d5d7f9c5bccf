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
 * with the largest lower bound, and {@code X - Z >= eps}. O(1) time and memory, no allocation.
 */
final class HddmA implements StreamingDriftDetector {
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

  HddmA(double driftConfidence, double warningConfidence, boolean twoSided) {
    this.driftLog = Math.log(1 / driftConfidence);
    this.warningLog = Math.log(1 / warningConfidence);
    this.twoSided = twoSided;
    reset();
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
}
