package dev.mlops.core.monitor;

import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.DriftListener;
import dev.mlops.api.monitor.WindowListener;
import dev.mlops.api.monitor.WindowReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls the monitor's listeners. A listener never breaks the host: whatever it throws (except a
 * {@link VirtualMachineError} other than {@link StackOverflowError}) is logged on
 * {@code dev.mlops.monitor}, counted, and swallowed, and the remaining listeners are still called.
 */
final class ListenerDispatch {
  private final List<DriftListener> driftListeners;
  private final List<WindowListener> windowListeners;
  private final LongAdder failures = new LongAdder();
  private final AtomicLong events = new AtomicLong();

  ListenerDispatch(List<DriftListener> driftListeners, List<WindowListener> windowListeners) {
    this.driftListeners = new CopyOnWriteArrayList<>(driftListeners);
    this.windowListeners = new CopyOnWriteArrayList<>(windowListeners);
  }

  void addDriftListener(DriftListener listener) {
    driftListeners.add(listener);
  }

  void addWindowListener(WindowListener listener) {
    windowListeners.add(listener);
  }

  /** Tells every window listener about a closed window. */
  void window(WindowReport report) {
    for (WindowListener l : windowListeners) {
      try {
        l.onWindow(report);
      } catch (RuntimeException | Error e) {
        failed(e, "window listener " + l + " failed on window " + report.span().index());
      }
    }
  }

  /** Counts a drift event and tells every drift listener. */
  void drift(DriftEvent event) {
    events.incrementAndGet();
    for (DriftListener l : driftListeners) {
      try {
        l.onDrift(event);
      } catch (RuntimeException | Error e) {
        failed(e, "drift listener " + l + " failed on " + event);
      }
    }
  }

  private void failed(Throwable e, String message) {
    if (DriftMonitor.isFatal(e)) {
      throw (VirtualMachineError) e;
    }
    failures.increment();
    DriftMonitor.LOG.log(System.Logger.Level.WARNING, message, e);
  }

  long failures() {
    return failures.sum();
  }

  long events() {
    return events.get();
  }
}
