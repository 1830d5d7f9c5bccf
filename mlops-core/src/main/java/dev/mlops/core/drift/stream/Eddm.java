package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/** The early drift detection method of Baena-García et al. (2006): distances between errors. */
final class Eddm implements StreamingDriftDetector {
  private final int minErrors;
  private final double warningRatio;
  private final double driftRatio;
  private long n;
  private long lastError;
  private long errors;
  private double mean;
  private double m2;
  private double maxLevel;

  Eddm(int minErrors, double warningRatio, double driftRatio) {
    this.minErrors = minErrors;
    this.warningRatio = warningRatio;
    this.driftRatio = driftRatio;
    reset();
  }

  @Override
  public DetectorState update(double value) {
    double error = StreamingDetectors.checkError(value);
    n++;
    if (error == 0) {
      return DetectorState.STABLE;
    }
    double distance = n - lastError;
    lastError = n;
    errors++;
    double d = distance - mean;
    mean += d / errors;
    m2 += d * (distance - mean);
    double sd = errors > 1 ? Math.sqrt(m2 / (errors - 1)) : 0;
    double level = mean + 2 * sd;
    if (level > maxLevel) {
      maxLevel = level;
    }
    if (errors < minErrors) {
      return DetectorState.STABLE;
    }
    double ratio = level / maxLevel;
    if (ratio < driftRatio) {
      reset();
      return DetectorState.DRIFT;
    }
    return ratio < warningRatio ? DetectorState.WARNING : DetectorState.STABLE;
  }

  @Override
  public void reset() {
    n = 0;
    lastError = 0;
    errors = 0;
    mean = 0;
    m2 = 0;
    maxLevel = 0;
  }

  @Override
  public long observations() {
    return n;
  }
}
