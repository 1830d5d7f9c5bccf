package dev.mlops.api.drift;

/** What a streaming drift detector concludes after an observation. */
public enum DetectorState {
  /** No change seen. */
  STABLE,
  /** A change may be starting. */
  WARNING,
  /** A change happened; the detector has reset itself to learn the new regime. */
  DRIFT
}
