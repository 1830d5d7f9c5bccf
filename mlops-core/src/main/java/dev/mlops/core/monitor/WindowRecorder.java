package dev.mlops.core.monitor;

import dev.mlops.api.monitor.PerformanceEstimator;
import dev.mlops.api.monitor.Window;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The serving hot path: records rows into the striped accumulators of the open window and closes
 * windows by count or time. Recording a row allocates nothing; a closed window goes to the
 * {@link Closer} given.
 */
final class WindowRecorder {
  /** Receives each window this recorder closes, on the thread that closed it, and malformed requests. */
  interface Closer {
    void closed(OpenWindow window, long endMillis);

    /** A request whose feature map or values threw: counted, not recorded. */
    void malformed(OpenWindow window, Throwable failure);
  }

  /** Serving threads take stripes round-robin, so the first threads never share one. */
  private static final AtomicInteger NEXT_PROBE = new AtomicInteger();
  private static final ThreadLocal<int[]> PROBE = ThreadLocal.withInitial(() -> new int[] {NEXT_PROBE.getAndIncrement()});

  private final ColumnLayout layout;
  private final PerformanceEstimator estimator;
  private final LabelTracker labels;
  private final Clock clock;
  /** Rows per count window; {@link Long#MAX_VALUE} for a time window. */
  private final long windowSize;
  /** Length of a time window; 0 for a count window. */
  private final long windowMillis;
  private final int stripeMask;
  private final Closer closer;
  private final AtomicReference<OpenWindow> current = new AtomicReference<>();
  private final AtomicLong ids = new AtomicLong();

  WindowRecorder(ColumnLayout layout, PerformanceEstimator estimator, LabelTracker labels, Window window,
      Clock clock, int stripes, Closer closer) {
    this.layout = layout;
    this.estimator = estimator;
    this.labels = labels;
    this.clock = clock;
    if (window instanceof Window.Time t) {
      windowSize = Long.MAX_VALUE;
      windowMillis = t.length().toMillis();
    } else {
      windowSize = ((Window.Count) window).size();
      windowMillis = 0;
    }
    int rounded = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
    stripeMask = stripes == 1 ? 0 : rounded - 1;
    this.closer = closer;
    long now = clock.millis();
    current.set(newWindow(0, now));
  }

  /** Records one row (see {@link DriftMonitor#record(Map, double)}) and returns its id. */
  long record(Map<String, ?> features, double score) {
    long id = ids.getAndIncrement();
    if (!Double.isNaN(score)) {
      labels.expect(id, score);
    }
    int probe = PROBE.get()[0] & stripeMask;
    while (true) {
      OpenWindow w = current.get();
      if (windowMillis > 0 && clock.millis() >= w.endMillis) {
        rotate(w);   // the row belongs to the next window
        continue;
      }
      Stripe s = w.stripes[probe];
      Throwable bad;
      s.lock.lock();
      try {
        if (s.sealed) {
          continue;
        }
        bad = s.read(features);
        if (bad == null) {
          s.commit(score);
        }
      } finally {
        s.lock.unlock();
      }
      if (bad == null) {
        w.rows.increment();
      } else {
        closer.malformed(w, bad);
      }
      if ((id + 1) % windowSize == 0) {   // one trigger per windowSize ids, without a second shared counter
        rotate(w);
      }
      return id;
    }
  }

  /** Closes the open window if its time is up. */
  void tick() {
    OpenWindow w = current.get();
    if (windowMillis > 0 && clock.millis() >= w.endMillis) {
      rotate(w);
    }
  }

  /** @return the open window */
  OpenWindow current() {
    return current.get();
  }

  /** @return the number of rows recorded */
  long recorded() {
    return ids.get();
  }

  /** Closes {@code w} if it is still current, and hands it to the closer. */
  private void rotate(OpenWindow w) {
    long now = clock.millis();
    if (swap(w, now)) {
      closer.closed(w, now);
    }
  }

  /**
   * Swaps in the next window if {@code w} is still current and seals {@code w}'s stripes, so that no
   * row is lost or counted twice.
   *
   * @return false if another thread closed {@code w} first
   */
  boolean swap(OpenWindow w, long now) {
    long start = windowMillis == 0 || now < w.endMillis ? now
        : w.endMillis + (now - w.endMillis) / windowMillis * windowMillis;
    if (!current.compareAndSet(w, newWindow(w.index + 1, start))) {
      return false;
    }
    for (Stripe s : w.stripes) {
      s.lock.lock();
      try {
        s.sealed = true;
      } finally {
        s.lock.unlock();
      }
    }
    return true;
  }

  private OpenWindow newWindow(long index, long start) {
    return new OpenWindow(index, start, windowMillis == 0 ? Long.MAX_VALUE : start + windowMillis, stripeMask + 1,
        layout, estimator);
  }
}
