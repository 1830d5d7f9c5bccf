package dev.mlops.benchmarks;

import dev.mlops.api.data.NumericColumn;
import dev.mlops.core.data.Columns;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full scan of a 10M-row numeric column: sum and null count, as every numeric check does.
 * Results are in nanoseconds per value; 1 / that is the values-per-second rate.
 *
 * <ul>
 *   <li>{@code rawArray}: the baseline, a loop over a plain {@code double[]};
 *   <li>{@code columnGet}: {@code isNull(i)} and {@code getDouble(i)} through the interface;
 *   <li>{@code columnChunks}: {@code copyTo} into a 4096-value buffer, then a plain loop.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ColumnScanBenchmark {
  static final int ROWS = 10_000_000;

  private double[] raw;
  private NumericColumn column;
  private NumericColumn columnWithNulls;
  private final double[] buffer = new double[4096];

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(7);
    raw = new double[ROWS];
    var withNulls = Columns.numericBuilder("x", ROWS);
    for (int i = 0; i < ROWS; i++) {
      raw[i] = random.nextDouble();
      if (i % 100 == 0) {
        withNulls.addNull();
      } else {
        withNulls.add(raw[i]);
      }
    }
    column = Columns.numeric("x", raw);
    columnWithNulls = withNulls.build();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double rawArray() {
    double sum = 0;
    double[] a = raw;
    for (int i = 0; i < a.length; i++) {
      sum += a[i];
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double columnGet() {
    return sumGet(column);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double columnGetWithNulls() {
    return sumGet(columnWithNulls);
  }

  private static double sumGet(NumericColumn c) {
    double sum = 0;
    int n = c.size();
    for (int i = 0; i < n; i++) {
      if (!c.isNull(i)) {
        sum += c.getDouble(i);
      }
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double columnChunks() {
    double sum = 0;
    int n = column.size();
    double[] b = buffer;
    for (int from = 0; from < n; from += b.length) {
      int len = Math.min(b.length, n - from);
      column.copyTo(from, b, 0, len);
      for (int i = 0; i < len; i++) {
        sum += b[i];
      }
    }
    return sum;
  }
}
