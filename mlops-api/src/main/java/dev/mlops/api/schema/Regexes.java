package dev.mlops.api.schema;

import java.util.Objects;

/**
 * Checks the regular expression of a {@link FieldConstraint.Pattern} without a regex engine (the
 * engine is core's): groups and character classes must be closed, and the expression must use no
 * construct that a linear-time engine lacks (backreferences, lookaround, atomic groups, possessive
 * quantifiers). Validators match patterns with such an engine (RE2 syntax), which a hostile pattern
 * or value cannot make backtrack exponentially; the engine checks the rest of the syntax.
 */
final class Regexes {
  private static final String WHY = ": schema patterns are matched in linear time (RE2 syntax), without "
      + "backreferences, lookaround, atomic groups or possessive quantifiers";

  private Regexes() {}

  /**
   * Fails unless {@code regex} has its groups and classes closed and stays within regular constructs.
   *
   * @param regex a regular expression
   * @throws NullPointerException if regex is null
   * @throws IllegalArgumentException naming the problem and its index in the expression
   */
  static void requireValid(String regex) {
    Objects.requireNonNull(regex, "regex");
    int n = regex.length();
    int classDepth = 0;
    int classStart = -1;
    int[] groupStarts = new int[n + 1];
    int groups = 0;
    boolean afterQuantifier = false;
    for (int i = 0; i < n; i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < n) {
        char e = regex.charAt(i + 1);
        if (e == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? n : end + 1;
        } else if (classDepth == 0 && e >= '1' && e <= '9') {
          throw unsupported("a backreference (\\" + e + ")", i, regex);
        } else if (classDepth == 0 && e == 'k' && i + 2 < n && regex.charAt(i + 2) == '<') {
          throw unsupported("a named backreference (\\k<...>)", i, regex);
        } else {
          i++;
        }
        afterQuantifier = false;
        continue;
      }
      if (classDepth > 0) {
        if (c == '[' && i + 1 < n && regex.charAt(i + 1) == ':') {
          classDepth++;   // a POSIX class such as [:alpha:]; any other '[' in a class is a literal
        } else if (c == ']') {
          classDepth--;
        }
        continue;
      }
      switch (c) {
        case '[' -> {
          classDepth = 1;
          classStart = i;
          // A ']' right after '[' or '[^' is a literal.
          int j = i + 1;
          if (j < n && regex.charAt(j) == '^') {
            j++;
          }
          if (j < n && regex.charAt(j) == ']') {
            j++;
          }
          i = j - 1;
          afterQuantifier = false;
        }
        case '(' -> {
          if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i)) {
            throw unsupported("a lookahead (" + regex.substring(i, i + 3) + ")", i, regex);
          }
          if (regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i)) {
            throw unsupported("a lookbehind (" + regex.substring(i, i + 4) + ")", i, regex);
          }
          if (regex.startsWith("(?>", i)) {
            throw unsupported("an atomic group ((?>)", i, regex);
          }
          groupStarts[groups++] = i;
          if (regex.startsWith("(?", i)) {
            i++;   // the '?' of a group's syntax is no quantifier
          }
          afterQuantifier = false;
        }
        case ')' -> {
          if (groups == 0) {
            throw malformed("unmatched closing ')'", i, regex);
          }
          groups--;
          afterQuantifier = false;
        }
        case '*', '+', '?' -> {
          if (afterQuantifier && c == '+') {
            throw unsupported("a possessive quantifier (" + regex.charAt(i - 1) + "+)", i - 1, regex);
          }
          // '?' after a quantifier makes it lazy, which a linear-time engine supports.
          afterQuantifier = !(afterQuantifier && c == '?');
        }
        case '{' -> {
          int close = regex.indexOf('}', i);
          if (close > i && regex.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
            i = close;
            afterQuantifier = true;
          } else {
            afterQuantifier = false;
          }
        }
        default -> afterQuantifier = false;
      }
    }
    if (classDepth > 0) {
      throw malformed("unclosed character class", classStart, regex);
    }
    if (groups > 0) {
      throw malformed("unclosed group", groupStarts[groups - 1], regex);
    }
  }

  private static IllegalArgumentException malformed(String what, int index, String regex) {
    return new IllegalArgumentException("pattern does not compile: " + what + " at index " + index + " of \"" + regex
        + "\"");
  }

  private static IllegalArgumentException unsupported(String what, int index, String regex) {
    return new IllegalArgumentException("pattern uses " + what + " at index " + index + " of \"" + regex + "\"" + WHY);
  }
}
