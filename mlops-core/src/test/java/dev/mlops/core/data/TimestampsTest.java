package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free hot path agrees with java.time on every shape it accepts. */
class TimestampsTest {

  @Test
  void hotPathAgreesWithJavaTimeOnRandomTimestamps() {
    SplittableRandom random = new SplittableRandom(2026);
    ZoneId[] zones = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneId.of("Europe/Paris")};
    for (int k = 0; k < 20_000; k++) {
      String text = randomTimestamp(random);
      ZoneId zone = zones[k % zones.length];
      assertThat(Timestamps.parseToEpochMicros(text, zone))
          .as("%s in %s", text, zone)
          .isEqualTo(Timestamps.parseWithJavaTime(text, zone));
    }
  }

  private static String randomTimestamp(SplittableRandom r) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02d",
        r.nextInt(10_000), 1 + r.nextInt(12), 1 + r.nextInt(28)));
    if (r.nextInt(4) == 0) {
      return sb.toString();
    }
    sb.append(r.nextBoolean() ? 'T' : ' ').append(String.format(Locale.ROOT, "%02d:%02d", r.nextInt(24), r.nextInt(60)));
    if (r.nextInt(3) > 0) {
      sb.append(String.format(Locale.ROOT, ":%02d", r.nextInt(60)));
      if (r.nextBoolean()) {
        int digits = 1 + r.nextInt(9);
        sb.append('.');
        for (int i = 0; i < digits; i++) {
          sb.append((char) ('0' + r.nextInt(10)));
        }
      }
    }
    switch (r.nextInt(3)) {
      case 0 -> sb.append('Z');
      case 1 -> sb.append(String.format(Locale.ROOT, "%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(15),
          r.nextInt(4) * 15));
      default -> { }
    }
    return sb.toString();
  }

  @Test
  void leapDaysAndMonthLengthsAreChecked() {
    assertThat(Timestamps.parseToEpochMicros("2024-02-29", ZoneOffset.UTC)).isEqualTo(1_709_164_800_000_000L);
    assertThatThrownBy(() -> Timestamps.parseToEpochMicros("2023-02-29", ZoneOffset.UTC))
        .isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Timestamps.parseToEpochMicros("2024-04-31T10:00", ZoneOffset.UTC))
        .isInstanceOf(DateTimeException.class);
  }

  @Test
  void invalidTimesAreRejectedByBothPaths() {
    for (String bad : new String[] {"2024-01-01T24:00", "2024-01-01T10:60", "2024-01-01T10:00:60",
        "2024-01-01T10:00:00.1234567891", "2024-01-01T10", "2024-01-01X10:00",
        "2024-01-01T10:00+25:00", "2024-1-01"}) {
      assertThatThrownBy(() -> Timestamps.parseToEpochMicros(bad, ZoneOffset.UTC)).as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void subMicrosecondDigitsAreDropped() {
    assertThat(Timestamps.parseToEpochMicros("1970-01-01T00:00:00.000001999Z", ZoneOffset.UTC)).isEqualTo(1);
    assertThat(Timestamps.parseToEpochMicros("1969-12-31T23:59:59.999999999Z", ZoneOffset.UTC)).isEqualTo(-1);
  }
}
