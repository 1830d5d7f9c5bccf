package dev.mlops.samples;

import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.Table;
import dev.mlops.core.data.TableSummary;
import dev.mlops.core.data.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The first sample: read a CSV file into a typed, columnar {@link Table} and print its summary.
 *
 * <p>With no argument it reads the German credit data that ships with the samples
 * ({@code data/credit-g.csv}, CC BY 4.0, see {@code data/README.md}); with a path it reads that file.
 *
 * <pre>
 * mvn -q -pl samples -am package exec:java -DskipTests
 * mvn -q -pl samples -am package exec:java -DskipTests -Dexec.args=path/to/your.csv
 * </pre>
 */
public final class SummarizeCsv {
  static final String BUNDLED = "data/credit-g.csv";

  private SummarizeCsv() {}

  /**
   * Reads the CSV named by {@code args[0]}, or the bundled one, and prints its summary.
   *
   * @param args an optional path to a CSV file
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Table table;
    String name;
    if (args.length > 0) {
      name = args[0];
      table = Tables.readCsv(Path.of(args[0]));
    } else {
      name = BUNDLED + " (German credit data, CC BY 4.0)";
      table = readBundled();
    }
    out.println("Read " + name);
    out.print(TableSummary.of(table));
  }

  /** Reads the bundled German credit data. */
  static Table readBundled() throws IOException {
    try (InputStream in = SummarizeCsv.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IOException(BUNDLED + " is not on the classpath");
      }
      return Tables.readCsv(in, BUNDLED, CsvOptions.defaults());
    }
  }
}
