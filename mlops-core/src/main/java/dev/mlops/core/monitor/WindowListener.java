package dev.mlops.core.monitor;

/**
 * Called by a {@link DriftMonitor} with the report of every closed window, drifted or not. A
 * listener that throws is logged and counted; it never breaks serving.
 */
@FunctionalInterface
public interface WindowListener {
  /**
   * Handles a closed window.
   *
   * @param report the window's report
   */
  void onWindow(WindowReport report);
}
