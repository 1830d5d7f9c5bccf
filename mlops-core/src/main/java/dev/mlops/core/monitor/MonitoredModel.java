package dev.mlops.core.monitor;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A model whose every prediction a {@link DriftMonitor} records. The model's own exceptions reach
 * the caller; a failure inside monitoring (turning the request into features, reading the score,
 * recording, and in {@linkplain DriftMonitorBuilder#synchronousChecks() synchronous mode} checking a
 * window) is logged and counted by the monitor and the prediction is still returned, whatever was
 * thrown, {@link Error}s included, except a {@link VirtualMachineError} other than
 * {@link StackOverflowError}.
 *
 * @param <R> the request type
 * @param <P> the prediction type
 */
public final class MonitoredModel<R, P> implements Function<R, P> {
  private final DriftMonitor monitor;
  private final Function<? super R, ? extends P> model;
  private final Function<? super R, ? extends Map<String, ?>> features;
  private final ToDoubleFunction<? super P> score;

  MonitoredModel(DriftMonitor monitor, Function<? super R, ? extends P> model,
      Function<? super R, ? extends Map<String, ?>> features, ToDoubleFunction<? super P> score) {
    this.monitor = monitor;
    this.model = model;
    this.features = features;
    this.score = score;
  }

  /**
   * A prediction with the id to label it by later.
   *
   * @param id the id for {@link DriftMonitor#label(long, boolean)}, or -1 if recording failed
   * @param prediction the prediction
   * @param <P> the prediction type
   */
  public record Tracked<P>(long id, P prediction) {}

  /**
   * Predicts and records.
   *
   * @param request the request
   * @return the prediction and its id
   */
  public Tracked<P> track(R request) {
    Objects.requireNonNull(request, "request");
    P prediction = model.apply(request);
    long id = -1;
    try {
      id = monitor.record(features.apply(request), score.applyAsDouble(prediction));
    } catch (RuntimeException | Error e) {
      if (DriftMonitor.isFatal(e)) {
        throw e;
      }
      monitor.recordingFailed(e);
    }
    return new Tracked<>(id, prediction);
  }

  /**
   * Predicts and records, returning only the prediction.
   *
   * @param request the request
   * @return the prediction
   */
  @Override
  public P apply(R request) {
    return track(request).prediction();
  }

  /** @return the monitor */
  public DriftMonitor monitor() {
    return monitor;
  }
}
