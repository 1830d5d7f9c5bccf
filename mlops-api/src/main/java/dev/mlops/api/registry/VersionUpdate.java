package dev.mlops.api.registry;

import dev.mlops.api.gate.GateResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A change to a version's tags, metadata, metrics or gate result, optionally conditional on the
 * version's current {@linkplain ModelVersion#revision() revision} (optimistic concurrency).
 *
 * <pre>{@code
 * ModelVersion v = registry.get(ModelRef.version("churn", 3));
 * registry.update(v.ref(), VersionUpdate.builder()
 *     .tag("reviewed-by", "ana")
 *     .expectedRevision(v.revision())   // VersionConflictException if someone updated it meanwhile
 *     .build());
 * }</pre>
 */
public final class VersionUpdate {
  private final Map<String, String> setTags;
  private final Set<String> removeTags;
  private final Map<String, String> setMetadata;
  private final Set<String> removeMetadata;
  private final Map<String, Double> setMetrics;
  private final Optional<GateResult> gateResult;
  private final OptionalInt expectedRevision;

  private VersionUpdate(Builder b) {
    this.setTags = Collections.unmodifiableMap(new LinkedHashMap<>(b.setTags));
    this.removeTags = Collections.unmodifiableSet(new LinkedHashSet<>(b.removeTags));
    this.setMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.setMetadata));
    this.removeMetadata = Collections.unmodifiableSet(new LinkedHashSet<>(b.removeMetadata));
    this.setMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.setMetrics));
    this.gateResult = Optional.ofNullable(b.gateResult);
    this.expectedRevision = b.expectedRevision == null ? OptionalInt.empty() : OptionalInt.of(b.expectedRevision);
  }

  /**
   * A builder. Defaults: changes nothing and applies whatever the version's revision.
   *
   * @return a new builder with nothing set
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return tags to add or replace, in the order given */
  public Map<String, String> setTags() {
    return setTags;
  }

  /** @return tag keys to remove */
  public Set<String> removeTags() {
    return removeTags;
  }

  /** @return metadata entries to add or replace */
  public Map<String, String> setMetadata() {
    return setMetadata;
  }

  /** @return metadata keys to remove */
  public Set<String> removeMetadata() {
    return removeMetadata;
  }

  /** @return metric values to add or replace */
  public Map<String, Double> setMetrics() {
    return setMetrics;
  }

  /** @return a gate result to record, replacing any earlier one, if any */
  public Optional<GateResult> gateResult() {
    return gateResult;
  }

  /** @return the revision the version must have for the update to apply, or empty to apply unconditionally */
  public OptionalInt expectedRevision() {
    return expectedRevision;
  }

  /** @return whether the update changes nothing */
  public boolean isEmpty() {
    return setTags.isEmpty() && removeTags.isEmpty() && setMetadata.isEmpty() && removeMetadata.isEmpty()
        && setMetrics.isEmpty() && gateResult.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionUpdate u && u.setTags.equals(setTags) && u.removeTags.equals(removeTags)
        && u.setMetadata.equals(setMetadata) && u.removeMetadata.equals(removeMetadata)
        && u.setMetrics.equals(setMetrics) && u.gateResult.equals(gateResult)
        && u.expectedRevision.equals(expectedRevision);
  }

  @Override
  public int hashCode() {
    return Objects.hash(setTags, removeTags, setMetadata, removeMetadata, setMetrics, gateResult, expectedRevision);
  }

  @Override
  public String toString() {
    return "VersionUpdate[setTags=" + setTags + ", removeTags=" + removeTags + ", setMetadata="
        + setMetadata.keySet() + ", removeMetadata=" + removeMetadata + ", setMetrics=" + setMetrics
        + ", gateResult=" + gateResult.map(GateResult::verdict) + ", expectedRevision=" + expectedRevision + "]";
  }

  /**
   * Collects a {@link VersionUpdate}; every setter validates at once. A key is set or removed
   * once per update: setting it twice, or setting and removing it, throws naming both calls.
   */
  public static final class Builder {
    private final Map<String, String> setTags = new LinkedHashMap<>();
    private final Set<String> removeTags = new LinkedHashSet<>();
    private final Map<String, String> setMetadata = new LinkedHashMap<>();
    private final Set<String> removeMetadata = new LinkedHashSet<>();
    private final Map<String, Double> setMetrics = new LinkedHashMap<>();
    private GateResult gateResult;
    private Integer expectedRevision;

    private Builder() {}

    /**
     * Sets a tag.
     *
     * @param key the key, by {@link RegistryNames#checkKey}'s rules
     * @param value the value, by {@link RegistryNames#checkTagValue}'s rules
     * @return this
     * @throws IllegalStateException if this update already sets or removes the tag, naming both calls
     */
    public Builder tag(String key, String value) {
      RegistryNames.checkTagValue(RegistryNames.checkKey(key), value);
      if (removeTags.contains(key)) {
        throw new IllegalStateException("tag " + RegistryNames.quote(key) + " is both set and removed in one update: "
            + "it was already removed; cannot also set it to " + BuilderChecks.show(value));
      }
      BuilderChecks.putOnce(setTags, "tag", key, value);
      return this;
    }

    /**
     * Removes a tag (nothing happens if the version has none of that key).
     *
     * @param key the key
     * @return this
     * @throws IllegalStateException if this update already sets or removes the tag, naming both calls
     */
    public Builder removeTag(String key) {
      RegistryNames.checkKey(key);
      removeOnce(setTags, removeTags, "tag", key);
      return this;
    }

    /**
     * Sets a metadata entry.
     *
     * @param key the key, by {@link RegistryNames#checkKey}'s rules
     * @param value the value, by {@link RegistryNames#checkMetadataValue}'s rules
     * @return this
     * @throws IllegalStateException if this update already sets or removes the entry, naming both calls
     */
    public Builder metadata(String key, String value) {
      RegistryNames.checkMetadataValue(RegistryNames.checkKey(key), value);
      if (removeMetadata.contains(key)) {
        throw new IllegalStateException("metadata " + RegistryNames.quote(key) + " is both set and removed in one "
            + "update: it was already removed; cannot also set it to " + BuilderChecks.show(value));
      }
      BuilderChecks.putOnce(setMetadata, "metadata", key, value);
      return this;
    }

    /**
     * Removes a metadata entry (nothing happens if the version has none of that key).
     *
     * @param key the key
     * @return this
     * @throws IllegalStateException if this update already sets or removes the entry, naming both calls
     */
    public Builder removeMetadata(String key) {
      RegistryNames.checkKey(key);
      removeOnce(setMetadata, removeMetadata, "metadata", key);
      return this;
    }

    private static void removeOnce(Map<String, String> set, Set<String> removed, String what, String key) {
      if (set.containsKey(key)) {
        throw new IllegalStateException(what + " " + RegistryNames.quote(key) + " is both set and removed in one "
            + "update: it was already set to " + BuilderChecks.show(set.get(key)) + "; cannot also remove it");
      }
      if (!removed.add(key)) {
        throw new IllegalStateException(what + " " + RegistryNames.quote(key)
            + " was already removed by this update; cannot remove it twice");
      }
    }

    /**
     * Sets a metric value.
     *
     * @param key the metric, by {@link RegistryNames#checkKey}'s rules
     * @param value a finite value
     * @return this
     * @throws IllegalStateException if this update already sets the metric, naming both values
     */
    public Builder metric(String key, double value) {
      RegistryNames.checkMetric(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(setMetrics, "metric", key, value);
      return this;
    }

    /**
     * Records a gate result, replacing the version's earlier one.
     *
     * @param value the result
     * @return this
     * @throws IllegalStateException if this update already records one
     */
    public Builder gateResult(GateResult value) {
      Objects.requireNonNull(value, "gateResult");
      BuilderChecks.once("gateResult", gateResult == null ? null : gateResult.verdict(), value.verdict());
      this.gateResult = value;
      return this;
    }

    /**
     * Makes the update conditional on the version's current revision.
     *
     * @param revision the revision the version must have, at least 1
     * @return this
     * @throws IllegalStateException if it was already set, naming both revisions
     */
    public Builder expectedRevision(int revision) {
      if (revision < 1) {
        throw new IllegalArgumentException("expected revision must be >= 1, was " + revision);
      }
      BuilderChecks.once("expectedRevision", expectedRevision, revision);
      this.expectedRevision = revision;
      return this;
    }

    /** @return the update */
    public VersionUpdate build() {
      return new VersionUpdate(this);
    }
  }
}
