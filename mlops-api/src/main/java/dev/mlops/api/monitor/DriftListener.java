package dev.mlops.api.monitor;

/**
 * Called by a serving monitor ({@code dev.mlops.core.monitor.DriftMonitor}) when a check fires: the
 * hook for alerts and for continuous training. A listener that throws is logged and counted; it
 * never breaks serving nor stops other listeners.
 *
 * <pre>{@code
 * DriftListener retrain = event -> retrainQueue.offer(event);
 * }</pre>
 */
@FunctionalInterface
public interface DriftListener {
  /**
   * Handles an event.
   *
   * @param event the event, never null
   */
  void onDrift(DriftEvent event);
}
