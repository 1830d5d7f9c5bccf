package dev.mlops.core.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
