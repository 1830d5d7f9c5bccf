package dev.mlops.api.drift;

/**
 * A detector of change in a stream of values (a model's error indicator, a feature, a score),
 * updated one value at a time. Not thread-safe: one detector per stream.
 *
 * <pre>{@code
 * StreamingDriftDetector ddm = StreamingDetectors.ddm();
 * for (boolean error : errors) {
 *   if (ddm.update(error ? 1 : 0) == DetectorState.DRIFT) {
 *     retrain();
 *   }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * Every implementation behaves as follows (mlops-testing's {@code StreamingDetectorContractTest}
 * checks it):
 * <ul>
 *   <li><b>States.</b> Each update returns {@link DetectorState#STABLE}, {@link DetectorState#WARNING}
 *       (a change may be starting; detectors without a warning level never return it) or
 *       {@link DetectorState#DRIFT}. STABLE and WARNING may follow each other freely.
 *   <li><b>Drift is an event.</b> On DRIFT the detector forgets the old regime: {@link #observations()}
 *       falls, to 0 for a detector that restarts (every built-in one by default, ADWIN included,
 *       as in MOA's detector wrappers and River), or to the newest part of its window for one
 *       that keeps it (KSWIN, if built to). The update after a DRIFT returns STABLE: one value of the new
 *       regime is no evidence of another change.
 *   <li><b>Counting.</b> Between drifts, each update adds exactly one to {@link #observations()},
 *       which so counts the values since the last drift (plus any the window kept); {@link #reset()}
 *       sets it to 0 and makes the detector behave exactly as a new one.
 *   <li><b>Invalid input.</b> A value the detector cannot take (NaN, an infinity, or one outside its
 *       domain, such as 0.5 for an error-rate detector) throws {@link IllegalArgumentException} whose
 *       message names the value, and leaves the detector as it was.
 *   <li><b>Determinism.</b> The same values (and, for a randomised detector, the same seed) give the
 *       same states.
 * </ul>
 * A detector whose documentation says so updates without allocating.
 */
public interface StreamingDriftDetector {

  /**
   * Adds an observation.
   *
   * @param value the value (for error-rate detectors, 1 for an error and 0 for a correct prediction)
   * @return the state after this observation
   * @throws IllegalArgumentException if the value is NaN or outside what the detector accepts; the
   *     detector is then unchanged
   */
  DetectorState update(double value);

  /** Forgets everything, as if new. */
  void reset();

  /** @return the number of observations since the last reset or drift (plus any a windowed detector kept on drift) */
  long observations();
}
