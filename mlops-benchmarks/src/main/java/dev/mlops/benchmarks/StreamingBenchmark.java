package dev.mlops.benchmarks;

import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.core.drift.stream.Adwin;
import dev.mlops.core.drift.stream.Conventions;
import dev.mlops.core.drift.stream.Ddm;
import dev.mlops.core.drift.stream.Eddm;
import dev.mlops.core.drift.stream.HddmA;
import dev.mlops.core.drift.stream.HddmW;
import dev.mlops.core.drift.stream.PageHinkley;
import dev.mlops.core.drift.stream.StreamingDetectors;
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
 * Streaming detector updates per value (ns/op; 1e9 / that is updates per second). The
 * {@code moa*} benchmarks run MOA's conventions on Bernoulli(0.2) values from
 * {@code SplittableRandom(42)}, the stream the moa-ref peer times MOA 2024.07 on, so that their
 * figures compare with the peer's {@code throughput.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamingBenchmark {
  static final int N = 1 << 20;
  private double[] errors;
  private double[] values;
  private double[] moaStream;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom r = new SplittableRandom(1);
    errors = new double[N];
    values = new double[N];
    for (int i = 0; i < N; i++) {
      errors[i] = r.nextDouble() < 0.1 ? 1 : 0;
      values[i] = r.nextGaussian();
    }
    SplittableRandom moa = new SplittableRandom(42);
    moaStream = new double[N];
    for (int i = 0; i < N; i++) {
      moaStream[i] = moa.nextDouble() < 0.2 ? 1 : 0;
    }
  }

  private static int run(StreamingDriftDetector d, double[] stream) {
    int drifts = 0;
    for (double v : stream) {
      drifts += d.update(v).ordinal();
    }
    return drifts;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int adwin() {
    return run(StreamingDetectors.adwin(), values);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int ddm() {
    return run(StreamingDetectors.ddm(), errors);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int hddmA() {
    return run(StreamingDetectors.hddmA(), errors);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int hddmATwoSided() {
    return run(HddmA.builder().twoSided().build(), errors);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int hddmW() {
    return run(StreamingDetectors.hddmW(), errors);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int hddmWTwoSided() {
    return run(HddmW.builder().twoSided().build(), errors);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int pageHinkley() {
    return run(StreamingDetectors.pageHinkley(), values);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int eddm() {
    return run(StreamingDetectors.eddm(), errors);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int moaAdwin() {
    return run(Adwin.builder().conventions(Conventions.MOA).build(), moaStream);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int moaDdm() {
    return run(Ddm.builder().conventions(Conventions.MOA).build(), moaStream);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int moaEddm() {
    return run(Eddm.builder().conventions(Conventions.MOA).build(), moaStream);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int moaHddmA() {
    return run(HddmA.builder().restartOnDecrease().build(), moaStream);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int moaHddmW() {
    return run(HddmW.builder().conventions(Conventions.MOA).build(), moaStream);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int moaPageHinkley() {
    return run(PageHinkley.builder().conventions(Conventions.MOA).build(), moaStream);
  }
}
