package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;
import dev.mlops.core.drift.TestResult;
import dev.mlops.core.drift.TwoSample;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * KSWIN (Raab, Heusinger and Schleif 2020): a sliding window whose newest {@code statSize} values
 * are compared, by the two-sample Kolmogorov-Smirnov test, with {@code statSize} values drawn
 * (seeded) from the rest of the window. Drift when the p-value is at most {@code alpha} and the
 * statistic exceeds 0.1. On drift it empties its window and restarts its sampling from the seed,
 * as River's {@code KSWIN} does, so {@link #observations()} falls to 0; built with
 * {@link Builder#keepNewestOnDrift()} it keeps the newest {@code statSize} values instead (the
 * paper's reading), which {@link #observations()} then counts. Takes any finite value; never warns.
 * Allocates its samples on every update once the window is full (it makes no promise of
 * allocation-free updates).
 *
 * <p>The older sample is drawn without replacement by a partial Fisher-Yates shuffle driven by
 * {@link SplittableRandom}; River draws with Python's {@code random.sample}, so the two pick
 * different values and signal at different indices on the same stream: they agree in their
 * false-alarm rate and detection delay, not index for index.
 *
 * <pre>{@code
 * StreamingDriftDetector kswin = Kswin.builder().seed(42).alpha(0.001).build();
 * }</pre>
 *
 * Defaults (the paper's): alpha 0.005, a window of 100, 30 values compared. The seed has no
 * default: the same stream and seed give the same alarms.
 */
public final class Kswin implements StreamingDriftDetector {
  private final double alpha;
  private final int windowSize;
  private final int statSize;
  private final long seed;
  private final boolean keepNewest;
  private final double[] window;
  private final LastSignal last = new LastSignal();
  private int size;
  private int start;
  private SplittableRandom random;
  private long n;

  private Kswin(Builder b, long seed) {
    this.alpha = b.alpha;
    this.windowSize = b.windowSize;
    this.statSize = b.statSize;
    this.seed = seed;
    this.keepNewest = b.keepNewest;
    this.window = new double[windowSize];
    reset();
  }

  /** @return a builder holding the defaults; it needs a {@link Builder#seed} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DetectorState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("KSWIN takes finite values, got " + value);
    }
    n++;
    if (size == windowSize) {
      start = (start + 1) % windowSize;
      size--;
    }
    window[(start + size) % windowSize] = value;
    size++;
    if (size < windowSize) {
      return last.stable();
    }
    int older = windowSize - statSize;
    // draw statSize distinct positions among the older part (partial Fisher-Yates)
    int[] positions = new int[older];
    for (int i = 0; i < older; i++) {
      positions[i] = i;
    }
    double[] sample = new double[statSize];
    for (int i = 0; i < statSize; i++) {
      int j = i + random.nextInt(older - i);
      int t = positions[i];
      positions[i] = positions[j];
      positions[j] = t;
      sample[i] = window[(start + positions[i]) % windowSize];
    }
    double[] recent = new double[statSize];
    for (int i = 0; i < statSize; i++) {
      recent[i] = window[(start + older + i) % windowSize];
    }
    TestResult ks = TwoSample.kolmogorovSmirnov(sample, recent);
    if (ks.pValue() <= alpha && ks.statistic() > 0.1) {
      double olderSum = 0;
      double recentSum = 0;
      for (int i = 0; i < statSize; i++) {
        olderSum += sample[i];
        recentSum += recent[i];
      }
      Side side = recentSum >= olderSum ? Side.UP : Side.DOWN;
      double pValue = ks.pValue();
      if (!keepNewest) {
        reset();
        return last.set(DetectorState.DRIFT, side, pValue, alpha);
      }
      for (int i = 0; i < statSize; i++) {
        window[i] = recent[i];
      }
      start = 0;
      size = statSize;
      n = statSize;
      return last.set(DetectorState.DRIFT, side, pValue, alpha);
    }
    return last.stable();
  }

  @Override
  public void reset() {
    last.stable();
    size = 0;
    start = 0;
    n = 0;
    random = new SplittableRandom(seed);
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
    return "Kswin[alpha=" + alpha + ", windowSize=" + windowSize + ", statSize=" + statSize + ", seed=" + seed
        + (keepNewest ? ", keepNewestOnDrift" : "") + "]";
  }

  /**
   * Builds a {@link Kswin} detector. Each setter validates at once and may be called once; a second
   * call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private double alpha = 0.005;
    private boolean keepNewest;
    private int windowSize = 100;
    private int statSize = 30;
    private OptionalLong seed = OptionalLong.empty();

    private Builder() {}

    /**
     * @param seed the seed of the sampling; required
     * @return this builder
     */
    public Builder seed(long seed) {
      calls.once("seed", "seed(" + seed + ")");
      this.seed = OptionalLong.of(seed);
      return this;
    }

    /**
     * Keeps the newest {@code statSize} values on drift (by default the window is emptied, as in
     * River).
     *
     * @return this builder
     */
    public Builder keepNewestOnDrift() {
      calls.once("onDrift", "keepNewestOnDrift()");
      this.keepNewest = true;
      return this;
    }

    /**
     * @param alpha the Kolmogorov-Smirnov test's significance, in (0, 1); default 0.005
     * @return this builder
     */
    public Builder alpha(double alpha) {
      Calls.unitOpen("alpha", alpha);
      calls.once("alpha", "alpha(" + alpha + ")");
      this.alpha = alpha;
      return this;
    }

    /**
     * @param windowSize the sliding window's length, {@code >= 2}, at least twice the compared size;
     *     default 100
     * @return this builder
     */
    public Builder windowSize(int windowSize) {
      if (windowSize < 2) {
        throw new IllegalArgumentException("windowSize must be >= 2, was " + windowSize);
      }
      calls.once("windowSize", "windowSize(" + windowSize + ")");
      this.windowSize = windowSize;
      return this;
    }

    /**
     * @param statSize the number of newest values compared with as many older ones, {@code >= 1};
     *     default 30
     * @return this builder
     */
    public Builder statSize(int statSize) {
      Calls.atLeastOne("statSize", statSize);
      calls.once("statSize", "statSize(" + statSize + ")");
      this.statSize = statSize;
      return this;
    }

    /**
     * @return a new detector
     * @throws IllegalStateException if no seed was given
     * @throws IllegalArgumentException if the window is shorter than twice the compared size
     */
    public Kswin build() {
      if (seed.isEmpty()) {
        throw new IllegalStateException("KSWIN samples at random and needs a seed: call seed(long)");
      }
      if (windowSize < 2 * statSize) {
        throw new IllegalArgumentException("windowSize " + windowSize + " must be >= 2 * statSize = " + 2 * statSize);
      }
      return new Kswin(this, seed.getAsLong());
    }
  }
}
