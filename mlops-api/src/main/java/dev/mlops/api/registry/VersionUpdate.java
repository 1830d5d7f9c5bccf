package dev.mlops.api.registry;

import dev.mlops.api.gate.GateResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A change to a version's tags, metadata, metrics or gate result, optionally conditional on the
 * version's current {@linkplain ModelVersion#revision() revision} (optimistic concurrency).
 *
 * <pre>{@code
 * ModelVersion v = registry.get(ModelRef.version("churn", 3));
 * registry.update("churn", 3, VersionUpdate.builder()
 *     .tag("reviewed-by", "ana")
 *     .expectedRevision(v.revision())   // VersionConflictException if someone updated it meanwhile
 *     .build());
 * }</pre>
 *
 * @param setTags tags to add or replace
 * @param removeTags tag keys to remove
 * @param setMetadata metadata entries to add or replace
 * @param removeMetadata metadata keys to remove
 * @param setMetrics metric values to add or replace
 * @param gateResult a gate result to record, replacing any earlier one
 * @param expectedRevision the revision the version must have, or 0 to apply unconditionally
 */
public record VersionUpdate(Map<String, String> setTags, Set<String> removeTags, Map<String, String> setMetadata,
    Set<String> removeMetadata, Map<String, Double> setMetrics, Optional<GateResult> gateResult,
    int expectedRevision) {

  /**
   * Validates and copies the components.
   *
   * @param setTags tags to set
   * @param removeTags tags to remove
   * @param setMetadata metadata to set
   * @param removeMetadata metadata to remove
   * @param setMetrics metrics to set
   * @param gateResult gate result to record
   * @param expectedRevision the expected revision or 0
   * @throws IllegalArgumentException if a key or value breaks {@link RegistryNames}' rules, a key
   *     is both set and removed, or the expected revision is negative
   */
  public VersionUpdate {
    setTags = ModelVersion.checkedTags(setTags);
    setMetadata = ModelVersion.checkedMetadata(setMetadata);
    setMetrics = ModelVersion.checkedMetrics(setMetrics);
    removeTags = keys(removeTags, "removeTags");
    removeMetadata = keys(removeMetadata, "removeMetadata");
    Objects.requireNonNull(gateResult, "gateResult");
    for (String k : removeTags) {
      if (setTags.containsKey(k)) {
        throw new IllegalArgumentException("tag \"" + k + "\" is both set and removed in one update");
      }
    }
    for (String k : removeMetadata) {
      if (setMetadata.containsKey(k)) {
        throw new IllegalArgumentException("metadata \"" + k + "\" is both set and removed in one update");
      }
    }
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("expectedRevision must be >= 0 (0 for unconditional), was "
          + expectedRevision);
    }
  }

  private static Set<String> keys(Set<String> keys, String what) {
    Set<String> out = new LinkedHashSet<>();
    Objects.requireNonNull(keys, what).forEach(k -> out.add(RegistryNames.checkKey(k)));
    return Collections.unmodifiableSet(out);
  }

  /** @return whether the update changes nothing */
  public boolean isEmpty() {
    return setTags.isEmpty() && removeTags.isEmpty() && setMetadata.isEmpty() && removeMetadata.isEmpty()
        && setMetrics.isEmpty() && gateResult.isEmpty();
  }

  /** @return a new builder that changes nothing and applies unconditionally */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects a {@link VersionUpdate}; every setter validates at once. */
  public static final class Builder {
    private final Map<String, String> setTags = new LinkedHashMap<>();
    private final Set<String> removeTags = new LinkedHashSet<>();
    private final Map<String, String> setMetadata = new LinkedHashMap<>();
    private final Set<String> removeMetadata = new LinkedHashSet<>();
    private final Map<String, Double> setMetrics = new LinkedHashMap<>();
    private GateResult gateResult;
    private int expectedRevision;

    private Builder() {}

    /**
     * Sets a tag.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder tag(String key, String value) {
      setTags.put(RegistryNames.checkKey(key), RegistryNames.checkTagValue(key, value));
      return this;
    }

    /**
     * Removes a tag.
     *
     * @param key the key
     * @return this
     */
    public Builder removeTag(String key) {
      removeTags.add(RegistryNames.checkKey(key));
      return this;
    }

    /**
     * Sets a metadata entry.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder metadata(String key, String value) {
      setMetadata.put(RegistryNames.checkKey(key), RegistryNames.checkMetadataValue(key, value));
      return this;
    }

    /**
     * Removes a metadata entry.
     *
     * @param key the key
     * @return this
     */
    public Builder removeMetadata(String key) {
      removeMetadata.add(RegistryNames.checkKey(key));
      return this;
    }

    /**
     * Sets a metric value.
     *
     * @param key the metric
     * @param value a finite value
     * @return this
     */
    public Builder metric(String key, double value) {
      setMetrics.put(RegistryNames.checkKey(key), RegistryNames.checkMetric(key, value));
      return this;
    }

    /**
     * Records a gate result.
     *
     * @param value the result
     * @return this
     */
    public Builder gateResult(GateResult value) {
      this.gateResult = Objects.requireNonNull(value, "gateResult");
      return this;
    }

    /**
     * Makes the update conditional on the version's current revision.
     *
     * @param revision the revision the version must have, at least 1
     * @return this
     */
    public Builder expectedRevision(int revision) {
      if (revision < 1) {
        throw new IllegalArgumentException("expected revision must be >= 1, was " + revision);
      }
      this.expectedRevision = revision;
      return this;
    }

    /** @return the update */
    public VersionUpdate build() {
      return new VersionUpdate(setTags, removeTags, setMetadata, removeMetadata, setMetrics,
          Optional.ofNullable(gateResult), expectedRevision);
    }
  }
}
