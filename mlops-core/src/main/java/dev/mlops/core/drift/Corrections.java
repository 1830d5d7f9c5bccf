package dev.mlops.core.drift;

import dev.mlops.api.common.Correction;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-testing corrections of p-values (adjusted p-values, compared with alpha as the raw ones
 * would be).
 */
public final class Corrections {
  private Corrections() {}

  /**
   * Returns adjusted p-values, in the input order: Bonferroni {@code min(1, m p)}; Holm's step-down
   * {@code max over j <= i of min(1, (m - j + 1) p_(j))}; Benjamini-Hochberg's step-up
   * {@code min over j >= i of min(1, m p_(j) / j)} (as {@code scipy.stats.false_discovery_control}).
   *
   * @param pValues raw p-values, each in {@code [0, 1]}
   * @param correction the correction
   * @return adjusted p-values
   */
  public static double[] adjust(double[] pValues, Correction correction) {
    if (pValues == null || correction == null) {
      throw new NullPointerException(pValues == null ? "pValues" : "correction");
    }
    for (int i = 0; i < pValues.length; i++) {
      if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
        throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], was " + pValues[i]);
      }
    }
    int m = pValues.length;
    double[] out = new double[m];
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    switch (correction) {
      case NONE -> System.arraycopy(pValues, 0, out, 0, m);
      case BONFERRONI -> {
        for (int i = 0; i < m; i++) {
          out[i] = Math.min(1.0, pValues[i] * m);
        }
      }
      case HOLM -> {
        double running = 0;
        for (int r = 0; r < m; r++) {
          running = Math.max(running, Math.min(1.0, (m - r) * pValues[order[r]]));
          out[order[r]] = running;
        }
      }
      case BENJAMINI_HOCHBERG -> {
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
          running = Math.min(running, Math.min(1.0, pValues[order[r]] * m / (r + 1)));
          out[order[r]] = running;
        }
      }
    }
    return out;
  }
}
