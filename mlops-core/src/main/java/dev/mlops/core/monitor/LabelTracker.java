package dev.mlops.core.monitor;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.monitor.Signal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Late labels: the ring of recent predictions waiting for their truth, and the streaming detector
 * fed with the errors.
 */
final class LabelTracker {
  /** What a label matched. */
  enum Match {
    /** No pending prediction: unknown, too old, without a score, or already labelled. */
    UNMATCHED,
    /** The prediction was right. */
    RIGHT,
    /** The prediction was wrong. */
    WRONG
  }

  /** Per slot, {@code id << 1 | predictedPositive}, or -1 when empty. */
  private final AtomicLongArray pending;
  private final int pendingMask;
  private final double decisionThreshold;
  private final ReentrantLock detectorLock = new ReentrantLock();
  private final StreamingDriftDetector detector;
  private volatile DetectorState state = DetectorState.STABLE;
  private final LongAdder unmatched = new LongAdder();

  LabelTracker(int capacity, double decisionThreshold, StreamingDriftDetector detector) {
    int ring = Integer.highestOneBit(capacity - 1) << 1;
    pending = new AtomicLongArray(ring);
    for (int i = 0; i < ring; i++) {
      pending.set(i, -1);
    }
    pendingMask = ring - 1;
    this.decisionThreshold = decisionThreshold;
    this.detector = detector;
  }

  /** Remembers a scored prediction, overwriting the oldest in its slot. */
  void expect(long id, double score) {
    pending.set((int) (id & pendingMask), (id << 1) | (score >= decisionThreshold ? 1 : 0));
  }

  /** Takes the pending prediction {@code id} and tells whether it was right. */
  Match match(long id, boolean positive) {
    int slot = (int) (id & pendingMask);
    long v = pending.get(slot);
    if (v < 0 || (v >>> 1) != id || !pending.compareAndSet(slot, v, -1)) {
      unmatched.increment();
      return Match.UNMATCHED;
    }
    return ((v & 1) == 1) != positive ? Match.WRONG : Match.RIGHT;
  }

  /**
   * Feeds the detector.
   *
   * @return a concept-drift signal when the detector has just reached DRIFT, else empty
   */
  Optional<Signal> update(double error) {
    long seen;
    detectorLock.lock();
    try {
      DetectorState before = state;
      // Detectors restart on DRIFT, so count the labels they saw before this one, plus this one.
      long sinceLastDrift = detector.observations() + 1;
      DetectorState now = detector.update(error);
      state = now;
      if (now != DetectorState.DRIFT || before == DetectorState.DRIFT) {
        return Optional.empty();
      }
      seen = sinceLastDrift;
    } finally {
      detectorLock.unlock();
    }
    return Optional.of(new Signal(Signal.Kind.CONCEPT_DRIFT, "", "error detector", error, Double.NaN,
        "the error detector reached DRIFT after " + seen + " labelled predictions"));
  }

  DetectorState state() {
    return state;
  }

  long unmatched() {
    return unmatched.sum();
  }
}
