package dev.mlops.api.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a model version came from.
 *
 * <pre>{@code
 * Lineage lineage = Lineage.builder()
 *     .trainingData("sha256:9f86d0...")
 *     .parentVersion(2)
 *     .source("git:4e1c2a7 TrainChurn.java")
 *     .build();
 * }</pre>
 *
 * @param trainingData a fingerprint of the training data (such as Tribuo's {@code resource-hash}), if known
 * @param parentVersion the version of the same model this one was derived from, if any
 * @param source what produced the model (a commit, a job, a script), if recorded
 */
public record Lineage(Optional<String> trainingData, OptionalInt parentVersion, Optional<String> source) {
  private static final Lineage NONE = new Lineage(Optional.empty(), OptionalInt.empty(), Optional.empty());

  /**
   * Validates the components.
   *
   * @param trainingData the fingerprint, if known
   * @param parentVersion the parent, if any
   * @param source the source, if recorded
   * @throws IllegalArgumentException if the parent version is below 1, or a text is empty, too long or holds
   *     control characters
   */
  public Lineage {
    Objects.requireNonNull(trainingData, "trainingData").ifPresent(t -> checkText("lineage.trainingData", t));
    Objects.requireNonNull(parentVersion, "parentVersion").ifPresent(RegistryNames::checkVersion);
    Objects.requireNonNull(source, "source").ifPresent(s -> checkText("lineage.source", s));
  }

  private static String checkText(String what, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty; leave it unset when unknown");
    }
    return RegistryNames.checkTagValue(what, text);
  }

  /** @return no lineage recorded */
  public static Lineage none() {
    return NONE;
  }

  /** @return a new builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This lineage with another training-data fingerprint.
   *
   * @param fingerprint the fingerprint, not empty
   * @return the new lineage
   */
  public Lineage withTrainingData(String fingerprint) {
    return new Lineage(Optional.of(Objects.requireNonNull(fingerprint, "fingerprint")), parentVersion, source);
  }

  /** Collects a {@link Lineage}; each part may be set once, and every part is optional. */
  public static final class Builder {
    private String trainingData;
    private Integer parentVersion;
    private String source;

    private Builder() {}

    /**
     * Records a fingerprint of the training data.
     *
     * @param value the fingerprint: not empty, at most {@value RegistryNames#MAX_TAG_VALUE_LENGTH} characters,
     *     no control characters
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder trainingData(String value) {
      checkText("lineage.trainingData", Objects.requireNonNull(value, "trainingData"));
      BuilderChecks.once("trainingData", trainingData, value);
      this.trainingData = value;
      return this;
    }

    /**
     * Records the version of the same model this one was derived from.
     *
     * @param value the parent's number, at least 1 and below the new version's
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder parentVersion(int value) {
      RegistryNames.checkVersion(value);
      BuilderChecks.once("parentVersion", parentVersion, value);
      this.parentVersion = value;
      return this;
    }

    /**
     * Records what produced the model.
     *
     * @param value a commit, a job or a script: not empty, at most
     *     {@value RegistryNames#MAX_TAG_VALUE_LENGTH} characters, no control characters
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder source(String value) {
      checkText("lineage.source", Objects.requireNonNull(value, "source"));
      BuilderChecks.once("source", source, value);
      this.source = value;
      return this;
    }

    /** @return the lineage */
    public Lineage build() {
      return new Lineage(Optional.ofNullable(trainingData),
          parentVersion == null ? OptionalInt.empty() : OptionalInt.of(parentVersion), Optional.ofNullable(source));
    }
  }
}
