package dev.mlops.api.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  /** @return the exact model name required, if the query requires one */
  public Optional<String> name() {
    return Optional.ofNullable(name);
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

  /**
   * Collects a {@link ModelQuery}'s conditions; every setter validates at once. A condition is
   * given once: a second name, prefix or alias, a second condition on the same tag or metric bound,
   * or a name outside the prefix throws naming both.
   */
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
     * @throws IllegalStateException if a name was already given, or it does not start with the name prefix
     */
    public Builder name(String value) {
      RegistryNames.checkModelName(value);
      BuilderChecks.once("name", name, value);
      checkNameInPrefix(value, namePrefix);
      this.name = value;
      return this;
    }

    /**
     * Requires model names starting with a prefix.
     *
     * @param prefix the prefix
     * @return this
     * @throws IllegalStateException if a prefix was already given, or the name does not start with it
     */
    public Builder namePrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      BuilderChecks.once("namePrefix", namePrefix, prefix);
      checkNameInPrefix(name, prefix);
      this.namePrefix = prefix;
      return this;
    }

    /**
     * Requires a tag with this value.
     *
     * @param key the key
     * @param value the value
     * @return this
     * @throws IllegalStateException if a value of this tag was already required, naming both
     */
    public Builder tag(String key, String value) {
      RegistryNames.checkTagValue(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(tags, "tag", key, value);
      return this;
    }

    /**
     * Requires a tag, with any value.
     *
     * @param key the key
     * @return this
     * @throws IllegalStateException if this tag was already required
     */
    public Builder hasTag(String key) {
      RegistryNames.checkKey(key);
      if (tagKeys.contains(key)) {
        throw new IllegalStateException("hasTag(" + RegistryNames.quote(key) + ") was already given");
      }
      tagKeys.add(key);
      return this;
    }

    /**
     * Requires a metric at or above a threshold.
     *
     * @param metric the metric
     * @param min the threshold
     * @return this
     * @throws IllegalStateException if a lower bound of this metric was already given, or an upper bound below
     *     {@code min}, naming both
     */
    public Builder metricAtLeast(String metric, double min) {
      addBound(new Bound(RegistryNames.checkKey(metric), RegistryNames.checkMetric(metric, min), true));
      return this;
    }

    /**
     * Requires a metric at or below a threshold.
     *
     * @param metric the metric
     * @param max the threshold
     * @return this
     * @throws IllegalStateException if an upper bound of this metric was already given, or a lower bound above
     *     {@code max}, naming both
     */
    public Builder metricAtMost(String metric, double max) {
      addBound(new Bound(RegistryNames.checkKey(metric), RegistryNames.checkMetric(metric, max), false));
      return this;
    }

    /**
     * Requires an alias to point at the version.
     *
     * @param value the alias
     * @return this
     * @throws IllegalStateException if an alias was already given, naming both
     */
    public Builder alias(String value) {
      RegistryNames.checkAlias(value);
      BuilderChecks.once("alias", alias, value);
      this.alias = value;
      return this;
    }

    private static void checkNameInPrefix(String exact, String prefix) {
      if (exact != null && prefix != null && !exact.startsWith(prefix)) {
        throw new IllegalStateException("name " + RegistryNames.quote(exact) + " does not start with namePrefix "
            + RegistryNames.quote(prefix) + "; the query could match nothing");
      }
    }

    private void addBound(Bound bound) {
      for (Bound b : bounds) {
        if (b.metric().equals(bound.metric()) && b.atLeast() == bound.atLeast()) {
          throw new IllegalStateException(describe(b) + " was already given; cannot also require " + describe(bound));
        }
        if (b.metric().equals(bound.metric()) && (b.atLeast() ? b.value() > bound.value() : b.value() < bound.value())) {
          throw new IllegalStateException(describe(b) + " contradicts " + describe(bound) + "; the query could match "
              + "nothing");
        }
      }
      bounds.add(bound);
    }

    private static String describe(Bound b) {
      return (b.atLeast() ? "metricAtLeast(" : "metricAtMost(") + RegistryNames.quote(b.metric()) + ", " + b.value()
          + ")";
    }

    /** @return the query */
    public ModelQuery build() {
      return new ModelQuery(this);
    }
  }
}
