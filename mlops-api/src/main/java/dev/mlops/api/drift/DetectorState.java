package dev.mlops.api.drift;

/** What a streaming drift detector concludes after an observation. */
public enum DetectorState {
  /** No change seen. */
  STABLE,
  /** A change may be starting. */
  WARNING,
  /**
   * A change happened: the detector has forgotten the old regime (reset itself, or cut its window)
   * to learn the new one.
   */
  DRIFT
}
