package dev.mlops.api.monitor;

/**
 * Called by a serving monitor ({@code dev.mlops.core.monitor.DriftMonitor}) with the report of every
 * closed window, drifted or not. A listener that throws is logged and counted; it never breaks
 * serving nor stops other listeners.
 *
 * <pre>{@code
 * WindowListener log = report -> System.out.println(report);
 * }</pre>
 */
@FunctionalInterface
public interface WindowListener {
  /**
   * Handles a closed window.
   *
   * @param report the window's report, never null
   */
  void onWindow(WindowReport report);
}
