package dev.mlops.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.time.Instant;

/** Generates the seeded 20-column mixed CSV file the ingestion benchmark reads. */
final class CsvData {
  static final String[] PURPOSES = {"car", "education", "furniture", "radio/tv", "business", "repairs",
      "domestic appliance", "retraining", "vacation", "other"};

  private CsvData() {}

  /**
   * Writes (or reuses) a file of about {@code megabytes} MB: 8 decimal, 5 integral, 4 categorical,
   * 2 boolean and 1 timestamp column, 1% nulls in the decimals.
   */
  static Path generate(Path dir, int megabytes) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("mixed-" + megabytes + "mb.csv");
    long target = megabytes * 1_000_000L;
    if (Files.exists(file) && Files.size(file) >= target) {
      return file;
    }
    SplittableRandom random = new SplittableRandom(20261127L);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder();
      for (int c = 0; c < 8; c++) {
        header.append("x").append(c).append(',');
      }
      for (int c = 0; c < 5; c++) {
        header.append("n").append(c).append(',');
      }
      for (int c = 0; c < 4; c++) {
        header.append("k").append(c).append(',');
      }
      header.append("b0,b1,ts\n");
      w.write(header.toString());
      long written = header.length();
      StringBuilder row = new StringBuilder(256);
      long baseSeconds = 1_700_000_000L;
      while (written < target) {
        row.setLength(0);
        for (int c = 0; c < 8; c++) {
          if (random.nextInt(100) == 0) {
            row.append(',');
          } else {
            row.append(String.format(Locale.ROOT, "%.4f", random.nextDouble() * 2000 - 1000)).append(',');
          }
        }
        for (int c = 0; c < 5; c++) {
          row.append(random.nextInt(100_000)).append(',');
        }
        for (int c = 0; c < 4; c++) {
          row.append(PURPOSES[random.nextInt(PURPOSES.length)]).append(',');
        }
        row.append(random.nextBoolean()).append(',').append(random.nextBoolean()).append(',');
        row.append(Instant.ofEpochSecond(baseSeconds + random.nextInt(31_536_000))).append('\n');
        w.write(row.toString());
        written += row.length();
      }
    }
    return file;
  }
}
