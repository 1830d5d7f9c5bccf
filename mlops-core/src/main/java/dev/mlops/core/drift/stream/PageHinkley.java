package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;

/**
 * The Page-Hinkley test: cumulative deviations of the values from their running mean, less a
 * tolerance {@code delta} and with a forgetting factor {@code alpha}, against a threshold. Takes
 * any finite value; never warns; resets itself on drift. O(1) time and memory, no allocation per
 * update.
 *
 * <p>{@link Conventions#RIVER} (River's current {@code PageHinkley}): for an increase,
 * {@code S = alpha S + (x - mean - delta)} and drift when {@code S - min(S) > threshold}; for a
 * decrease, {@code T = alpha T + (x - mean + delta)} and drift when {@code max(T) - T > threshold}
 * (its maximum starts at -1, as River's does); tested once {@code minObservations} values were seen,
 * on the {@link Side} chosen by {@link Builder#side} (both by default). {@link Conventions#MOA}
 * ({@code PageHinkleyDM}, the default): increases only unless {@link Builder#side} says otherwise,
 * drift when {@code S > threshold} itself (for a decrease, {@code -T > threshold}), tested from
 * value {@code minObservations - 1} (MOA counts from 1). MOA's is the default because River's
 * running minimum is never forgotten while the forgetting factor pulls {@code S} back towards 0, so
 * {@code S - min(S)} grows on a stationary stream: on 10,000,000 Bernoulli(0.2) values River's
 * statistic drifted 630 times (453 increases only), MOA's 4.
 *
 * <pre>{@code
 * StreamingDriftDetector ph = PageHinkley.builder().delta(0.5).threshold(50).build();
 * }</pre>
 *
 * Defaults (MOA's and River's): at least 30 observations before an alarm, delta 0.005, threshold 50,
 * forgetting factor alpha 1 - 1e-4; MOA's conventions, increases only. Delta and threshold are in the data's units: the
 * defaults suit small-variance signals such as error rates; for a unit-variance feature they alarm
 * on noise, so set delta to about half the shift that matters.
 */
public final class PageHinkley implements StreamingDriftDetector {
  private final int minObservations;
  private final double delta;
  private final double threshold;
  private final double alpha;
  private final Side side;
  private final Conventions conventions;
  private final long firstTest;
  private final LastSignal last = new LastSignal();
  private long n;
  private double mean;
  private double up;
  private double upMin;
  private double down;
  private double downMax;

  private PageHinkley(Builder b) {
    this.minObservations = b.minObservations;
    this.delta = b.delta;
    this.threshold = b.threshold;
    this.alpha = b.alpha;
    this.conventions = b.conventions;
    this.side = b.side.orElse(conventions == Conventions.MOA ? Side.UP : Side.BOTH);
    this.firstTest = conventions == Conventions.MOA ? minObservations - 1L : minObservations;
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
    // The same arithmetic, in the same order, as each library, so that the sums agree to the bit.
    if (conventions == Conventions.MOA) {
      mean += (value - mean) / n;
      up = alpha * up + (value - mean - delta);
      down = alpha * down + (value - mean + delta);
    } else {
      mean += (1.0 / n) * (value - mean);
      double deviation = value - mean;
      up = alpha * up + deviation - delta;
      down = alpha * down + deviation + delta;
    }
    if (up < upMin) {
      upMin = up;
    }
    if (down > downMax) {
      downMax = down;
    }
    if (n < firstTest) {
      return last.stable();
    }
    boolean moa = conventions == Conventions.MOA;
    double increase = moa ? up : up - upMin;
    double decrease = moa ? -down : downMax - down;
    if (side != Side.DOWN && increase > threshold) {
      reset();
      return last.set(DetectorState.DRIFT, Side.UP, increase, threshold);
    }
    if (side != Side.UP && decrease > threshold) {
      reset();
      return last.set(DetectorState.DRIFT, Side.DOWN, decrease, threshold);
    }
    return last.stable();
  }

  @Override
  public void reset() {
    last.stable();
    n = 0;
    mean = 0;
    up = 0;
    upMin = Double.POSITIVE_INFINITY;
    down = 0;
    downMax = -1;
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
    return "PageHinkley[minObservations=" + minObservations + ", delta=" + delta + ", threshold=" + threshold
        + ", alpha=" + alpha + ", side=" + side + ", conventions=" + conventions + "]";
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
    private Optional<Side> side = Optional.empty();
    private Conventions conventions = Conventions.MOA;

    private Builder() {}

    /**
     * @param side the changes signalled: {@link Side#UP} increases, {@link Side#DOWN} decreases,
     *     {@link Side#BOTH} either (River's {@code mode} "up", "down", "both"); default
     *     {@link Side#UP} under {@link Conventions#MOA}, {@link Side#BOTH} under
     *     {@link Conventions#RIVER}
     * @return this builder
     */
    public Builder side(Side side) {
      Calls.notNull("side", side);
      calls.once("side", "side(" + side + ")");
      this.side = Optional.of(side);
      return this;
    }

    /**
     * @param conventions {@link Conventions#RIVER}: the statistic is the sum less its
     *     running minimum (for a decrease, the running maximum less the sum), tested from value
     *     {@code minObservations}; {@link Conventions#MOA} (the default): the sum itself (for a decrease, its
     *     negation), tested from value {@code minObservations - 1}, increases only unless
     *     {@link #side} says otherwise
     * @return this builder
     */
    public Builder conventions(Conventions conventions) {
      Calls.notNull("conventions", conventions);
      calls.once("conventions", "conventions(" + conventions + ")");
      this.conventions = conventions;
      return this;
    }

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
      Calls.positiveFinite("threshold", threshold);
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
