package dev.mlops.benchmarks;

import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.NumericColumnBuilder;
import dev.mlops.core.data.Tables;
import dev.mlops.core.profile.Profiles;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.kll.KllDoublesSketch;
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
 * Profiling one numeric column of 4M values (ns per value; 1e9 / that is values per second per
 * core), against DataSketches' own KLL sketch (k = 200) updated with the same values, the limit.
 *
 * <ul>
 *   <li>{@code kllRaw}: {@code KllDoublesSketch.update(double)} per value, nothing else;
 *   <li>{@code kllRawBulk}: {@code KllDoublesSketch.update(double[], int, int)} over the array;
 *   <li>{@code momentsOnly}: Welford mean and M2, min and max, no sketch (the rest of the work);
 *   <li>{@code profile}: {@code Profiles.of} a one-column table, everything a profile holds;
 *   <li>{@code profileWithNulls}: the same with 1% nulls, 0.1% NaN and 0.1% infinities.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ProfileBenchmark {
  static final int ROWS = 1 << 22;

  private double[] values;
  private Table table;
  private Table tableWithNulls;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(11);
    values = new double[ROWS];
    NumericColumnBuilder dirty = Columns.numericBuilder("x", ROWS);
    for (int i = 0; i < ROWS; i++) {
      values[i] = random.nextGaussian() * 50 + 1000;
      int roll = random.nextInt(1000);
      if (roll < 10) {
        dirty.addNull();
      } else if (roll == 10) {
        dirty.add(Double.NaN);
      } else if (roll == 11) {
        dirty.add(Double.POSITIVE_INFINITY);
      } else {
        dirty.add(values[i]);
      }
    }
    table = Tables.builder().add(Columns.numeric("x", values)).build();
    tableWithNulls = Tables.builder().add(dirty.build()).build();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long kllRaw() {
    KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(200);
    for (double v : values) {
      sketch.update(v);
    }
    return sketch.getNumRetained();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long kllRawBulk() {
    KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(200);
    sketch.update(values, 0, values.length);
    return sketch.getNumRetained();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double momentsOnly() {
    long n = 0;
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : values) {
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return mean + m2 + min + max;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public TableProfile profile() {
    return Profiles.of(table);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public TableProfile profileWithNulls() {
    return Profiles.of(tableWithNulls);
  }
}
