package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * The early drift detection method of Baena-García et al. (2006) on a 0/1 error stream: with
 * {@code m} and {@code s} the mean and standard deviation of the distances between errors since
 * the last reset, warning when {@code (m + 2s) / max(m + 2s) < warningRatio}, drift (and reset)
 * below {@code driftRatio}. O(1) time and memory, no allocation per update.
 *
 * <pre>{@code
 * StreamingDriftDetector eddm = Eddm.builder().minErrors(50).build();
 * }</pre>
 *
 * Defaults (the paper's): 30 errors before any verdict, warning ratio 0.95, drift ratio 0.90.
 */
public final class Eddm implements StreamingDriftDetector {
  private final int minErrors;
  private final double warningRatio;
  private final double driftRatio;
  private long n;
  private long lastError;
  private long errors;
  private double mean;
  private double m2;
  private double maxLevel;

  private Eddm(Builder b) {
    this.minErrors = b.minErrors;
    this.warningRatio = b.warningRatio;
    this.driftRatio = b.driftRatio;
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
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

  @Override
  public String toString() {
    return "Eddm[minErrors=" + minErrors + ", warningRatio=" + warningRatio + ", driftRatio=" + driftRatio + "]";
  }

  /**
   * Builds an {@link Eddm} detector. Each setter validates at once and may be called once; a second
   * call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private int minErrors = 30;
    private double warningRatio = 0.95;
    private double driftRatio = 0.90;

    private Builder() {}

    /**
     * @param minErrors errors before any warning or drift, {@code >= 1}; default 30
     * @return this builder
     */
    public Builder minErrors(int minErrors) {
      Calls.atLeastOne("minErrors", minErrors);
      calls.once("minErrors", "minErrors(" + minErrors + ")");
      this.minErrors = minErrors;
      return this;
    }

    /**
     * @param warningRatio the ratio below which the detector warns, in (0, 1); default 0.95
     * @return this builder
     */
    public Builder warningRatio(double warningRatio) {
      Calls.unitOpen("warningRatio", warningRatio);
      calls.once("warningRatio", "warningRatio(" + warningRatio + ")");
      this.warningRatio = warningRatio;
      return this;
    }

    /**
     * @param driftRatio the ratio below which drift is signalled, in (0, 1) and at most the warning
     *     ratio; default 0.90
     * @return this builder
     */
    public Builder driftRatio(double driftRatio) {
      Calls.unitOpen("driftRatio", driftRatio);
      calls.once("driftRatio", "driftRatio(" + driftRatio + ")");
      this.driftRatio = driftRatio;
      return this;
    }

    /**
     * @return a new detector
     * @throws IllegalArgumentException if the drift ratio exceeds the warning ratio
     */
    public Eddm build() {
      if (driftRatio > warningRatio) {
        throw new IllegalArgumentException("driftRatio " + driftRatio + " must be <= warningRatio " + warningRatio);
      }
      return new Eddm(this);
    }
  }
}
