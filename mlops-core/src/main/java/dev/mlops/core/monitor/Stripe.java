package dev.mlops.core.monitor;

import dev.mlops.api.monitor.PerformanceEstimator;
import dev.mlops.core.profile.ProfileAccumulator;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stripe of an open window: the accumulators some serving threads write to under its lock. A
 * window closes by sealing every stripe, after which writers go to the next window.
 */
final class Stripe {
  final ReentrantLock lock = new ReentrantLock();
  final ProfileAccumulator acc;
  /** The performance accumulator, or null when the monitor has no estimator. */
  final PerformanceEstimator.Accumulator perf;
  final long[] malformed;
  private final String[] names;
  private final byte[] kinds;
  private final int predictionIndex;
  /** Set under the lock when the window closes. */
  boolean sealed;

  Stripe(ColumnLayout layout, PerformanceEstimator estimator) {
    acc = ProfileAccumulator.of(layout.columns);
    perf = estimator == null ? null : estimator.accumulator();
    names = layout.names;
    kinds = layout.kinds;
    predictionIndex = layout.predictionIndex;
    malformed = new long[names.length];
  }

  /** Adds one row; the caller holds the lock and has checked that the stripe is not sealed. */
  void add(Map<String, ?> features, double score) {
    for (int i = 0; i < names.length; i++) {
      if (i == predictionIndex) {
        if (!Double.isNaN(score)) {
          acc.add(i, score);
        }
        continue;
      }
      Object v = features.get(names[i]);
      if (v == null) {
        continue;
      }
      switch (kinds[i]) {
        case ColumnLayout.NUMERIC -> {
          if (v instanceof Number num) {
            acc.add(i, num.doubleValue());
          } else {
            malformed[i]++;
          }
        }
        case ColumnLayout.CATEGORICAL -> {
          if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Boolean) {
            acc.add(i, v.toString());
          } else {
            malformed[i]++;
          }
        }
        case ColumnLayout.BOOLEAN -> {
          if (v instanceof Boolean || "true".equals(v) || "false".equals(v)) {
            acc.add(i, v.toString());
          } else {
            malformed[i]++;
          }
        }
        default -> {
          if (v instanceof Instant || v instanceof Number) {
            acc.addObject(i, v);
          } else {
            malformed[i]++;
          }
        }
      }
    }
    acc.endRow();
    if (perf != null && !Double.isNaN(score)) {
      try {
        perf.add(score);
      } catch (IllegalArgumentException e) {
        malformed[predictionIndex]++;   // a score the calibrator cannot take, such as 1.5 for probabilities
      }
    }
  }
}
