package dev.mlops.api.schema;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks the regular expression of a {@link FieldConstraint.Pattern}. */
final class Regexes {
  private Regexes() {}

  /**
   * Fails unless {@code regex} compiles.
   *
   * @param regex a Java regular expression
   * @throws IllegalArgumentException naming the problem and where it is
   */
  static void requireValid(String regex) {
    Objects.requireNonNull(regex, "regex");
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern does not compile: " + e.getDescription() + " near index "
          + e.getIndex() + " of \"" + regex + "\"", e);
    }
  }
}
