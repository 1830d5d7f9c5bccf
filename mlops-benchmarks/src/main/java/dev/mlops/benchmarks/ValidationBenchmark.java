package dev.mlops.benchmarks;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.UnexpectedColumns;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.core.data.CategoricalColumnBuilder;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.NumericColumnBuilder;
import dev.mlops.core.data.TableBuilder;
import dev.mlops.core.data.Tables;
import dev.mlops.core.schema.Schemas;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schema validation of a 10M-row in-memory table.
 *
 * <ul>
 *   <li>{@code validate20}: 20 columns (12 numeric with ranges and null fractions, 7 categorical
 *       with domains and null fractions, 1 categorical with a regex) against a 20-field schema:
 *       200M cell checks. Cells per second = 200M / time. Through a {@link Validator} created once
 *       in setup, as a service that validates batch after batch would.
 *   <li>{@code validate20OneShot}: the same through {@code Schemas.validate}, which prepares the
 *       schema (resolves constraints, compiles the pattern) on every call.
 *   <li>{@code plainLoop20}: the baseline, a hand-written loop over the same primitive arrays doing
 *       the same checks (count out-of-range, nulls, out-of-domain codes, pattern per distinct value),
 *       with none of the report's bookkeeping: the limit.
 *   <li>{@code deequSuite}: the suite of the Deequ comparison: 11 columns, 23 constraints
 *       (completeness on all 11, min/max on 6, mean on 1, domain on 4, uniqueness of a shuffled
 *       integral id).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class ValidationBenchmark {
  static final int ROWS = 10_000_000;
  static final String[] DOMAIN = {"car", "education", "furniture", "radio/tv", "business", "repairs", "retraining",
      "vacation"};

  private Table table;
  private Schema schema20;
  private Validator validator20;
  private Validator deequ;
  private double[][] numeric;
  private int[][] codes;
  private String[][] dictionaries;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    TableBuilder tb = Tables.builder();
    numeric = new double[12][];
    for (int c = 0; c < 12; c++) {
      NumericColumnBuilder b = Columns.numericBuilder("x" + c, ROWS);
      for (int i = 0; i < ROWS; i++) {
        if (random.nextInt(1000) == 0) {
          b.addNull();
        } else {
          b.add(random.nextDouble() * 1000);
        }
      }
      var column = b.build();
      numeric[c] = column.toDoubleArray();
      tb.add(column);
    }
    codes = new int[8][];
    dictionaries = new String[8][];
    for (int c = 0; c < 8; c++) {
      CategoricalColumnBuilder b = Columns.categoricalBuilder("k" + c, ROWS);
      for (int i = 0; i < ROWS; i++) {
        if (random.nextInt(1000) == 0) {
          b.addNull();
        } else if (c == 7) {
          b.add("REF-" + random.nextInt(500));
        } else {
          b.add(DOMAIN[random.nextInt(DOMAIN.length)]);
        }
      }
      var column = b.build();
      codes[c] = new int[ROWS];
      for (int i = 0; i < ROWS; i++) {
        codes[c][i] = column.code(i);
      }
      dictionaries[c] = column.dictionary().toArray(new String[0]);
      tb.add(column);
    }
    long[] ids = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      ids[i] = i;
    }
    for (int i = ROWS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    tb.add(Columns.integral("id", ids));
    table = tb.build();

    Schema.Builder s = Schema.builder();
    for (int c = 0; c < 12; c++) {
      s.field("x" + c, ColumnType.NUMERIC, f -> f.between(0, 1000).maxNullFraction(0.01));
    }
    for (int c = 0; c < 7; c++) {
      s.field("k" + c, ColumnType.CATEGORICAL, f -> f.domain(DOMAIN).maxNullFraction(0.01));
    }
    s.field("k7", ColumnType.CATEGORICAL, f -> f.pattern("REF-\\d{1,3}").maxNullFraction(0.01));
    schema20 = s.field("id", ColumnType.INTEGRAL, f -> f.optional()).build();

    Schema.Builder d = Schema.builder().field("id", ColumnType.INTEGRAL, f -> f.notNull().unique());
    for (int c = 0; c < 6; c++) {
      int col = c;
      d.field("x" + c, ColumnType.NUMERIC, f -> {
        f.maxNullFraction(0.01).between(0, 1000);
        if (col == 0) {
          f.meanBetween(400, 600);
        }
      });
    }
    for (int c = 0; c < 4; c++) {
      d.field("k" + c, ColumnType.CATEGORICAL, f -> f.maxNullFraction(0.01).domain(DOMAIN));
    }
    deequ = Schemas.validator(d.unexpectedColumns(UnexpectedColumns.IGNORE).build());
    validator20 = Schemas.validator(schema20);
    ValidationReport r = validator20.validate(table);
    if (!r.violations().isEmpty()) {
      throw new IllegalStateException("benchmark data should conform:\n" + r.toText());
    }
  }

  @Benchmark
  public ValidationReport validate20() {
    return validator20.validate(table);
  }

  @Benchmark
  public ValidationReport validate20OneShot() {
    return Schemas.validate(table, schema20);
  }

  @Benchmark
  public ValidationReport deequSuite() {
    return deequ.validate(table);
  }

  @Benchmark
  public long plainLoop20() {
    long bad = 0;
    for (double[] v : numeric) {
      long nulls = 0;
      for (double x : v) {
        if (x != x) {
          nulls++;
        } else if (!(x >= 0 && x <= 1000)) {
          bad++;
        }
      }
      bad += nulls > v.length / 100 ? 1 : 0;
    }
    Set<String> domain = Set.of(DOMAIN);
    Pattern pattern = Pattern.compile("REF-\\d{1,3}");
    for (int c = 0; c < 8; c++) {
      boolean[] ok = new boolean[dictionaries[c].length];
      for (int k = 0; k < ok.length; k++) {
        ok[k] = c == 7 ? pattern.matcher(dictionaries[c][k]).matches() : domain.contains(dictionaries[c][k]);
      }
      long nulls = 0;
      for (int code : codes[c]) {
        if (code < 0) {
          nulls++;
        } else if (!ok[code]) {
          bad++;
        }
      }
      bad += nulls > ROWS / 100 ? 1 : 0;
    }
    return bad;
  }
}
