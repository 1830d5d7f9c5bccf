package dev.mlops.benchmarks;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.core.gate.Metrics;
import dev.mlops.core.gate.QualityGate;
import java.util.List;
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
 * Metrics on 1M binary predictions, and a 1,000-resample paired bootstrap of ROC AUC on 100k
 * predictions (sort-free: rows sorted once per model, each resample one weighted pass).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class GateBenchmark {
  private ClassificationPredictions million;
  private ClassificationPredictions candidate;
  private ClassificationPredictions baseline;
  private QualityGate bootstrap;

  private static ClassificationPredictions binary(int n, double signal, long seed, String[] truth) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] predicted = new String[n];
    double[][] p = new double[n][2];
    for (int i = 0; i < n; i++) {
      boolean pos = truth[i].equals("yes");
      double s = 1 / (1 + Math.exp(-((pos ? signal : -signal) + r.nextGaussian())));
      p[i][0] = 1 - s;
      p[i][1] = s;
      predicted[i] = s >= 0.5 ? "yes" : "no";
    }
    return ClassificationPredictions.of(List.of("no", "yes"), truth, predicted, p);
  }

  private static String[] truth(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] t = new String[n];
    for (int i = 0; i < n; i++) {
      t[i] = r.nextBoolean() ? "yes" : "no";
    }
    return t;
  }

  @Setup(Level.Trial)
  public void setUp() {
    million = binary(1_000_000, 1.0, 1, truth(1_000_000, 2));
    String[] t = truth(100_000, 3);
    candidate = binary(100_000, 1.0, 4, t);
    baseline = binary(100_000, 0.9, 5, t);
    bootstrap = QualityGate.builder()
        .supportedChange("auc", Metric.ROC_AUC, c -> c.pairedBootstrap(1000, 7).margin(0).confidence(0.95).minSamples(10))
        .build();
  }

  @Benchmark
  public double rocAuc1M() {
    return Metrics.compute(Metric.ROC_AUC, million);
  }

  @Benchmark
  public double logLoss1M() {
    return Metrics.compute(Metric.LOG_LOSS, million);
  }

  @Benchmark
  public double f1Macro1M() {
    return Metrics.compute(Metric.F1_MACRO, million);
  }

  @Benchmark
  public GateResult bootstrapAuc100kx1000() {
    return bootstrap.evaluate(candidate, baseline);
  }
}
