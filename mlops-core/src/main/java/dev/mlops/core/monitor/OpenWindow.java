package dev.mlops.core.monitor;

import dev.mlops.api.monitor.PerformanceEstimator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** A window being recorded: its stripes and counters. Closed windows are handed to the evaluator. */
final class OpenWindow {
  final long index;
  final long startMillis;
  /** When a time window closes; {@link Long#MAX_VALUE} for a count window. */
  final long endMillis;
  final Stripe[] stripes;
  final LongAdder rows = new LongAdder();
  final LongAdder labels = new LongAdder();
  final LongAdder labelErrors = new LongAdder();
  /** Whether a malformed request of this window was logged (only the first one is). */
  final AtomicBoolean malformedLogged = new AtomicBoolean();

  OpenWindow(long index, long startMillis, long endMillis, int stripeCount, ColumnLayout layout,
      PerformanceEstimator estimator) {
    this.index = index;
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    stripes = new Stripe[stripeCount];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Stripe(layout, estimator);
    }
  }

  void labelled(boolean wrong) {
    labels.increment();
    if (wrong) {
      labelErrors.increment();
    }
  }

  /** @return requests not recorded because their feature map or values threw; read once sealed */
  long malformedRequests() {
    long n = 0;
    for (Stripe s : stripes) {
      n += s.malformedRequests;
    }
    return n;
  }

  long rowCount() {
    long n = 0;
    for (Stripe s : stripes) {
      n += s.acc.rowCount();
    }
    return n;
  }
}
