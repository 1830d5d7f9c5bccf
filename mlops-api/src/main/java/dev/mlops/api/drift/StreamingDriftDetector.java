package dev.mlops.api.drift;

/**
 * A detector of change in a stream of values (a model's error indicator, a feature, a score),
 * updated one value at a time in constant time. After {@link DetectorState#DRIFT} the detector
 * resets itself and starts learning the new regime. Not thread-safe: one detector per stream.
 *
 * <pre>{@code
 * StreamingDriftDetector ddm = StreamingDetectors.ddm();
 * for (boolean error : errors) {
 *   if (ddm.update(error ? 1 : 0) == DetectorState.DRIFT) {
 *     retrain();
 *   }
 * }
 * }</pre>
 */
public interface StreamingDriftDetector {

  /**
   * Adds an observation.
   *
   * @param value the value (for error-rate detectors, 1 for an error and 0 for a correct prediction)
   * @return the state after this observation
   * @throws IllegalArgumentException if the value is NaN or outside what the detector accepts
   */
  DetectorState update(double value);

  /** Forgets everything, as if new. */
  void reset();

  /** @return the number of observations since the last reset (or drift) */
  long observations();
}
