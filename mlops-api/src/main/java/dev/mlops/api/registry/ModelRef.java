package dev.mlops.api.registry;

import java.util.Objects;

/**
 * A reference to one version of a registered model: by number ({@code churn/3}, a
 * {@link Version}) or by alias ({@code churn@champion}, an {@link Alias}, resolved when it is
 * used).
 *
 * <pre>{@code
 * ModelRef.Version pinned = ModelRef.version("churn", 3);       // churn/3
 * ModelRef.Alias champion = ModelRef.alias("churn", "champion"); // churn@champion
 * ModelRef ref = ModelRef.parse(args[0]);                        // either form
 * if (ref instanceof ModelRef.Alias a) { ... a.alias() ... }
 * }</pre>
 *
 * <p>{@code toString()} prints {@code name/number} or {@code name@alias}, which
 * {@link #parse(String)} reads back.
 */
public sealed interface ModelRef permits ModelRef.Version, ModelRef.Alias {

  /** @return the model's name */
  String name();

  /**
   * A reference to a version by number.
   *
   * @param name the model's name
   * @param number the version number, at least 1
   * @return the reference
   * @throws IllegalArgumentException if the name breaks {@link RegistryNames}' rules or the number is below 1
   */
  static Version version(String name, int number) {
    return new Version(name, number);
  }

  /**
   * A reference to the version an alias points at.
   *
   * @param name the model's name
   * @param alias the alias
   * @return the reference
   * @throws IllegalArgumentException if the name or alias breaks {@link RegistryNames}' rules
   */
  static Alias alias(String name, String alias) {
    return new Alias(name, alias);
  }

  /**
   * Parses {@code name/number} ({@code churn/3}) or {@code name@alias} ({@code churn@champion}),
   * the forms {@code toString()} prints.
   *
   * @param text the text
   * @return the reference
   * @throws IllegalArgumentException if the text has neither form, quoting it and showing both forms,
   *     or if its name, number or alias breaks {@link RegistryNames}' rules
   */
  static ModelRef parse(String text) {
    Objects.requireNonNull(text, "text");
    int at = text.indexOf('@');
    int slash = text.indexOf('/');
    if (at > 0 && slash < 0 && at == text.lastIndexOf('@')) {
      return alias(text.substring(0, at), text.substring(at + 1));
    }
    if (slash > 0 && at < 0 && slash == text.lastIndexOf('/')) {
      String number = text.substring(slash + 1);
      if (number.matches("[0-9]{1,9}")) {
        return version(text.substring(0, slash), Integer.parseInt(number));
      }
    }
    throw new IllegalArgumentException("model reference " + RegistryNames.quote(text)
        + " is neither name/version (churn/3) nor name@alias (churn@champion)");
  }

  /**
   * A version by number, such as {@code churn/3}.
   *
   * @param name the model's name
   * @param number the version number, from 1
   */
  record Version(String name, int number) implements ModelRef {
    /**
     * Validates the components.
     *
     * @param name the model's name
     * @param number the version number
     * @throws IllegalArgumentException if the name breaks {@link RegistryNames}' rules or the number is below 1
     */
    public Version {
      RegistryNames.checkModelName(name);
      RegistryNames.checkVersion(number);
    }

    /** @return {@code name/number}, which {@link ModelRef#parse} reads back */
    @Override
    public String toString() {
      return name + "/" + number;
    }
  }

  /**
   * The version an alias points at, such as {@code churn@champion}.
   *
   * @param name the model's name
   * @param alias the alias
   */
  record Alias(String name, String alias) implements ModelRef {
    /**
     * Validates the components.
     *
     * @param name the model's name
     * @param alias the alias
     * @throws IllegalArgumentException if the name or alias breaks {@link RegistryNames}' rules
     */
    public Alias {
      RegistryNames.checkModelName(name);
      RegistryNames.checkAlias(alias);
    }

    /** @return {@code name@alias}, which {@link ModelRef#parse} reads back */
    @Override
    public String toString() {
      return name + "@" + alias;
    }
  }
}
