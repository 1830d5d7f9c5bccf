package dev.mlops.core.monitor;

/**
 * Called by a {@link DriftMonitor} when a check fires: the hook for alerts and for continuous
 * training. A listener that throws is logged and counted; it never breaks serving nor stops other
 * listeners.
 */
@FunctionalInterface
public interface DriftListener {
  /**
   * Handles an event.
   *
   * @param event the event
   */
  void onDrift(DriftEvent event);
}
