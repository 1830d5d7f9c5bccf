package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Optional;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * ADWIN (Bifet and Gavaldà 2007, the ADWIN2 variant): an adaptive window kept as an exponential
 * histogram of buckets (at most {@code maxBuckets + 1} buckets of each size 2^i), in O(log W)
 * memory and amortised O(1) time per value. Every {@code clock} values, once the window holds more
 * than {@code gracePeriod} values, it looks for a cut that splits the window into an older and a
 * newer part whose means differ by more than
 * {@code eps = sqrt(2 m v ln(2 ln(W) / delta)) + 2/3 m ln(2 ln(W) / delta)}, where {@code v} is the
 * variance of the whole window and {@code m = 1 / (n0 - minWindowLength + 1) + 1 / (n1 -
 * minWindowLength + 1)}. On a cut it signals DRIFT and restarts from an empty window, as River's
 * {@code ADWIN} and MOA's detector wrappers do, so that {@link #observations()} counts the values
 * since the last drift. Takes any finite value (the bound assumes bounded ones); never warns. No
 * allocation per update.
 *
 * <pre>{@code
 * Adwin adwin = Adwin.builder().delta(0.01).clock(1).build();
 * }</pre>
 *
 * <p>Defaults (the paper's, MOA's and River's): delta 0.002, clock 32, at most 5 buckets per size,
 * sub-windows of at least 5 values in the bound, grace period 10, {@link Conventions#MOA} cut
 * points. {@link #width()}, {@link #estimate()} and {@link #variance()} read the window; {@link
 * #widthAtLastDrift()} the window that was cut.
 */
public final class Adwin implements StreamingDriftDetector {
  private static final int MAX_ROWS = 64;

  private final double delta;
  private final int maxBuckets;
  private final int clock;
  private final int minWindowLength;
  private final int gracePeriod;
  private final Conventions conventions;
  /** Per row i (buckets of 2^i values): sums and variances, oldest first. */
  private final double[][] sums;
  private final double[][] variances;
  private final int[] counts;
  private final LastSignal last = new LastSignal();
  private int rows;
  private long width;
  private double total;
  private double variance;
  private long tick;
  /** At the last cut found: the older part's mean less the newer part's, and the bound. */
  private double cutDifference;
  private double cutEpsilon;
  private OptionalLong widthAtLastDrift = OptionalLong.empty();

  private Adwin(Builder b) {
    this.delta = b.delta;
    this.maxBuckets = b.maxBuckets;
    this.clock = b.clock;
    this.minWindowLength = b.minWindowLength;
    this.gracePeriod = b.gracePeriod;
    this.conventions = b.conventions;
    this.sums = new double[MAX_ROWS][maxBuckets + 2];
    this.variances = new double[MAX_ROWS][maxBuckets + 2];
    this.counts = new int[MAX_ROWS];
    reset();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public DetectorState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("ADWIN takes finite values, got " + value);
    }
    tick++;
    widthAtLastDrift = OptionalLong.empty();
    insert(value);
    if (tick % clock == 0 && width > gracePeriod && cutFound()) {
      long cut = width;
      Side side = cutDifference > 0 ? Side.DOWN : Side.UP;
      double statistic = Math.abs(cutDifference);
      double threshold = cutEpsilon;
      reset();
      widthAtLastDrift = OptionalLong.of(cut);
      return last.set(DetectorState.DRIFT, side, statistic, threshold);
    }
    return last.stable();
  }

  private void insert(double value) {
    if (width > 0) {
      double mean = total / width;
      variance += width * (value - mean) * (value - mean) / (width + 1);
    }
    width++;
    total += value;
    push(0, value, 0);
    for (int row = 0; row < rows && counts[row] > maxBuckets; row++) {
      double s1 = sums[row][0];
      double s2 = sums[row][1];
      double v = variances[row][0] + variances[row][1];
      double size = 1L << row;
      double u1 = s1 / size;
      double u2 = s2 / size;
      v += size * size * (u1 - u2) * (u1 - u2) / (2 * size);
      removeOldest(row);
      removeOldest(row);
      push(row + 1, s1 + s2, v);
    }
  }

  private void push(int row, double sum, double var) {
    if (row >= rows) {
      if (row >= MAX_ROWS) {
        throw new IllegalStateException("ADWIN window exceeds 2^" + MAX_ROWS + " values");
      }
      rows = row + 1;
    }
    sums[row][counts[row]] = sum;
    variances[row][counts[row]] = var;
    counts[row]++;
  }

  private void removeOldest(int row) {
    int c = counts[row];
    System.arraycopy(sums[row], 1, sums[row], 0, c - 1);
    System.arraycopy(variances[row], 1, variances[row], 0, c - 1);
    counts[row] = c - 1;
    while (rows > 0 && counts[rows - 1] == 0) {
      rows--;
    }
  }

  /**
   * Scans the cut points, oldest bucket first: every bucket boundary but the newest. MOA needs more
   * than {@code minWindowLength + 1} values on each side, River at least {@code minWindowLength}.
   */
  private boolean cutFound() {
    boolean moa = conventions == Conventions.MOA;
    long minSide = moa ? minWindowLength + 2L : minWindowLength;
    long n0 = 0;
    double s0 = 0;
    long n1 = width;
    double s1 = total;
    double v = variance / width;
    double dd = Math.log(2 * Math.log(width) / delta);
    for (int row = rows - 1; row >= 0; row--) {
      long size = 1L << row;
      for (int k = 0; k < counts[row]; k++) {
        n0 += size;
        n1 -= size;
        s0 += sums[row][k];
        s1 -= sums[row][k];
        if (row == 0 && k == counts[row] - 1) {
          return false;
        }
        if (n0 >= minSide && n1 >= minSide) {
          double diff = s0 / n0 - s1 / n1;
          double epsilon = epsilon(n0, n1, v, dd);
          if (Math.abs(diff) > epsilon) {
            cutDifference = diff;
            cutEpsilon = epsilon;
            return true;
          }
        }
      }
    }
    return false;
  }

  private double epsilon(long n0, long n1, double v, double dd) {
    double m = 1.0 / (n0 - minWindowLength + 1) + 1.0 / (n1 - minWindowLength + 1);
    return Math.sqrt(2 * m * v * dd) + 2.0 / 3 * dd * m;
  }

  @Override
  public void reset() {
    last.stable();
    Arrays.fill(counts, 0);
    rows = 0;
    width = 0;
    total = 0;
    variance = 0;
    tick = 0;
    widthAtLastDrift = OptionalLong.empty();
  }

  @Override
  public long observations() {
    return width;
  }

  /** @return the number of values in the window (the values since the last drift or reset) */
  public long width() {
    return width;
  }

  /**
   * @return the mean of the window
   * @throws IllegalStateException if the window is empty (after a drift or reset, before a value)
   */
  public double estimate() {
    if (width == 0) {
      throw new IllegalStateException("ADWIN's window is empty: no estimate before the first value");
    }
    return total / width;
  }

  /**
   * @return the population variance of the window's values (MOA's {@code getVariance()}; River's
   *     {@code variance} is this times the width)
   * @throws IllegalStateException if the window is empty
   */
  public double variance() {
    if (width == 0) {
      throw new IllegalStateException("ADWIN's window is empty: no variance before the first value");
    }
    return variance / width;
  }

  /**
   * @return the width of the window that the last DRIFT cut, until the next update; empty if the
   *     last update was no DRIFT
   */
  public OptionalLong widthAtLastDrift() {
    return widthAtLastDrift;
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
    return "Adwin[delta=" + delta + ", clock=" + clock + ", maxBuckets=" + maxBuckets + ", minWindowLength="
        + minWindowLength + ", gracePeriod=" + gracePeriod + ", conventions=" + conventions + "]";
  }

  /**
   * Builds an {@link Adwin} detector. Each setter validates at once and may be called once; a
   * second call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private double delta = 0.002;
    private int clock = 32;
    private int maxBuckets = 5;
    private int minWindowLength = 5;
    private int gracePeriod = 10;
    private Conventions conventions = Conventions.MOA;

    private Builder() {}

    /**
     * @param delta the confidence parameter, in (0, 1): smaller means fewer false alarms, slower
     *     detection; default 0.002
     * @return this builder
     */
    public Builder delta(double delta) {
      Calls.unitOpen("delta", delta);
      calls.once("delta", "delta(" + delta + ")");
      this.delta = delta;
      return this;
    }

    /**
     * @param clock how often, in values, the window is checked for a cut, {@code >= 1} (1 checks
     *     every value: quicker detection, more work); default 32
     * @return this builder
     */
    public Builder clock(int clock) {
      Calls.atLeastOne("clock", clock);
      calls.once("clock", "clock(" + clock + ")");
      this.clock = clock;
      return this;
    }

    /**
     * @param maxBuckets buckets of each size kept before two are merged, {@code >= 2}; default 5
     * @return this builder
     */
    public Builder maxBuckets(int maxBuckets) {
      if (maxBuckets < 2) {
        throw new IllegalArgumentException("maxBuckets must be >= 2, was " + maxBuckets);
      }
      calls.once("maxBuckets", "maxBuckets(" + maxBuckets + ")");
      this.maxBuckets = maxBuckets;
      return this;
    }

    /**
     * @param minWindowLength the sub-window length in the bound ({@code n - minWindowLength + 1}),
     *     {@code >= 1}; a cut needs at least this many values on each side (River) or more than
     *     this plus one (MOA); default 5
     * @return this builder
     */
    public Builder minWindowLength(int minWindowLength) {
      Calls.atLeastOne("minWindowLength", minWindowLength);
      calls.once("minWindowLength", "minWindowLength(" + minWindowLength + ")");
      this.minWindowLength = minWindowLength;
      return this;
    }

    /**
     * @param gracePeriod the window must hold more than this many values before a check, {@code >=
     *     0}; default 10
     * @return this builder
     */
    public Builder gracePeriod(int gracePeriod) {
      if (gracePeriod < 0) {
        throw new IllegalArgumentException("gracePeriod must be >= 0, was " + gracePeriod);
      }
      calls.once("gracePeriod", "gracePeriod(" + gracePeriod + ")");
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * @param conventions how many values a cut needs on each side: {@link Conventions#MOA} (the
     *     default, the authors' implementation) more than {@code minWindowLength + 1};
     *     {@link Conventions#RIVER} at least {@code minWindowLength}
     * @return this builder
     */
    public Builder conventions(Conventions conventions) {
      Calls.notNull("conventions", conventions);
      calls.once("conventions", "conventions(" + conventions + ")");
      this.conventions = conventions;
      return this;
    }

    /** @return a new detector */
    public Adwin build() {
      return new Adwin(this);
    }
  }
}
