package dev.mlops.benchmarks;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.monitor.Cbpe;
import dev.mlops.core.monitor.DriftMonitor;
import dev.mlops.core.monitor.IsotonicCalibrator;
import dev.mlops.core.profile.ProfileAccumulator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import java.util.ArrayList;

/**
 * Monitor overhead per prediction with 20 features (15 numeric, 5 categorical) and a score:
 * {@code record} through the monitor (stripes, windows of 10,000 closing and being checked on the
 * serving thread or on an executor, CBPE), one and two serving threads; baselines in the same run: the same row into a bare
 * {@link ProfileAccumulator} (the profiling work alone) and only reading the 20 values from the
 * request map (ns/op = ns per prediction).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonitorBenchmark {
  static final int ROWS = 1 << 14;

  /** Distinct request maps cycled through: 256 stay in cache (a request just parsed is hot); 16,384 do not. */
  @Param({"256", "16384"})
  public int requestPool;
  private static final String[] CATEGORIES = {"a", "b", "c", "d", "e", "f", "g", "h"};
  private List<Map<String, Object>> requests;
  private double[] scores;
  private String[] names;
  private DriftMonitor monitor;
  private DriftMonitor asyncMonitor;
  private ExecutorService checks;
  private ProfileAccumulator bare;

  @Setup(Level.Trial)
  public void setUp() {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    for (int c = 0; c < 15; c++) {
      columns.put("num" + c, ColumnType.NUMERIC);
    }
    for (int c = 0; c < 5; c++) {
      columns.put("cat" + c, ColumnType.CATEGORICAL);
    }
    names = columns.keySet().toArray(new String[0]);
    SplittableRandom r = new SplittableRandom(1);
    requests = new ArrayList<>(ROWS);
    scores = new double[ROWS];
    ProfileAccumulator ref = ProfileAccumulator.of(columns);
    for (int i = 0; i < ROWS; i++) {
      Map<String, Object> row = new HashMap<>();
      for (int c = 0; c < 15; c++) {
        row.put("num" + c, r.nextGaussian() * (c + 1));
      }
      for (int c = 0; c < 5; c++) {
        row.put("cat" + c, CATEGORIES[r.nextInt(CATEGORIES.length)]);
      }
      requests.add(row);
      scores[i] = r.nextDouble();
      row.forEach((k, v) -> ref.addObject(ref.columnIndex(k), v));
      ref.endRow();
    }
    TableProfile reference = ref.toProfile();
    monitor = DriftMonitor.builder(reference).window(Windows.count(10_000))
        .performanceEstimate(Cbpe.of(IsotonicCalibrator.identity(), 0.5), 0.5).build();
    checks = Executors.newSingleThreadExecutor();
    asyncMonitor = DriftMonitor.builder(reference).window(Windows.count(10_000))
        .performanceEstimate(Cbpe.of(IsotonicCalibrator.identity(), 0.5), 0.5).executor(checks).build();
    bare = ProfileAccumulator.of(columns);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    checks.shutdown();
  }

  @State(Scope.Thread)
  public static class Cursor {
    int next;
    int mask;

    @Setup(Level.Trial)
    public void setUp(MonitorBenchmark b) {
      mask = b.requestPool - 1;
    }

    int advance() {
      next = (next + 1) & mask;
      return next;
    }
  }

  @Benchmark
  public long monitorRecord(Cursor cursor) {
    int i = cursor.advance();
    return monitor.record(requests.get(i), scores[i]);
  }

  @Benchmark
  public long monitorRecordChecksOnExecutor(Cursor cursor) {
    int i = cursor.advance();
    return asyncMonitor.record(requests.get(i), scores[i]);
  }

  @Benchmark
  @Threads(2)
  public long monitorRecordTwoThreads(Cursor cursor) {
    int i = cursor.advance();
    return monitor.record(requests.get(i), scores[i]);
  }

  @Benchmark
  public long bareAccumulator(Cursor cursor) {
    Map<String, Object> row = requests.get(cursor.advance());
    for (int c = 0; c < names.length; c++) {
      bare.addObject(c, row.get(names[c]));
    }
    bare.endRow();
    return bare.rowCount();
  }

  @Benchmark
  public double readValuesOnly(Cursor cursor) {
    Map<String, Object> row = requests.get(cursor.advance());
    double sum = 0;
    for (int c = 0; c < 15; c++) {
      sum += ((Number) row.get(names[c])).doubleValue();
    }
    for (int c = 15; c < names.length; c++) {
      sum += row.get(names[c]).hashCode();
    }
    return sum;
  }
}
