package dev.mlops.core.data;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Recognises and parses number literals in text without exceptions: {@code [+-]digits},
 * {@code [+-]digits.digits}, {@code .5}, {@code 5.}, exponents, and {@code NaN}, {@code Inf},
 * {@code Infinity} with an optional sign in any case. Surrounding spaces and tabs are ignored. Java's
 * extras (hex floats, {@code d}/{@code f} suffixes) are not numbers here. Not thread-safe: one
 * instance per reader.
 */
final class NumberText {
  static final int NONE = 0;
  /** A plain integer literal whose magnitude is at most 2^53, exactly representable. */
  static final int WHOLE = 1;
  /** Any other number. */
  static final int REAL = 2;

  private static final long MAX_EXACT = 1L << 53;

  /** The kind of the last parsed text. */
  int kind;
  /** The value of the last parsed text when {@link #kind} is not {@link #NONE}. */
  double value;

  /** Parses {@code s}; returns its kind and leaves the value in {@link #value}. */
  int parse(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isBlank(s.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(s.charAt(end - 1))) {
      end--;
    }
    kind = NONE;
    if (start == end) {
      return NONE;
    }
    int i = start;
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '+' || c == '-') {
      negative = c == '-';
      if (++i == end) {
        return NONE;
      }
      c = s.charAt(i);
    }
    if (c == 'n' || c == 'N' || c == 'i' || c == 'I') {
      return special(s, i, end, negative);
    }
    long acc = 0;
    int intDigits = 0;
    while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
      if (intDigits < 18) {
        acc = acc * 10 + (c - '0');
      }
      intDigits++;
      i++;
    }
    int fracDigits = 0;
    boolean plain = true;
    if (i < end && s.charAt(i) == '.') {
      plain = false;
      i++;
      while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
        fracDigits++;
        i++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return NONE;
    }
    if (i < end && ((c = s.charAt(i)) == 'e' || c == 'E')) {
      plain = false;
      if (++i < end && ((c = s.charAt(i)) == '+' || c == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < end && (c = s.charAt(i)) >= '0' && c <= '9') {
        expDigits++;
        i++;
      }
      if (expDigits == 0) {
        return NONE;
      }
    }
    if (i != end) {
      return NONE;
    }
    if (plain && intDigits <= 18 && acc <= MAX_EXACT) {
      value = negative ? -(double) acc : (double) acc;
      return kind = WHOLE;
    }
    String literal = start == 0 && end == s.length() ? s : s.substring(start, end);
    value = NumberInput.parseDouble(literal, true);
    return kind = REAL;
  }

  private int special(String s, int i, int end, boolean negative) {
    int n = end - i;
    if (n == 3 && s.regionMatches(true, i, "nan", 0, 3)) {
      value = Double.NaN;
    } else if ((n == 3 && s.regionMatches(true, i, "inf", 0, 3))
        || (n == 8 && s.regionMatches(true, i, "infinity", 0, 8))) {
      value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else {
      return NONE;
    }
    return kind = REAL;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** Returns 1 for true, 0 for false, -1 when {@code s} is neither (case-insensitive). */
  static int parseBoolean(String s) {
    if (s.length() == 4 && s.equalsIgnoreCase("true")) {
      return 1;
    }
    if (s.length() == 5 && s.equalsIgnoreCase("false")) {
      return 0;
    }
    return -1;
  }
}
