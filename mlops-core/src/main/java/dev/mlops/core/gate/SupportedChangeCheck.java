package dev.mlops.core.gate;

import static dev.mlops.core.gate.CriterionResults.fmt;
import static dev.mlops.core.gate.CriterionResults.result;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.Criterion.Evidence;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.core.internal.Quantiles;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** Paired bootstrap, McNemar's and DeLong's tests for {@link Criterion.SupportedChange}. */
final class SupportedChangeCheck {
  private SupportedChangeCheck() {}

  static CriterionResult evaluate(Criterion.SupportedChange s, GateInput candidate, GateInput baseline, double value,
      double base) {
    Measurement m = Measurement.of(value).withBaseline(base);
    if (s.evidence() instanceof Evidence.PairedBootstrap b) {
      return bootstrap(s, b, candidate, baseline, m);
    }
    if (s.evidence() == Evidence.SignificanceTest.DELONG) {
      return delong(s, candidate.classification(), baseline.classification(), m);
    }
    return mcNemar(s, candidate.classification(), baseline.classification(), m);
  }

  private static CriterionResult mcNemar(Criterion.SupportedChange s, ClassificationPredictions candidate,
      ClassificationPredictions baseline, Measurement m) {
    long better = 0;
    long worse = 0;
    for (int i = 0; i < candidate.size(); i++) {
      boolean c = candidate.truth(i) == candidate.predicted(i);
      boolean b = baseline.truth(i) == baseline.predicted(i);
      if (c && !b) {
        better++;
      } else if (b && !c) {
        worse++;
      }
    }
    long discordant = better + worse;
    if (discordant < s.minSamples()) {
      return result(s, Verdict.INCONCLUSIVE, m,
          discordant + " rows where exactly one model is right; " + s.minSamples() + " needed to decide");
    }
    double p = McNemar.pValue(better, worse, s.evidence() == Evidence.SignificanceTest.MCNEMAR_MID_P);
    double alpha = 1 - s.confidence();
    String counts = "candidate alone right on " + better + " rows, baseline alone on " + worse;
    Measurement tested = m.withPValue(p);
    if (p < alpha && better > worse) {
      return result(s, Verdict.PASS, tested, "significantly better: " + counts);
    }
    if (p < alpha && worse > better) {
      return result(s, Verdict.FAIL, tested, "significantly worse: " + counts);
    }
    return result(s, Verdict.INCONCLUSIVE, tested, "no significant difference at " + fmt(alpha) + ": " + counts);
  }

  /** Each model's metric as a function of row weights. */
  private record Weighted(ToDoubleFunction<int[]> candidate, ToDoubleFunction<int[]> baseline) {}

  /**
   * Sort-free resampling for binary ROC AUC and for accuracy: each model's metric as a function of
   * row weights, prepared once; empty for other metrics, which resample rows.
   */
  private static Optional<Weighted> weighted(Metric metric, GateInput candidate, GateInput baseline) {
    if (!(candidate instanceof GateInput.Classified cc) || !(baseline instanceof GateInput.Classified bc)) {
      return Optional.empty();
    }
    ClassificationPredictions c = cc.p();
    ClassificationPredictions b = bc.p();
    int n = c.size();
    if (metric == Metric.ACCURACY) {
      boolean[] rightC = new boolean[n];
      boolean[] rightB = new boolean[n];
      for (int i = 0; i < n; i++) {
        rightC[i] = c.truth(i) == c.predicted(i);
        rightB[i] = b.truth(i) == b.predicted(i);
      }
      return Optional.of(new Weighted(w -> share(w, rightC), w -> share(w, rightB)));
    }
    if (metric == Metric.ROC_AUC && c.classes().size() == 2 && c.hasProbabilities() && b.hasProbabilities()) {
      boolean[] positive = new boolean[n];
      double[] sc = new double[n];
      double[] sb = new double[n];
      for (int i = 0; i < n; i++) {
        positive[i] = c.truth(i) == 1;
        sc[i] = c.probability(i, 1);
        sb[i] = b.probability(i, 1);
      }
      WeightedAuc ac = new WeightedAuc(sc, positive);
      WeightedAuc ab = new WeightedAuc(sb, positive);
      return Optional.of(new Weighted(ac::auc, ab::auc));
    }
    return Optional.empty();
  }

  private static double share(int[] weights, boolean[] right) {
    long total = 0;
    long good = 0;
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      if (right[i]) {
        good += weights[i];
      }
    }
    return (double) good / total;
  }

  private static CriterionResult delong(Criterion.SupportedChange s, ClassificationPredictions candidate,
      ClassificationPredictions baseline, Measurement m) {
    if (candidate.classes().size() != 2 || !candidate.hasProbabilities() || !baseline.hasProbabilities()) {
      throw new IllegalArgumentException("criterion '" + s.name()
          + "': DeLong's test needs binary predictions with probabilities from both models");
    }
    int n = candidate.size();
    boolean[] positive = new boolean[n];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      positive[i] = candidate.truth(i) == 1;
      a[i] = candidate.probability(i, 1);
      b[i] = baseline.probability(i, 1);
    }
    DeLong.Result r = DeLong.test(positive, a, b);
    if (r == null || n < s.minSamples()) {
      return result(s, Verdict.INCONCLUSIVE, m,
          r == null ? "ROC AUC is undefined: the rows hold one class" : n + " rows; " + s.minSamples() + " needed to decide");
    }
    double alpha = 1 - s.confidence();
    String what = String.format(Locale.ROOT, "AUC %s vs %s, z=%s", fmt(r.aucA()), fmt(r.aucB()), fmt(r.z()));
    Measurement tested = m.withPValue(r.pValue());
    if (r.pValue() < alpha && r.z() > 0) {
      return result(s, Verdict.PASS, tested, "significantly better: " + what);
    }
    if (r.pValue() < alpha && r.z() < 0) {
      return result(s, Verdict.FAIL, tested, "significantly worse: " + what);
    }
    return result(s, Verdict.INCONCLUSIVE, tested, "no significant difference at " + fmt(alpha) + ": " + what);
  }

  private static CriterionResult bootstrap(Criterion.SupportedChange s, Evidence.PairedBootstrap b, GateInput candidate,
      GateInput baseline, Measurement m) {
    int n = candidate.size();
    if (n < s.minSamples()) {
      return result(s, Verdict.INCONCLUSIVE, m, n + " rows; " + s.minSamples() + " needed to decide");
    }
    double sign = s.metric().higherIsBetter() ? 1 : -1;
    int resamples = b.resamples();
    // One generator per resample, split in order from the seed: the result does not depend on how
    // the resamples are spread over threads.
    SplittableRandom master = new SplittableRandom(b.seed());
    SplittableRandom[] generators = new SplittableRandom[resamples];
    for (int r = 0; r < generators.length; r++) {
      generators[r] = master.split();
    }
    Optional<Weighted> weighted = weighted(s.metric(), candidate, baseline);
    double[] all = new double[resamples];
    ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[n]);
    IntStream.range(0, resamples).parallel().forEach(r -> {
      SplittableRandom random = generators[r];
      int[] buffer = buffers.get();
      double c;
      double base;
      // The same draws feed either path, so both give the same resample (a multiset of rows).
      if (weighted.isPresent()) {
        Arrays.fill(buffer, 0);
        for (int i = 0; i < n; i++) {
          buffer[random.nextInt(n)]++;
        }
        c = weighted.get().candidate().applyAsDouble(buffer);
        base = weighted.get().baseline().applyAsDouble(buffer);
      } else {
        for (int i = 0; i < n; i++) {
          buffer[i] = random.nextInt(n);
        }
        c = candidate.select(buffer).metric(s.metric());
        base = baseline.select(buffer).metric(s.metric());
      }
      all[r] = Double.isNaN(c) || Double.isNaN(base) ? Double.NaN : sign * (c - base);
    });
    double[] changes = new double[all.length];
    int kept = 0;
    for (double change : all) {
      if (!Double.isNaN(change)) {
        changes[kept++] = change;
      }
    }
    if (kept < 0.9 * resamples) {
      return result(s, Verdict.INCONCLUSIVE, m,
          s.metric() + " is undefined on " + (resamples - kept) + " of " + resamples + " resamples");
    }
    double[] sorted = Arrays.copyOf(changes, kept);
    Arrays.sort(sorted);
    double alpha = 1 - s.confidence();
    double lower = Quantiles.linear(sorted, alpha / 2);
    double upper = Quantiles.linear(sorted, 1 - alpha / 2);
    Measurement measured = m.withInterval(lower, upper);
    String interval = String.format(Locale.ROOT, "%.0f%% interval of the change [%s, %s] (positive is better)",
        100 * s.confidence(), fmt(lower), fmt(upper));
    double margin = b.margin();
    if (lower >= -margin) {
      return result(s, Verdict.PASS, measured, interval + " at or above " + fmt(-margin));
    }
    if (upper < -margin) {
      return result(s, Verdict.FAIL, measured, interval + " below " + fmt(-margin));
    }
    return result(s, Verdict.INCONCLUSIVE, measured, interval + " straddles " + fmt(-margin));
  }
}
