package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;

/**
 * The drift detection method of Gama, Medas, Castillo and Rodrigues (2004) on a 0/1 error stream:
 * with {@code p} the error rate since the last reset and {@code s = sqrt(p (1 - p) / n)}, warning
 * when {@code p + s >= p_min + warningLevel s_min}, drift (and reset) when
 * {@code p + s > p_min + driftLevel s_min}. O(1) time and memory, no allocation per update.
 *
 * <pre>{@code
 * StreamingDriftDetector ddm = Ddm.builder().minObservations(50).build();
 * }</pre>
 *
 * Defaults (the paper's): warm-up 30, warning level 2, drift level 3, {@link Conventions#RIVER}
 * warm-up: the minimum is tracked and warnings and drifts are tested once more than 30 values were
 * seen. {@link Conventions#MOA} tracks and warns from the 29th value and drifts from the 30th,
 * which gives early false alarms on streams whose first errors cluster (MOA signals drift at
 * value 48 of a stationary Bernoulli(0.2) stream whose first 30 values hold no error).
 */
public final class Ddm implements StreamingDriftDetector {
  private final int minObservations;
  private final double warningLevel;
  private final double driftLevel;
  private final Conventions conventions;
  private final long firstTest;
  private final long firstDrift;
  private final LastSignal last = new LastSignal();
  private long n;
  private double p;
  private double pMin;
  private double sMin;

  private Ddm(Builder b) {
    this.minObservations = b.minObservations;
    this.warningLevel = b.warningLevel;
    this.driftLevel = b.driftLevel;
    this.conventions = b.conventions;
    this.firstTest = conventions == Conventions.MOA ? b.minObservations - 1L : b.minObservations + 1L;
    this.firstDrift = conventions == Conventions.MOA ? b.minObservations : b.minObservations + 1L;
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
    // River's running mean adds (1 / n) (x - p); MOA's adds (x - p) / n.
    p += conventions == Conventions.MOA ? (error - p) / n : 1.0 / n * (error - p);
    double s = Math.sqrt(p * (1 - p) / n);
    if (n < firstTest) {
      return last.stable();
    }
    if (p + s <= pMin + sMin) {
      pMin = p;
      sMin = s;
    }
    if (n >= firstDrift && p + s > pMin + driftLevel * sMin) {
      double statistic = p + s;
      double threshold = pMin + driftLevel * sMin;
      reset();
      return last.set(DetectorState.DRIFT, Side.UP, statistic, threshold);
    }
    return p + s > pMin + warningLevel * sMin
        ? last.set(DetectorState.WARNING, Side.UP, p + s, pMin + warningLevel * sMin)
        : last.stable();
  }

  @Override
  public void reset() {
    last.stable();
    n = 0;
    p = 0;
    pMin = Double.POSITIVE_INFINITY;
    sMin = Double.POSITIVE_INFINITY;
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
    return "Ddm[minObservations=" + minObservations + ", warningLevel=" + warningLevel + ", driftLevel="
        + driftLevel + ", conventions=" + conventions + "]";
  }

  /**
   * Builds a {@link Ddm} detector. Each setter validates at once and may be called once; a second
   * call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private int minObservations = 30;
    private double warningLevel = 2.0;
    private double driftLevel = 3.0;
    private Conventions conventions = Conventions.RIVER;

    private Builder() {}

    /**
     * @param conventions when the warm-up ends: {@link Conventions#RIVER} (the default) tests once
     *     more than {@code minObservations} values were seen; {@link Conventions#MOA} tracks the
     *     minimum and warns from value {@code minObservations - 1} and drifts from value
     *     {@code minObservations}
     * @return this builder
     */
    public Builder conventions(Conventions conventions) {
      Calls.notNull("conventions", conventions);
      calls.once("conventions", "conventions(" + conventions + ")");
      this.conventions = conventions;
      return this;
    }

    /**
     * @param minObservations the warm-up, in observations, {@code >= 1} (see {@link #conventions});
     *     default 30
     * @return this builder
     */
    public Builder minObservations(int minObservations) {
      Calls.atLeastOne("minObservations", minObservations);
      calls.once("minObservations", "minObservations(" + minObservations + ")");
      this.minObservations = minObservations;
      return this;
    }

    /**
     * @param warningLevel standard deviations above the minimum that warn, finite and {@code > 0}; default 2
     * @return this builder
     */
    public Builder warningLevel(double warningLevel) {
      Calls.positiveFinite("warningLevel", warningLevel);
      calls.once("warningLevel", "warningLevel(" + warningLevel + ")");
      this.warningLevel = warningLevel;
      return this;
    }

    /**
     * @param driftLevel standard deviations above the minimum that signal drift, finite and at least
     *     the warning level; default 3
     * @return this builder
     */
    public Builder driftLevel(double driftLevel) {
      Calls.positiveFinite("driftLevel", driftLevel);
      calls.once("driftLevel", "driftLevel(" + driftLevel + ")");
      this.driftLevel = driftLevel;
      return this;
    }

    /**
     * @return a new detector
     * @throws IllegalArgumentException if the drift level is below the warning level
     */
    public Ddm build() {
      if (driftLevel < warningLevel) {
        throw new IllegalArgumentException("driftLevel " + driftLevel + " must be >= warningLevel " + warningLevel);
      }
      return new Ddm(this);
    }
  }
}
