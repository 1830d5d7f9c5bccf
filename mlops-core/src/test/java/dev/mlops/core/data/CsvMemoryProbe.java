package dev.mlops.core.data;

import dev.mlops.api.data.Table;
import java.nio.file.Path;

/** Child-JVM entry point of {@link CsvStreamingMemoryTest}: reads a CSV and prints its shape. */
public final class CsvMemoryProbe {
  private CsvMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    Table t = Tables.readCsv(Path.of(args[0]));
    System.out.println("rows=" + t.rowCount() + " columns=" + t.columnCount());
  }
}
