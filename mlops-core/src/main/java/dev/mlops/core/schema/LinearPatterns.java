package dev.mlops.core.schema;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.mlops.api.schema.FieldConstraint;

/**
 * Compiles the expressions of {@code FieldConstraint.Pattern} with RE2/J, which matches in time
 * linear in the input whatever the expression: a pattern from someone else's schema file cannot
 * make validation backtrack exponentially (ReDoS). The syntax is RE2's; see
 * {@link FieldConstraint.Pattern}.
 */
final class LinearPatterns {
  private LinearPatterns() {}

  /**
   * Checks that RE2 accepts a constraint's expression, so that a schema file with one it does not
   * fails when read.
   *
   * @param pattern the constraint
   * @return the constraint
   * @throws IllegalArgumentException if RE2 does not accept the expression
   */
  static FieldConstraint.Pattern requireSupported(FieldConstraint.Pattern pattern) {
    compile(pattern.regex());
    return pattern;
  }

  /**
   * Compiles an expression.
   *
   * @param regex the expression
   * @return the compiled pattern; thread-safe, each scan makes its own matcher
   * @throws IllegalArgumentException if RE2 does not accept it, naming the problem and its index
   */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      // RE2/J gives no index, but quotes the offending part after the description.
      String message = e.getMessage();
      int open = message.lastIndexOf(": `");
      String part = open >= 0 && message.endsWith("`") ? message.substring(open + 3, message.length() - 1) : "";
      int index = part.isEmpty() ? -1 : regex.indexOf(part);
      throw new IllegalArgumentException("pattern does not compile (RE2 syntax): " + e.getDescription()
          + (part.isEmpty() ? "" : " " + part) + (index < 0 ? "" : " at index " + index) + " of \"" + regex + "\"", e);
    }
  }
}
