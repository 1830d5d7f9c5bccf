package dev.mlops.api.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * What an alias must point at for a compare-and-set move or removal to go ahead; otherwise the
 * registry throws {@link VersionConflictException} naming what was expected and what it found.
 *
 * <pre>{@code
 * registry.setAlias(ModelRef.version("churn", 3), "champion", Expect.absent());     // first champion
 * registry.setAlias(ModelRef.version("churn", 4), "champion", Expect.version(3));   // 3 -> 4, unless moved meanwhile
 * registry.removeAlias("churn", "staging", Expect.version(4));
 * registry.setAlias(ModelRef.version("churn", 5), "champion", Expect.any());        // unconditional
 * }</pre>
 */
public sealed interface Expect permits Expect.Absent, Expect.AtVersion, Expect.Any {

  /** @return the expectation that the alias is not set */
  static Absent absent() {
    return new Absent();
  }

  /**
   * The expectation that the alias points at this version.
   *
   * @param version the version number, at least 1
   * @return the expectation
   * @throws IllegalArgumentException if the number is below 1
   */
  static AtVersion version(int version) {
    return new AtVersion(version);
  }

  /** @return no expectation: the alias may point anywhere or be unset */
  static Any any() {
    return new Any();
  }

  /**
   * Whether an alias in this state meets the expectation.
   *
   * @param current the version the alias points at, or empty if it is not set
   * @return whether the move or removal may go ahead
   */
  boolean isMetBy(Optional<ModelRef.Version> current);

  /** The alias must not be set. */
  record Absent() implements Expect {
    @Override
    public boolean isMetBy(Optional<ModelRef.Version> current) {
      return Objects.requireNonNull(current, "current").isEmpty();
    }

    /** @return {@code Expect.absent()} */
    @Override
    public String toString() {
      return "Expect.absent()";
    }
  }

  /**
   * The alias must point at this version.
   *
   * @param version the version number, from 1
   */
  record AtVersion(int version) implements Expect {
    /**
     * Validates the number.
     *
     * @param version the version number
     * @throws IllegalArgumentException if it is below 1
     */
    public AtVersion {
      RegistryNames.checkVersion(version);
    }

    @Override
    public boolean isMetBy(Optional<ModelRef.Version> current) {
      return Objects.requireNonNull(current, "current").isPresent() && current.get().number() == version;
    }

    /** @return {@code Expect.version(n)} */
    @Override
    public String toString() {
      return "Expect.version(" + version + ")";
    }
  }

  /** No precondition. */
  record Any() implements Expect {
    @Override
    public boolean isMetBy(Optional<ModelRef.Version> current) {
      Objects.requireNonNull(current, "current");
      return true;
    }

    /** @return {@code Expect.any()} */
    @Override
    public String toString() {
      return "Expect.any()";
    }
  }
}
