package dev.mlops.core.drift.stream;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.core.drift.TestResult;
import dev.mlops.core.drift.TwoSample;
import java.util.SplittableRandom;

/**
 * KSWIN (Raab, Heusinger and Schleif 2020): a sliding window whose newest {@code statSize} values
 * are compared, by the two-sample Kolmogorov-Smirnov test, with {@code statSize} values drawn
 * (seeded) from the rest of the window. Drift when the p-value is at most {@code alpha} and the
 * statistic exceeds 0.1; the window then keeps only the newest values.
 */
final class Kswin implements StreamingDriftDetector {
  private final double alpha;
  private final int windowSize;
  private final int statSize;
  private final long seed;
  private final double[] window;
  private int size;
  private int start;
  private SplittableRandom random;
  private long n;

  Kswin(double alpha, int windowSize, int statSize, long seed) {
    this.alpha = alpha;
    this.windowSize = windowSize;
    this.statSize = statSize;
    this.seed = seed;
    this.window = new double[windowSize];
    reset();
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
      return DetectorState.STABLE;
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
      for (int i = 0; i < statSize; i++) {
        window[i] = recent[i];
      }
      start = 0;
      size = statSize;
      n = statSize;
      return DetectorState.DRIFT;
    }
    return DetectorState.STABLE;
  }

  @Override
  public void reset() {
    size = 0;
    start = 0;
    n = 0;
    random = new SplittableRandom(seed);
  }

  @Override
  public long observations() {
    return n;
  }
}
