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
  /** Requests whose feature map or values threw while being read: not recorded. */
  long malformedRequests;
  /** Set under the lock when the window closes. */
  boolean sealed;
  /** Per column, what {@link #read} found: one of the states below. */
  private final byte[] state;
  private final double[] numbers;
  private final String[] texts;
  private static final byte ABSENT = 0;
  private static final byte NUMBER = 1;
  private static final byte TEXT = 2;
  private static final byte MALFORMED = 3;

  Stripe(ColumnLayout layout, PerformanceEstimator estimator) {
    acc = ProfileAccumulator.of(layout.columns);
    perf = estimator == null ? null : estimator.accumulator();
    names = layout.names;
    kinds = layout.kinds;
    predictionIndex = layout.predictionIndex;
    malformed = new long[names.length];
    state = new byte[names.length];
    numbers = new double[names.length];
    texts = new String[names.length];
  }

  /**
   * Reads one request's values into this stripe's scratch arrays without touching the accumulators,
   * so that a feature map or value that throws leaves no partial row. The caller holds the lock and
   * has checked that the stripe is not sealed.
   *
   * @return null if every value was read (then call {@link #commit}), else what was thrown: the
   *     request is counted as malformed and not recorded
   */
  Throwable read(Map<String, ?> features) {
    try {
      for (int i = 0; i < names.length; i++) {
        state[i] = ABSENT;
        if (i == predictionIndex) {
          continue;
        }
        Object v = features.get(names[i]);
        if (v == null) {
          continue;
        }
        switch (kinds[i]) {
          case ColumnLayout.NUMERIC -> {
            if (v instanceof Number num) {
              number(i, num.doubleValue());
            } else {
              state[i] = MALFORMED;
            }
          }
          case ColumnLayout.CATEGORICAL -> {
            if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Boolean) {
              text(i, v.toString());
            } else {
              state[i] = MALFORMED;
            }
          }
          case ColumnLayout.BOOLEAN -> {
            if (v instanceof Boolean || "true".equals(v) || "false".equals(v)) {
              text(i, v.toString());
            } else {
              state[i] = MALFORMED;
            }
          }
          default -> {
            if (v instanceof Instant t) {
              number(i, t.getEpochSecond() * 1_000_000.0 + t.getNano() / 1000);
            } else if (v instanceof Number num) {
              number(i, num.doubleValue());
            } else {
              state[i] = MALFORMED;
            }
          }
        }
      }
      return null;
    } catch (RuntimeException | Error e) {
      if (DriftMonitor.isFatal(e)) {
        throw e;
      }
      malformedRequests++;
      return e;
    }
  }

  /** Adds the row {@link #read} prepared, and the score; cannot fail half-way. */
  void commit(double score) {
    for (int i = 0; i < names.length; i++) {
      if (i == predictionIndex) {
        if (!Double.isNaN(score)) {
          acc.add(i, score);
        }
        continue;
      }
      switch (state[i]) {
        case NUMBER -> acc.add(i, numbers[i]);
        case TEXT -> acc.add(i, texts[i]);
        case MALFORMED -> malformed[i]++;
        default -> {
          // absent: null
        }
      }
      texts[i] = null;
    }
    acc.endRow();
    if (perf != null && !Double.isNaN(score)) {
      try {
        perf.add(score);
      } catch (RuntimeException e) {
        malformed[predictionIndex]++;   // a score the estimator cannot take, such as 1.5 for probabilities
      }
    }
  }

  private void number(int i, double v) {
    numbers[i] = v;
    state[i] = NUMBER;
  }

  private void text(int i, String v) {
    texts[i] = v;
    state[i] = v == null ? MALFORMED : TEXT;   // a CharSequence whose toString() is null
  }
}
