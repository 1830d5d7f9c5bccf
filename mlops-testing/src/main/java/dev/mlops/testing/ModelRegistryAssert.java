package dev.mlops.testing;

import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ModelRegistry}. Failures show the model's versions and aliases.
 *
 * <pre>{@code
 * assertThat(registry).hasVersion(ModelRef.version("churn", 3)).hasAlias("churn", "champion").pointingTo(3);
 * assertThat(registry).hasNoAlias("churn", "staging").hasNoVersion(ModelRef.parse("churn/4"));
 * }</pre>
 */
public final class ModelRegistryAssert extends AbstractAssert<ModelRegistryAssert, ModelRegistry> {

  ModelRegistryAssert(ModelRegistry actual) {
    super(actual, ModelRegistryAssert.class);
  }

  /**
   * Verifies that a live version exists.
   *
   * @param ref the version, by number ({@code ModelRef.version("churn", 3)}) or alias
   * @return this
   */
  public ModelRegistryAssert hasVersion(ModelRef ref) {
    Objects.requireNonNull(ref, "ref");
    isNotNull();
    if (actual.find(ref).isEmpty()) {
      failWithMessage("Expected model version %s to exist but it does not; %s", ref, describe(ref.name()));
    }
    return this;
  }

  /**
   * Verifies that a version does not exist (never registered, or deleted).
   *
   * @param ref the version, by number or alias
   * @return this
   */
  public ModelRegistryAssert hasNoVersion(ModelRef ref) {
    Objects.requireNonNull(ref, "ref");
    isNotNull();
    if (actual.find(ref).isPresent()) {
      failWithMessage("Expected model version %s not to exist but it does; %s", ref, describe(ref.name()));
    }
    return this;
  }

  /**
   * Verifies the live version numbers of a model, in order.
   *
   * @param name the model
   * @param versions the expected numbers
   * @return this
   */
  public ModelRegistryAssert hasVersions(String name, int... versions) {
    isNotNull();
    List<Integer> found = actual.versions(name).stream().map(ModelVersion::version).toList();
    List<Integer> expected = Arrays.stream(versions).boxed().toList();
    if (!found.equals(expected)) {
      failWithMessage("Expected model %s to have live versions %s but it has %s", name, expected, found);
    }
    return this;
  }

  /**
   * Verifies that an alias is set and navigates to where it points.
   *
   * @param name the model
   * @param alias the alias
   * @return an assertion on the alias's target
   */
  public AliasAssert hasAlias(String name, String alias) {
    ModelRef.Alias ref = ModelRef.alias(name, alias);
    isNotNull();
    Optional<ModelVersion> target = actual.find(ref);
    if (target.isEmpty()) {
      failWithMessage("Expected alias %s to be set but it is not; %s", ref, describe(name));
    }
    return new AliasAssert(this, ref, target.get());
  }

  /**
   * Verifies that an alias is not set.
   *
   * @param name the model
   * @param alias the alias
   * @return this
   */
  public ModelRegistryAssert hasNoAlias(String name, String alias) {
    ModelRef.Alias ref = ModelRef.alias(name, alias);
    isNotNull();
    Optional<ModelVersion> target = actual.find(ref);
    if (target.isPresent()) {
      failWithMessage("Expected alias %s not to be set but it points at version %d", ref, target.get().version());
    }
    return this;
  }

  /**
   * Verifies how many live versions match a query.
   *
   * @param query the query
   * @param count the expected count
   * @return this
   */
  public ModelRegistryAssert hasMatches(ModelQuery query, int count) {
    Objects.requireNonNull(query, "query");
    isNotNull();
    List<ModelVersion> found = actual.search(query);
    if (found.size() != count) {
      failWithMessage("Expected %d versions to match %s but %d do: %s", count, query, found.size(),
          found.stream().map(v -> v.ref().toString()).toList());
    }
    return this;
  }

  private String describe(String name) {
    List<Integer> versions = actual.versions(name).stream().map(ModelVersion::version).toList();
    if (versions.isEmpty()) {
      return "the registry has no live version of " + name + " (models: " + actual.modelNames() + ")";
    }
    Map<String, Integer> aliases = actual.model(name).aliases();
    return name + " has live versions " + versions + " and aliases " + aliases;
  }

  /** Assertions on the version an alias points at. */
  public static final class AliasAssert extends AbstractAssert<AliasAssert, ModelVersion> {
    private final ModelRegistryAssert parent;
    private final ModelRef.Alias ref;

    AliasAssert(ModelRegistryAssert parent, ModelRef.Alias ref, ModelVersion target) {
      super(target, AliasAssert.class);
      this.parent = parent;
      this.ref = ref;
    }

    /**
     * Verifies the version number the alias points at.
     *
     * @param version the expected number
     * @return the registry assertion, to go on
     */
    public ModelRegistryAssert pointingTo(int version) {
      isNotNull();
      if (actual.version() != version) {
        failWithMessage("Expected alias %s to point at version %d but it points at version %d", ref, version,
            actual.version());
      }
      return parent;
    }

    /**
     * Verifies that the version the alias points at has a passing gate result recorded.
     *
     * @return this
     */
    public AliasAssert withPassingGate() {
      isNotNull();
      if (actual.gateResult().isEmpty() || !actual.gateResult().get().passed()) {
        failWithMessage("Expected %s (version %d) to have a passing gate result but it has %s", ref, actual.version(),
            actual.gateResult().map(g -> g.verdict().toString()).orElse("none"));
      }
      return this;
    }
  }
}
