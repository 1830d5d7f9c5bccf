package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/** The drift detection method of Gama et al. (2004) on a 0/1 error stream. */
final class Ddm implements StreamingDriftDetector {
  private final int minObservations;
  private final double warningLevel;
  private final double driftLevel;
  private long n;
  private double p;
  private double pMin;
  private double sMin;

  Ddm(int minObservations, double warningLevel, double driftLevel) {
    this.minObservations = minObservations;
    this.warningLevel = warningLevel;
    this.driftLevel = driftLevel;
    reset();
  }

  @Override
  public DetectorState update(double value) {
    double error = StreamingDetectors.checkError(value);
    n++;
    p += (error - p) / n;
    double s = Math.sqrt(p * (1 - p) / n);
    if (n < minObservations) {
      return DetectorState.STABLE;
    }
    if (p + s <= pMin + sMin) {
      pMin = p;
      sMin = s;
    }
    if (p + s > pMin + driftLevel * sMin) {
      reset();
      return DetectorState.DRIFT;
    }
    return p + s > pMin + warningLevel * sMin ? DetectorState.WARNING : DetectorState.STABLE;
  }

  @Override
  public void reset() {
    n = 0;
    p = 0;
    pMin = Double.POSITIVE_INFINITY;
    sMin = Double.POSITIVE_INFINITY;
  }

  @Override
  public long observations() {
    return n;
  }
}
