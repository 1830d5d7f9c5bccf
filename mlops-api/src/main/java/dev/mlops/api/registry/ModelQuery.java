package dev.mlops.api.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A search over registered versions: every condition given must hold. Deleted versions never
 * match.
 *
 * <pre>{@code
 * List<ModelVersion> found = registry.search(ModelQuery.builder()
 *     .name("churn")
 *     .tag("team", "risk")
 *     .metricAtLeast("auc", 0.9)
 *     .build());
 * }</pre>
 */
public final class ModelQuery implements Predicate<ModelVersion> {
  private final String name;
  private final String namePrefix;
  private final Map<String, String> tags;
  private final List<String> tagKeys;
  private final List<Bound> bounds;
  private final String alias;

  private record Bound(String metric, double value, boolean atLeast) {}

  private ModelQuery(Builder b) {
    this.name = b.name;
    this.namePrefix = b.namePrefix;
    this.tags = Map.copyOf(b.tags);
    this.tagKeys = List.copyOf(b.tagKeys);
    this.bounds = List.copyOf(b.bounds);
    this.alias = b.alias;
  }

  /** @return a query matching every live version */
  public static ModelQuery all() {
    return builder().build();
  }

  /** @return a new builder with no conditions */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the exact model name required, or null */
  public String name() {
    return name;
  }

  /**
   * Whether a version matches. Its {@link ModelVersion#aliases()} must be filled in for an alias
   * condition to match.
   *
   * @param v the version
   * @return whether every condition holds
   */
  @Override
  public boolean test(ModelVersion v) {
    if (name != null && !name.equals(v.name())) {
      return false;
    }
    if (namePrefix != null && !v.name().startsWith(namePrefix)) {
      return false;
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (!t.getValue().equals(v.tags().get(t.getKey()))) {
        return false;
      }
    }
    for (String k : tagKeys) {
      if (!v.tags().containsKey(k)) {
        return false;
      }
    }
    for (Bound b : bounds) {
      Double m = v.metrics().get(b.metric());
      if (m == null || (b.atLeast() ? m < b.value() : m > b.value())) {
        return false;
      }
    }
    return alias == null || v.aliases().contains(alias);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (name != null) {
      parts.add("name=" + name);
    }
    if (namePrefix != null) {
      parts.add("name starts with " + namePrefix);
    }
    tags.forEach((k, v) -> parts.add("tag " + k + "=" + v));
    tagKeys.forEach(k -> parts.add("has tag " + k));
    bounds.forEach(b -> parts.add(b.metric() + (b.atLeast() ? " >= " : " <= ") + b.value()));
    if (alias != null) {
      parts.add("alias @" + alias);
    }
    return "ModelQuery" + parts;
  }

  /** Collects a {@link ModelQuery}'s conditions. */
  public static final class Builder {
    private String name;
    private String namePrefix;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<String> tagKeys = new ArrayList<>();
    private final List<Bound> bounds = new ArrayList<>();
    private String alias;

    private Builder() {}

    /**
     * Requires this model name.
     *
     * @param value the name
     * @return this
     */
    public Builder name(String value) {
      this.name = RegistryNames.checkModelName(value);
      return this;
    }

    /**
     * Requires model names starting with a prefix.
     *
     * @param prefix the prefix
     * @return this
     */
    public Builder namePrefix(String prefix) {
      this.namePrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Requires a tag with this value.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder tag(String key, String value) {
      tags.put(RegistryNames.checkKey(key), RegistryNames.checkTagValue(key, value));
      return this;
    }

    /**
     * Requires a tag, with any value.
     *
     * @param key the key
     * @return this
     */
    public Builder hasTag(String key) {
      tagKeys.add(RegistryNames.checkKey(key));
      return this;
    }

    /**
     * Requires a metric at or above a threshold.
     *
     * @param metric the metric
     * @param min the threshold
     * @return this
     */
    public Builder metricAtLeast(String metric, double min) {
      bounds.add(new Bound(RegistryNames.checkKey(metric), RegistryNames.checkMetric(metric, min), true));
      return this;
    }

    /**
     * Requires a metric at or below a threshold.
     *
     * @param metric the metric
     * @param max the threshold
     * @return this
     */
    public Builder metricAtMost(String metric, double max) {
      bounds.add(new Bound(RegistryNames.checkKey(metric), RegistryNames.checkMetric(metric, max), false));
      return this;
    }

    /**
     * Requires an alias to point at the version.
     *
     * @param value the alias
     * @return this
     */
    public Builder alias(String value) {
      this.alias = RegistryNames.checkAlias(value);
      return this;
    }

    /** @return the query */
    public ModelQuery build() {
      return new ModelQuery(this);
    }
  }
}
