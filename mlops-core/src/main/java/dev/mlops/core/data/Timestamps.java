package dev.mlops.core.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/** ISO-8601 timestamp parsing into epoch microseconds. */
final class Timestamps {
  private static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  private Timestamps() {}

  /**
   * Returns whether {@code text} has the shape of an ISO-8601 date or date-time
   * ({@code yyyy-MM-dd}, then optionally {@code T} or a space and a time). A cheap test that lets
   * inference reject most strings without an exception.
   */
  static boolean looksLikeTimestamp(CharSequence text) {
    int n = text.length();
    if (n < 10 || (n > 10 && "Tt ".indexOf(text.charAt(10)) < 0)) {
      return false;
    }
    return isDigit(text, 0) && isDigit(text, 1) && isDigit(text, 2) && isDigit(text, 3)
        && text.charAt(4) == '-' && isDigit(text, 5) && isDigit(text, 6) && text.charAt(7) == '-'
        && isDigit(text, 8) && isDigit(text, 9);
  }

  private static boolean isDigit(CharSequence s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9';
  }

  /**
   * Parses an ISO-8601 date ({@code 2024-03-01}, read as midnight), local date-time
   * ({@code 2024-03-01T10:15:30.25}, a space may replace the {@code T}) or offset date-time
   * ({@code ...Z}, {@code ...+01:00}) into epoch microseconds; times without an offset are in
   * {@code zone}.
   *
   * @throws DateTimeParseException if the text is not such a timestamp
   * @throws ArithmeticException if it is beyond the microsecond range
   */
  static long parseToEpochMicros(String text, ZoneId zone) {
    long fast = parseCommonForm(text, zone);
    if (fast != NOT_COMMON) {
      return fast;
    }
    return parseWithJavaTime(text, zone);
  }

  private static final long NOT_COMMON = Long.MIN_VALUE;

  /**
   * The hot path of {@link #parseToEpochMicros}: the common ISO shapes
   * ({@code yyyy-MM-dd}, then {@code T}/space {@code HH:mm[:ss[.f{1,9}]]}, then nothing, {@code Z} or
   * {@code +HH:MM}) in a fixed-offset zone, parsed without allocation. Anything else, including every
   * invalid value, returns {@link #NOT_COMMON} so that java.time decides (and reports) it; a test
   * checks that both paths agree.
   */
  private static long parseCommonForm(String s, ZoneId zone) {
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return NOT_COMMON;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1
        || day > Month.of(month).length(Year.isLeap(year))) {
      return NOT_COMMON;
    }
    long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L;
    long micros = 0;
    int i = 10;
    if (i < n) {
      char sep = s.charAt(i);
      if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
        return NOT_COMMON;
      }
      int hour = digits(s, 11, 2);
      int minute = digits(s, 14, 2);
      int second = 0;
      i = 16;
      if (i < n && s.charAt(i) == ':') {
        second = i + 3 <= n ? digits(s, i + 1, 2) : -1;
        i += 3;
        if (i < n && s.charAt(i) == '.') {
          int start = ++i;
          long fraction = 0;
          while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            fraction = fraction * 10 + (s.charAt(i++) - '0');
          }
          int fractionDigits = i - start;
          if (fractionDigits == 0) {
            return NOT_COMMON;
          }
          for (int k = fractionDigits; k < 9; k++) {
            fraction *= 10;
          }
          micros = fraction / 1_000;
        }
      }
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
        return NOT_COMMON;
      }
      seconds += hour * 3_600L + minute * 60L + second;
    }
    int offsetSeconds;
    if (i == n) {
      if (!(zone instanceof ZoneOffset offset)) {
        return NOT_COMMON;
      }
      offsetSeconds = offset.getTotalSeconds();
    } else if (i == 10) {
      return NOT_COMMON;
    } else if (i + 1 == n && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
      offsetSeconds = 0;
    } else if (i + 6 == n && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 17 || om < 0 || om > 59) {
        return NOT_COMMON;
      }
      offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3_600 + om * 60);
    } else {
      return NOT_COMMON;
    }
    return (seconds - offsetSeconds) * 1_000_000L + micros;
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The java.time path alone, for tests that compare it with the hot path. */
  static long parseWithJavaTime(String text, ZoneId zone) {
    String normalized = text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
    TemporalAccessor parsed = ISO.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    Instant instant;
    if (parsed instanceof OffsetDateTime odt) {
      instant = odt.toInstant();
    } else if (parsed instanceof LocalDateTime ldt) {
      instant = ldt.atZone(zone).toInstant();
    } else {
      instant = ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }
    return toEpochMicrosExact(instant);
  }

  private static long toEpochMicrosExact(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /**
   * Converts an instant to epoch microseconds, dropping sub-microsecond digits.
   *
   * @throws IllegalArgumentException if the instant is beyond the microsecond range
   */
  static long toEpochMicros(Instant instant) {
    try {
      return toEpochMicrosExact(instant);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          instant + " is outside the range of microsecond timestamps (about 292,000 years from 1970)", e);
    }
  }
}
