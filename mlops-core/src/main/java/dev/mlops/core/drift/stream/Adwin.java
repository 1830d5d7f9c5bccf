package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import java.util.Arrays;

/**
 * ADWIN (Bifet and Gavaldà 2007, the ADWIN2 variant): an adaptive window kept as an exponential
 * histogram of buckets (at most {@code M + 1} buckets of each size 2^i), in O(log W) memory and
 * amortised O(1) time per value. Every {@code clock} values it looks for a cut that splits the
 * window into two parts whose means differ by more than the Hoeffding-style bound with confidence
 * {@code delta}, and drops the older part when it finds one. Takes any finite value (the bound
 * assumes bounded ones); never warns. Unlike the others it does not reset on drift: it keeps the
 * part of its window after the cut, so {@link #observations()} is the width of that window. No
 * allocation per update.
 *
 * <pre>{@code
 * StreamingDriftDetector adwin = Adwin.builder().delta(0.01).build();
 * }</pre>
 *
 * Defaults (the paper's): confidence delta 0.002, at most 5 buckets per size, a cut checked every
 * 32 values, parts of at least 5 values.
 */
public final class Adwin implements StreamingDriftDetector {
  private static final int MAX_ROWS = 64;

  private final double delta;
  private final int maxBuckets;
  private final int clock;
  private final int minLength;
  /** Per row i (buckets of 2^i values): sums and variances, oldest first. */
  private final double[][] sums;
  private final double[][] variances;
  private final int[] counts;
  private int rows;
  private long width;
  private double total;
  private double variance;
  private long n;

  private Adwin(Builder b) {
    this.delta = b.delta;
    this.maxBuckets = 5;
    this.clock = 32;
    this.minLength = 5;
    this.sums = new double[MAX_ROWS][maxBuckets + 2];
    this.variances = new double[MAX_ROWS][maxBuckets + 2];
    this.counts = new int[MAX_ROWS];
    reset();
  }

  @Override
  public DetectorState update(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("ADWIN takes finite values, got " + value);
    }
    n++;
    insert(value);
    if (n % clock == 0 && width > minLength && detect()) {
      return DetectorState.DRIFT;
    }
    return DetectorState.STABLE;
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

  /** Drops the oldest bucket (from the highest row). */
  private void deleteOldest() {
    int row = rows - 1;
    double size = 1L << row;
    double sum = sums[row][0];
    width -= (long) size;
    total -= sum;
    double u1 = sum / size;
    if (width > 0) {
      double mean = total / width;
      variance -= variances[row][0] + size * width * (u1 - mean) * (u1 - mean) / (size + width);
    } else {
      variance = 0;
    }
    removeOldest(row);
  }

  /** Looks for a cut, oldest buckets first; drops the older part while one is found. */
  private boolean detect() {
    boolean changed = false;
    boolean again = true;
    while (again && width > minLength) {
      again = false;
      long n0 = 0;
      double s0 = 0;
      long n1 = width;
      double s1 = total;
      // The bound's parts that do not depend on the cut, once per pass.
      double v = variance / width;
      double dd = Math.log(2 * Math.log(width) / delta);
      outer:
      for (int row = rows - 1; row >= 0; row--) {
        long size = 1L << row;
        for (int k = 0; k < counts[row]; k++) {
          n0 += size;
          n1 -= size;
          s0 += sums[row][k];
          s1 -= sums[row][k];
          if (n1 <= minLength) {
            break outer;
          }
          if (n0 > minLength && cut(n0, n1, s0 / n0 - s1 / n1, v, dd)) {
            again = true;
            changed = true;
            deleteOldest();
            break outer;
          }
        }
      }
    }
    if (changed) {
      n = 0;
    }
    return changed;
  }

  private boolean cut(long n0, long n1, double diff, double v, double dd) {
    double m = 1.0 / (n0 - minLength + 1) + 1.0 / (n1 - minLength + 1);
    double epsilon = Math.sqrt(2 * m * v * dd) + 2.0 / 3 * dd * m;
    return Math.abs(diff) > epsilon;
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void reset() {
    Arrays.fill(counts, 0);
    rows = 0;
    width = 0;
    total = 0;
    variance = 0;
    n = 0;
  }

  @Override
  public long observations() {
    return width;
  }

  /** @return the current window's mean */
  double mean() {
    return width == 0 ? Double.NaN : total / width;
  }

  @Override
  public String toString() {
    return "Adwin[delta=" + delta + "]";
  }

  /**
   * Builds an {@link Adwin} detector. The setter validates at once and may be called once; a second
   * call throws {@link IllegalStateException} naming both.
   */
  public static final class Builder {
    private final Calls calls = new Calls();
    private double delta = 0.002;

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

    /** @return a new detector */
    public Adwin build() {
      return new Adwin(this);
    }
  }
}
