package dev.mlops.api.registry;

import java.util.Objects;

/**
 * Where a model version came from.
 *
 * <pre>{@code
 * new Lineage("sha256:9f86d0...", 2, "git:4e1c2a7 TrainChurn.java")
 * }</pre>
 *
 * @param trainingData a fingerprint of the training data (such as Tribuo's {@code resource-hash}),
 *     or an empty string when unknown
 * @param parentVersion the version of the same model this one was derived from, or 0 for none
 * @param source what produced the model (a commit, a job, a script), or an empty string
 */
public record Lineage(String trainingData, int parentVersion, String source) {
  /** No lineage recorded. */
  public static final Lineage NONE = new Lineage("", 0, "");

  /**
   * Validates the components.
   *
   * @param trainingData the fingerprint, or ""
   * @param parentVersion the parent, or 0
   * @param source the source, or ""
   * @throws IllegalArgumentException if the parent version is negative, or a text is too long or
   *     holds control characters
   */
  public Lineage {
    RegistryNames.checkTagValue("lineage.trainingData", Objects.requireNonNull(trainingData, "trainingData"));
    RegistryNames.checkTagValue("lineage.source", Objects.requireNonNull(source, "source"));
    if (parentVersion < 0) {
      throw new IllegalArgumentException("lineage parent version must be >= 0 (0 for none), was " + parentVersion);
    }
  }

  /** @return whether a parent version is recorded */
  public boolean hasParent() {
    return parentVersion > 0;
  }

  /**
   * This lineage with another training-data fingerprint.
   *
   * @param fingerprint the fingerprint
   * @return the new lineage
   */
  public Lineage withTrainingData(String fingerprint) {
    return new Lineage(fingerprint, parentVersion, source);
  }
}
