package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;

/**
 * Two-sided Page-Hinkley test: cumulative deviations from the running mean, with a forgetting
 * factor, against a threshold, for increases and decreases alike. Takes any finite value; never
 * warns; resets itself on drift. O(1) time and memory, no allocation per update.
 *
 * <pre>{@code
 * StreamingDriftDetector ph = PageHinkley.builder().delta(0.5).threshold(50).build();
 * }</pre>
 *
 * Defaults (River's): at least 30 observations before an alarm, delta 0.005, threshold 50,
 * forgetting factor alpha 1 - 1e-4. Delta and threshold are in the data's units: the defaults suit
 * small-variance signals such as error rates; for a unit-variance feature they alarm on noise, so
 * set delta to about half the shift that matters.
 */
public final class PageHinkley implements StreamingDriftDetector {
  private final int minObservations;
  private final double delta;
  private final double threshold;
  private final double alpha;
  private long n;
  private double mean;
  private double up;
  private double down;

  private PageHinkley(Builder b) {
    this.minObservations = b.minObservations;
    this.delta = b.delta;
    this.threshold = b.threshold;
    this.alpha = b.alpha;
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
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

  @Override
  public String toString() {
    return "PageHinkley[minObservations=" + minObservations + ", delta=" + delta + ", threshold=" + threshold
        + ", alpha=" + alpha + "]";
  }

  /**
   * Builds a {@link PageHinkley} detector. Each setter validates at once and may be called once; a
   * second call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private int minObservations = 30;
    private double delta = 0.005;
    private double threshold = 50;
    private double alpha = 1 - 1e-4;

    private Builder() {}

    /**
     * @param minObservations observations before any alarm, {@code >= 1}; default 30
     * @return this builder
     */
    public Builder minObservations(int minObservations) {
      Calls.atLeastOne("minObservations", minObservations);
      calls.once("minObservations", "minObservations(" + minObservations + ")");
      this.minObservations = minObservations;
      return this;
    }

    /**
     * @param delta the magnitude of change tolerated, in the data's units, finite and {@code >= 0};
     *     default 0.005
     * @return this builder
     */
    public Builder delta(double delta) {
      if (!(delta >= 0) || Double.isInfinite(delta)) {
        throw new IllegalArgumentException("delta must be finite and >= 0, was " + delta);
      }
      calls.once("delta", "delta(" + delta + ")");
      this.delta = delta;
      return this;
    }

    /**
     * @param threshold the cumulative deviation that signals drift, finite and {@code > 0}; default 50
     * @return this builder
     */
    public Builder threshold(double threshold) {
      if (!(threshold > 0) || Double.isInfinite(threshold)) {
        throw new IllegalArgumentException("threshold must be finite and > 0, was " + threshold);
      }
      calls.once("threshold", "threshold(" + threshold + ")");
      this.threshold = threshold;
      return this;
    }

    /**
     * @param alpha the forgetting factor, in (0, 1]; default 1 - 1e-4
     * @return this builder
     */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
      }
      calls.once("alpha", "alpha(" + alpha + ")");
      this.alpha = alpha;
      return this;
    }

    /** @return a new detector */
    public PageHinkley build() {
      return new PageHinkley(this);
    }
  }
}
