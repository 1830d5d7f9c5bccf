package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * Two-sided Page-Hinkley test: cumulative deviations from the running mean, with a forgetting
 * factor, against a threshold, for increases and decreases alike.
 */
final class PageHinkley implements StreamingDriftDetector {
  private final int minObservations;
  private final double delta;
  private final double threshold;
  private final double alpha;
  private long n;
  private double mean;
  private double up;
  private double down;

  PageHinkley(int minObservations, double delta, double threshold, double alpha) {
    this.minObservations = minObservations;
    this.delta = delta;
    this.threshold = threshold;
    this.alpha = alpha;
    reset();
  }

  @Override
  public DetectorState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Page-Hinkley takes finite values, got " + value);
    }
    n++;
    mean += (value - mean) / n;
    up = Math.max(0, alpha * up + (value - mean - delta));
    down = Math.max(0, alpha * down + (mean - value - delta));
    if (n >= minObservations && (up > threshold || down > threshold)) {
      reset();
      return DetectorState.DRIFT;
    }
    return DetectorState.STABLE;
  }

  @Override
  public void reset() {
    n = 0;
    mean = 0;
    up = 0;
    down = 0;
  }

  @Override
  public long observations() {
    return n;
  }
}
