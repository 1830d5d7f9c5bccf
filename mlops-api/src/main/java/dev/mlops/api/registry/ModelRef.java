package dev.mlops.api.registry;

import java.util.Objects;

/**
 * A reference to one version of a registered model, by number ({@code churn/3}) or by alias
 * ({@code churn@champion}).
 *
 * <pre>{@code
 * ModelRef byNumber = ModelRef.parse("churn/3");       // ModelRef.version("churn", 3)
 * ModelRef byAlias = ModelRef.parse("churn@champion"); // ModelRef.alias("churn", "champion")
 * }</pre>
 *
 * @param name the model's name
 * @param version the version number, or 0 for an alias reference
 * @param alias the alias, or {@code null} for a version reference
 */
public record ModelRef(String name, int version, String alias) {
  /**
   * Validates the components: exactly one of a version (at least 1) and an alias.
   *
   * @param name the model's name
   * @param version the version number, or 0
   * @param alias the alias, or null
   * @throws IllegalArgumentException if a name or alias breaks {@link RegistryNames}' rules, or if
   *     both or neither of version and alias are given
   */
  public ModelRef {
    RegistryNames.checkModelName(name);
    if (alias == null) {
      if (version < 1) {
        throw new IllegalArgumentException("a model reference needs a version of at least 1 or an alias; was version "
            + version + " for model " + name);
      }
    } else {
      RegistryNames.checkAlias(alias);
      if (version != 0) {
        throw new IllegalArgumentException("a model reference has a version or an alias, not both: " + name + "/"
            + version + " and " + name + "@" + alias);
      }
    }
  }

  /**
   * A reference to a version by number.
   *
   * @param name the model's name
   * @param version the number, at least 1
   * @return the reference
   */
  public static ModelRef version(String name, int version) {
    return new ModelRef(name, version, null);
  }

  /**
   * A reference to the version an alias points at.
   *
   * @param name the model's name
   * @param alias the alias
   * @return the reference
   */
  public static ModelRef alias(String name, String alias) {
    return new ModelRef(name, 0, Objects.requireNonNull(alias, "alias"));
  }

  /**
   * Parses {@code name/version} or {@code name@alias}.
   *
   * @param text the text
   * @return the reference
   * @throws IllegalArgumentException if the text has neither form, quoting it
   */
  public static ModelRef parse(String text) {
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

  /** @return whether this refers to an alias */
  public boolean isAlias() {
    return alias != null;
  }

  /** @return {@code name/version} or {@code name@alias}, which {@link #parse} reads back */
  @Override
  public String toString() {
    return alias == null ? name + "/" + version : name + "@" + alias;
  }
}
