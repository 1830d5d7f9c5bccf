package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that span many of the reader's batches: values, row order, and errors in file order. */
class CsvLargeInputTest {
  private static final int ROWS = 120_000;

  @TempDir Path dir;

  private Path write(String name, int badLine, String badRow) throws IOException {
    Path p = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("id,x,k\n");
      for (int i = 0; i < ROWS; i++) {
        if (i + 2 == badLine) {
          w.write(badRow);
        } else {
          w.write(String.format(Locale.ROOT, "%d,%.3f,%s%n", i, i / 8.0, "k" + (i % 7)));
        }
      }
    }
    return p;
  }

  @Test
  void everyRowArrivesInOrderAcrossBatches() throws IOException {
    Table t = Tables.readCsv(write("ok.csv", -1, null));

    assertThat(t.rowCount()).isEqualTo(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(t.numeric("id").getDouble(i)).isEqualTo(i);
      assertThat(t.numeric("x").getDouble(i)).isEqualTo(Math.round(i / 8.0 * 1000) / 1000.0);
    }
    assertThat(t.categorical("k").getString(ROWS - 1)).isEqualTo("k" + ((ROWS - 1) % 7));
  }

  @Test
  void raggedRowDeepInTheFileIsReportedWithItsLine() throws IOException {
    Path p = write("ragged.csv", 100_001, "1,2\n");

    MalformedDataException e = catchThrowableOfType(MalformedDataException.class, () -> Tables.readCsv(p));

    assertThat(e.line()).hasValue(100_001);
    assertThat(e.problem()).startsWith("expected 3 fields as in the header but found 2");
    assertNoTokenizerLeft();
  }

  @Test
  void badValueBeforeAMalformedRowIsReportedFirst() throws IOException {
    Path p = dir.resolve("both.csv");
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("id,x\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(i == 70_000 ? "oops,1\n" : i == 70_001 ? "1,2,3\n" : i + ",1\n");
      }
    }
    CsvOptions declared = CsvOptions.builder().columnType("id", ColumnType.INTEGRAL).build();

    MalformedDataException e = catchThrowableOfType(MalformedDataException.class, () -> Tables.readCsv(p, declared));

    assertThat(e.line()).hasValue(70_002);
    assertThat(e.columnName()).contains("id");
    assertNoTokenizerLeft();
  }

  private static void assertNoTokenizerLeft() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline && tokenizerAlive()) {
      Thread.onSpinWait();
    }
    assertThat(tokenizerAlive()).as("tokenizer thread still running").isFalse();
  }

  private static boolean tokenizerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("mlops-csv-tokenizer") && t.isAlive());
  }
}
