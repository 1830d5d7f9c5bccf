package dev.mlops.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.Table;
import dev.mlops.core.data.Tables;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CSV ingestion throughput on a generated file of 20 mixed columns. Divide the file size (printed
 * at setup) by the time per operation for MB/s.
 *
 * <ul>
 *   <li>{@code jacksonTokensOnly}: the baseline, Jackson's CSV tokenizer reading every cell as a
 *       String and doing nothing with it (our reader cannot beat this);
 *   <li>{@code readCsvInferred}: {@code Tables.readCsv} inferring every type;
 *   <li>{@code readCsvDeclared}: {@code Tables.readCsv} with all 20 types declared.
 * </ul>
 *
 * Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar CsvIngest -p megabytes=200}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class CsvIngestBenchmark {

  @Param({"200"})
  public int megabytes;

  private Path file;
  private CsvOptions declared;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = CsvData.generate(Path.of(System.getProperty("mlops.bench.dir", "bench-data")), megabytes);
    System.out.printf("%n[setup] %s: %.1f MB%n", file, Files.size(file) / 1e6);
    CsvOptions.Builder b = CsvOptions.builder();
    for (int c = 0; c < 8; c++) {
      b.columnType("x" + c, ColumnType.NUMERIC);
    }
    for (int c = 0; c < 5; c++) {
      b.columnType("n" + c, ColumnType.INTEGRAL);
    }
    for (int c = 0; c < 4; c++) {
      b.columnType("k" + c, ColumnType.CATEGORICAL);
    }
    declared = b.columnType("b0", ColumnType.BOOLEAN).columnType("b1", ColumnType.BOOLEAN)
        .columnType("ts", ColumnType.TIMESTAMP).build();
  }

  @Benchmark
  public long jacksonTokensOnly() throws IOException {
    long chars = 0;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvParser parser = new CsvFactory().createParser(reader)) {
      parser.setSchema(CsvSchema.emptySchema().withoutHeader());
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          chars += parser.getText().length();
        }
      }
    }
    return chars;
  }

  @Benchmark
  public Table readCsvInferred() throws IOException {
    return Tables.readCsv(file);
  }

  @Benchmark
  public Table readCsvDeclared() throws IOException {
    return Tables.readCsv(file, declared);
  }
}
