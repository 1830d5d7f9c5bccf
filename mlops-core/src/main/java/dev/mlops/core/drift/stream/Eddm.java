package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;

/**
 * The early drift detection method of Baena-García et al. (2006) on a 0/1 error stream: with
 * {@code m} and {@code s} the mean and standard deviation of the distances between errors since
 * the last reset, and {@code max} the largest {@code m + 2s} seen after the warm-up, an error that
 * does not raise that maximum compares {@code (m + 2s) / max} with the ratios: warning below
 * {@code warningRatio}, drift (and reset) below {@code driftRatio}. O(1) time and memory, no
 * allocation per update.
 *
 * <pre>{@code
 * StreamingDriftDetector eddm = Eddm.builder().warningRatio(0.9).driftRatio(0.8).build();
 * }</pre>
 *
 * <p>Defaults (the paper's): the maximum is tracked once more than 30 values were seen, tested once
 * more than 30 errors were seen, warning ratio 0.95 (River's alpha), drift ratio 0.90 (River's
 * beta), {@link Conventions#MOA}. The maximum is only taken after the warm-up because the first
 * distances are noise: a maximum from the first two errors makes the detector drift on stable
 * streams at its first permitted test.
 */
public final class Eddm implements StreamingDriftDetector {
  private final int minObservations;
  private final int minErrors;
  private final double warningRatio;
  private final double driftRatio;
  private final Conventions conventions;
  private final LastSignal last = new LastSignal();
  private long n;
  private long lastError;
  private long errors;
  private double mean;
  private double m2;
  private double maxLevel;
  private boolean warning;

  private Eddm(Builder b) {
    this.minObservations = b.minObservations;
    this.minErrors = b.minErrors;
    this.warningRatio = b.warningRatio;
    this.driftRatio = b.driftRatio;
    this.conventions = b.conventions;
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DetectorState update(double value) {
    if (value == 0) {
      // The common case, kept to a comparison and an increment so that the JIT inlines it.
      n++;
      return warning ? DetectorState.WARNING : last.stable();
    }
    return error(value);
  }

  private DetectorState error(double value) {
    StreamingDetectors.checkError(value);
    n++;
    double distance = n - lastError;
    lastError = n;
    errors++;
    double d = distance - mean;
    mean += d / errors;
    m2 += d * (distance - mean);
    boolean moa = conventions == Conventions.MOA;
    if (moa) {
      warning = false;
    }
    double sd = moa ? Math.sqrt(m2 / errors) : errors > 1 ? Math.sqrt(m2 / (errors - 1)) : 0;
    double level = mean + 2 * sd;
    // MOA counts from 1 before the first value, so its "more than 30" starts a value earlier.
    long warm = moa ? minObservations - 1L : minObservations;
    if (level > maxLevel) {
      if (n > warm) {
        maxLevel = level;
      }
      return warning ? DetectorState.WARNING : last.stable();
    }
    if (n <= warm || errors <= minErrors) {
      return warning ? DetectorState.WARNING : last.stable();
    }
    double ratio = level / maxLevel;
    if (ratio < driftRatio) {
      reset();
      return last.set(DetectorState.DRIFT, Side.UP, ratio, driftRatio);
    }
    warning = ratio < warningRatio;
    return warning ? last.set(DetectorState.WARNING, Side.UP, ratio, warningRatio) : last.stable();
  }

  @Override
  public void reset() {
    n = 0;
    lastError = 0;
    errors = 0;
    mean = 0;
    m2 = 0;
    maxLevel = 0;
    warning = false;
    last.stable();
  }

  @Override
  public long observations() {
    return n;
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
    return "Eddm[minObservations=" + minObservations + ", minErrors=" + minErrors + ", warningRatio=" + warningRatio + ", driftRatio=" + driftRatio + ", conventions=" + conventions + "]";
  }

  /**
   * Builds an {@link Eddm} detector. Each setter validates at once and may be called once; a second
   * call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private int minObservations = 30;
    private int minErrors = 30;
    private Conventions conventions = Conventions.MOA;
    private double warningRatio = 0.95;
    private double driftRatio = 0.90;

    private Builder() {}

    /**
     * @param minObservations the maximum of {@code m + 2s} is tracked, and ratios tested, once more
     *     than this many values were seen, {@code >= 1}; default 30 (River's {@code warm_start}, MOA's
     *     {@code FDDM_MINNUMINSTANCES})
     * @return this builder
     */
    public Builder minObservations(int minObservations) {
      Calls.atLeastOne("minObservations", minObservations);
      calls.once("minObservations", "minObservations(" + minObservations + ")");
      this.minObservations = minObservations;
      return this;
    }

    /**
     * @param conventions {@link Conventions#RIVER}: the sample standard deviation, and a warning
     *     lasts until an error's ratio clears it; {@link Conventions#MOA} (the default, which raised
     *     21 false drifts in 10,000,000 Bernoulli(0.2) values against River's 23): the population
     *     standard deviation, every error clears the warning before it is tested again, and the
     *     warm-up ends a value earlier (MOA counts from 1)
     * @return this builder
     */
    public Builder conventions(Conventions conventions) {
      Calls.notNull("conventions", conventions);
      calls.once("conventions", "conventions(" + conventions + ")");
      this.conventions = conventions;
      return this;
    }

    /**
     * @param minErrors ratios are tested once more than this many errors were seen, {@code >= 1};
     *     default 30
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
