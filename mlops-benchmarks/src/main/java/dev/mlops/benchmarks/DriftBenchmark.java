package dev.mlops.benchmarks;

import dev.mlops.api.data.Table;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.core.data.TableBuilder;
import dev.mlops.core.data.Tables;
import dev.mlops.core.drift.Distances;
import dev.mlops.core.drift.NumericBins;
import dev.mlops.core.drift.PreparedReference;
import dev.mlops.core.drift.TestResult;
import dev.mlops.core.drift.TwoSample;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Drift statistics at the sizes of the SciPy comparison (compare with
 * {@code scripts/scipy_drift_timing.py} run in the same session): KS and Wasserstein on 1M vs 1M
 * doubles (both sorts included, as SciPy sorts too), PSI of 10M current values on reference bins
 * prepared once, and a report over a 1M-row x 20-column table against a prepared reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class DriftBenchmark {
  private double[] a;
  private double[] b;
  private double[] current10M;
  private NumericBins bins;
  private PreparedReference prepared;
  private Table reference20;
  private Table current20;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(1);
    a = new double[1_000_000];
    b = new double[1_000_000];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
      b[i] = r.nextGaussian() + 0.01;
    }
    current10M = new double[10_000_000];
    for (int i = 0; i < current10M.length; i++) {
      current10M[i] = r.nextGaussian() + 0.01;
    }
    bins = NumericBins.fromReference(a, 10);
    TableBuilder ref = Tables.builder();
    TableBuilder cur = Tables.builder();
    for (int c = 0; c < 20; c++) {
      double[] x = new double[1_000_000];
      double[] y = new double[1_000_000];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextGaussian();
        y[i] = r.nextGaussian() + (c == 0 ? 0.2 : 0);
      }
      ref.numeric("x" + c, x);
      cur.numeric("x" + c, y);
    }
    reference20 = ref.build();
    current20 = cur.build();
    prepared = PreparedReference.of(reference20, DriftOptions.defaults());
  }

  @Benchmark
  public TestResult ks1M() {
    return TwoSample.kolmogorovSmirnov(a, b);
  }

  @Benchmark
  public double wasserstein1M() {
    return TwoSample.wasserstein(a, b);
  }

  @Benchmark
  public double psi10M() {
    return Distances.psi(bins.referenceProportions(), bins.proportions(current10M), Distances.DEFAULT_EPSILON);
  }

  /** The same work as the numpy PSI script: reference bins (1M-value quantiles) and 10M current values. */
  @Benchmark
  public double psi10MWithReferenceBins() {
    NumericBins fresh = NumericBins.fromReference(a, 10);
    return Distances.psi(fresh.referenceProportions(), fresh.proportions(current10M), Distances.DEFAULT_EPSILON);
  }

  @Benchmark
  public TestResult ks1MExactPathSmall() {
    return TwoSample.kolmogorovSmirnov(Arrays.copyOf(a, 5_000), Arrays.copyOf(b, 4_000));
  }

  @Benchmark
  public DriftReport report1Mx20Prepared() {
    return prepared.compare(current20);
  }

  @Benchmark
  public PreparedReference prepare1Mx20() {
    return PreparedReference.of(reference20, DriftOptions.defaults());
  }
}
