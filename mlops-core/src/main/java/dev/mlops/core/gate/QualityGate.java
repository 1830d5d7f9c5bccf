package dev.mlops.core.gate;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.common.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of named criteria a candidate model must meet, optionally against a baseline (champion)
 * evaluated on the same rows.
 *
 * <pre>{@code
 * QualityGate gate = QualityGate.builder()
 *     .atLeast("AUC floor", Metric.ROC_AUC, 0.75)
 *     .noWorseThanBaseline("no accuracy regression", Metric.ACCURACY, -0.01)   // at most 1 point worse
 *     .build();
 * GateResult result = gate.evaluate(candidatePredictions, championPredictions);
 * }</pre>
 *
 * <p>Without a baseline (the first model), baseline criteria pass with the reason "no baseline".
 *
 * <p>Bootstrap resamples run on the common fork-join pool; each resample has its own generator
 * split in order from the criterion's seed, so the result does not depend on the number of threads.
 * Accuracy and binary ROC AUC resample without re-sorting; other metrics materialise each resample.
 */
public final class QualityGate {
  private final List<Criterion> criteria;

  private QualityGate(List<Criterion> criteria) {
    this.criteria = List.copyOf(criteria);
  }

  /**
   * Renders a gate result as JSON ({@code formatVersion} 1): the verdict and every criterion with
   * its value, baseline, interval, p-value and reason; undefined numbers are null.
   *
   * @param result the result
   * @return the JSON text
   */
  public static String toJson(GateResult result) {
    return GateJson.render(requireNonNull(result, "result"));
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the criteria, in order */
  public List<Criterion> criteria() {
    return criteria;
  }

  /**
   * Evaluates a classification model.
   *
   * @param candidate the candidate's predictions
   * @param baseline the baseline's predictions on the same rows, or null when there is none
   * @return the result
   * @throws IllegalArgumentException if a criterion uses a regression metric, or the baseline has
   *     another number of rows or other classes
   */
  public GateResult evaluate(ClassificationPredictions candidate, ClassificationPredictions baseline) {
    requireNonNull(candidate, "candidate");
    if (baseline != null && (baseline.size() != candidate.size() || !baseline.classes().equals(candidate.classes()))) {
      throw new IllegalArgumentException("baseline must be evaluated on the same rows and classes: candidate has "
          + candidate.size() + " rows of " + candidate.classes() + ", baseline " + baseline.size() + " of "
          + baseline.classes());
    }
    return evaluate(new Classified(candidate), baseline == null ? null : new Classified(baseline), true);
  }

  /**
   * Evaluates a regression model.
   *
   * @param candidate the candidate's predictions
   * @param baseline the baseline's predictions on the same rows, or null when there is none
   * @return the result
   * @throws IllegalArgumentException if a criterion uses a classification metric, or the baseline has
   *     another number of rows
   */
  public GateResult evaluate(RegressionPredictions candidate, RegressionPredictions baseline) {
    requireNonNull(candidate, "candidate");
    if (baseline != null && baseline.size() != candidate.size()) {
      throw new IllegalArgumentException("baseline must be evaluated on the same rows: candidate has "
          + candidate.size() + ", baseline " + baseline.size());
    }
    return evaluate(new Regressed(candidate), baseline == null ? null : new Regressed(baseline), false);
  }

  /** Predictions of either kind, as the criteria need them. */
  private interface Source {
    double metric(Metric metric);

    Source select(int[] rows);

    int size();

    /** Whether the prediction at {@code row} is right (classification only). */
    boolean correct(int row);

    /** The predictions themselves, for tests that need scores. */
    Object predictions();

    /** A row attribute's values. */
    String[] attribute(String name);
  }

  private record Classified(ClassificationPredictions p) implements Source {
    @Override
    public double metric(Metric metric) {
      return Metrics.compute(metric, p);
    }

    @Override
    public Source select(int[] rows) {
      return new Classified(p.select(rows));
    }

    @Override
    public int size() {
      return p.size();
    }

    @Override
    public boolean correct(int row) {
      return p.truth(row) == p.predicted(row);
    }

    @Override
    public Object predictions() {
      return p;
    }

    @Override
    public String[] attribute(String name) {
      return p.attribute(name);
    }
  }

  private record Regressed(RegressionPredictions p) implements Source {
    @Override
    public double metric(Metric metric) {
      return Metrics.compute(metric, p);
    }

    @Override
    public Source select(int[] rows) {
      return new Regressed(p.select(rows));
    }

    @Override
    public int size() {
      return p.size();
    }

    @Override
    public boolean correct(int row) {
      throw new IllegalStateException("regression predictions are not right or wrong");
    }

    @Override
    public Object predictions() {
      return p;
    }

    @Override
    public String[] attribute(String name) {
      return p.attribute(name);
    }
  }

  private GateResult evaluate(Source candidate, Source baseline, boolean classification) {
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion c : criteria) {
      if (c.metric().forClassification() != classification) {
        throw new IllegalArgumentException("criterion '" + c.name() + "' uses " + c.metric() + ", a "
            + (classification ? "regression" : "classification") + " metric");
      }
      double value = candidate.metric(c.metric());
      if (c instanceof Criterion.AbsoluteBound b) {
        results.add(absolute(b, value));
      } else if (c instanceof Criterion.BaselineChange b) {
        results.add(change(b, value, baseline == null ? null : baseline.metric(c.metric())));
      } else if (c instanceof Criterion.SliceGap g) {
        results.add(slices(g, candidate, value));
      } else if (c instanceof Criterion.SupportedChange s) {
        results.add(baseline == null
            ? new CriterionResult(s.name(), s.metric(), s.severity(), Verdict.PASS, value, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, "no baseline to compare with")
            : Evidence.supported(s, candidate, baseline, value, baseline.metric(s.metric())));
      }
    }
    return GateResult.of(results);
  }

  private static CriterionResult slices(Criterion.SliceGap g, Source p, double overall) {
    String[] values = p.attribute(g.attribute());
    java.util.Map<String, List<Integer>> rowsBySlice = new java.util.TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        rowsBySlice.computeIfAbsent(values[i], k -> new ArrayList<>()).add(i);
      }
    }
    double sign = g.metric().higherIsBetter() ? 1 : -1;
    boolean tested = g.correction() != dev.mlops.api.common.Correction.NONE;
    List<String> judged = new ArrayList<>();
    List<Double> gaps = new ArrayList<>();
    List<Double> metricValues = new ArrayList<>();
    List<Double> pValues = new ArrayList<>();
    List<String> small = new ArrayList<>();
    List<String> undefined = new ArrayList<>();
    for (var e : rowsBySlice.entrySet()) {
      int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      if (rows.length < g.minSliceSize()) {
        small.add(e.getKey() + " (" + rows.length + ")");
        continue;
      }
      double v = p.select(rows).metric(g.metric());
      if (Double.isNaN(v) || Double.isNaN(overall)) {
        undefined.add(e.getKey());
        continue;
      }
      judged.add(e.getKey());
      gaps.add(sign * (overall - v));
      metricValues.add(v);
      if (tested) {
        int correct = (int) Math.round(v * rows.length);
        double p0 = Math.max(0, Math.min(1, overall - g.maxGap()));
        pValues.add(new org.apache.commons.math3.distribution.BinomialDistribution(null, rows.length, p0)
            .cumulativeProbability(correct));
      }
    }
    double[] adjusted = tested
        ? dev.mlops.core.drift.Corrections.adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray(),
            g.correction())
        : null;
    List<String> failing = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    double worstGap = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < judged.size(); s++) {
      double gap = gaps.get(s);
      worstGap = Math.max(worstGap, gap);
      if (gap <= g.maxGap()) {
        continue;
      }
      String line = String.format(Locale.ROOT, "%s: %s (gap %s%s)", judged.get(s), fmt(metricValues.get(s)), fmt(gap),
          tested ? ", adjusted p " + fmt(adjusted[s]) : "");
      if (!tested || adjusted[s] < 1 - g.confidence()) {
        failing.add(line);
      } else {
        unsupported.add(line);
      }
    }
    String notes = (small.isEmpty() ? "" : "; below " + g.minSliceSize() + " rows, not judged: " + small)
        + (undefined.isEmpty() ? "" : "; undefined on " + undefined);
    double minP = adjusted == null || adjusted.length == 0 ? Double.NaN
        : java.util.Arrays.stream(adjusted).min().getAsDouble();
    if (!failing.isEmpty()) {
      return result(g, Verdict.FAIL, overall, Double.NaN, Double.NaN, Double.NaN, minP, "slices of '"
          + g.attribute() + "' more than " + fmt(g.maxGap()) + " worse than overall " + fmt(overall) + ": " + failing
          + notes);
    }
    if (!unsupported.isEmpty()) {
      return result(g, Verdict.INCONCLUSIVE, overall, Double.NaN, Double.NaN, Double.NaN, minP, "slices past the gap"
          + " without significant evidence (" + g.correction() + "): " + unsupported + notes);
    }
    if (judged.isEmpty() || !undefined.isEmpty()) {
      return result(g, Verdict.INCONCLUSIVE, overall, Double.NaN, Double.NaN, Double.NaN, minP, "no slice of '"
          + g.attribute() + "' could be judged everywhere" + notes);
    }
    return result(g, Verdict.PASS, overall, Double.NaN, Double.NaN, Double.NaN, minP, "largest shortfall of a slice of '"
        + g.attribute() + "' " + fmt(worstGap) + " <= " + fmt(g.maxGap()) + notes);
  }

  private static CriterionResult absolute(Criterion.AbsoluteBound b, double value) {
    boolean higher = b.metric().higherIsBetter();
    String op = higher ? (b.inclusive() ? ">=" : ">") : (b.inclusive() ? "<=" : "<");
    String expected = b.metric() + " " + op + " " + fmt(b.bound());
    if (Double.isNaN(value)) {
      return result(b, Verdict.INCONCLUSIVE, value, Double.NaN, b.metric() + " is undefined on these rows; expected "
          + expected);
    }
    boolean holds = higher ? (b.inclusive() ? value >= b.bound() : value > b.bound())
        : (b.inclusive() ? value <= b.bound() : value < b.bound());
    return result(b, holds ? Verdict.PASS : Verdict.FAIL, value, Double.NaN,
        (holds ? "" : "not ") + expected);
  }

  private static CriterionResult change(Criterion.BaselineChange b, double value, Double baselineValue) {
    if (baselineValue == null) {
      return new CriterionResult(b.name(), b.metric(), b.severity(), Verdict.PASS, value, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, "no baseline to compare with");
    }
    double base = baselineValue;
    if (Double.isNaN(value) || Double.isNaN(base)) {
      return result(b, Verdict.INCONCLUSIVE, value, base, b.metric() + " is undefined on these rows for the "
          + (Double.isNaN(value) ? "candidate" : "baseline"));
    }
    double sign = b.metric().higherIsBetter() ? 1 : -1;
    double change = sign * (value - base);
    double relative = base == 0 ? (change == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, change))
        : change / Math.abs(base);
    List<String> broken = new ArrayList<>();
    if (!Double.isNaN(b.minAbsoluteChange()) && !(change >= b.minAbsoluteChange())) {
      broken.add(String.format(Locale.ROOT, "change %s < required %s", fmt(change), fmt(b.minAbsoluteChange())));
    }
    if (!Double.isNaN(b.minRelativeChange()) && !(relative >= b.minRelativeChange())) {
      broken.add(String.format(Locale.ROOT, "relative change %s < required %s", fmt(relative),
          fmt(b.minRelativeChange())));
    }
    if (broken.isEmpty()) {
      return result(b, Verdict.PASS, value, base, String.format(Locale.ROOT, "change %s (relative %s) vs baseline %s",
          fmt(change), fmt(relative), fmt(base)));
    }
    return result(b, Verdict.FAIL, value, base, String.join("; ", broken) + " (in the direction where "
        + b.metric() + " is better)");
  }

  private static CriterionResult result(Criterion c, Verdict verdict, double value, double baseline, String reason) {
    return result(c, verdict, value, baseline, Double.NaN, Double.NaN, Double.NaN, reason);
  }

  /** A failing or inconclusive warning-severity criterion reports WARN. */
  static CriterionResult result(Criterion c, Verdict verdict, double value, double baseline, double lower,
      double upper, double pValue, String reason) {
    Verdict v = c.severity() == Severity.WARNING && verdict != Verdict.PASS ? Verdict.WARN : verdict;
    return new CriterionResult(c.name(), c.metric(), c.severity(), v, value, baseline, lower, upper, pValue, reason);
  }

  /** Paired bootstrap and McNemar's tests for {@link Criterion.SupportedChange}. */
  private static final class Evidence {
    private Evidence() {}

    static CriterionResult supported(Criterion.SupportedChange s, Source candidate, Source baseline, double value,
        double base) {
      int n = candidate.size();
      if (s.evidence() == Criterion.Evidence.PAIRED_BOOTSTRAP) {
        return bootstrap(s, candidate, baseline, value, base, n);
      }
      if (s.evidence() == Criterion.Evidence.DELONG) {
        return delong(s, (ClassificationPredictions) candidate.predictions(),
            (ClassificationPredictions) baseline.predictions(), value, base);
      }
      long better = 0;
      long worse = 0;
      for (int i = 0; i < n; i++) {
        boolean c = candidate.correct(i);
        boolean b = baseline.correct(i);
        if (c && !b) {
          better++;
        } else if (b && !c) {
          worse++;
        }
      }
      long discordant = better + worse;
      if (discordant < s.minSamples()) {
        return result(s, Verdict.INCONCLUSIVE, value, base, Double.NaN, Double.NaN, Double.NaN,
            discordant + " rows where exactly one model is right; " + s.minSamples() + " needed to decide");
      }
      double p = McNemar.pValue(better, worse, s.evidence() == Criterion.Evidence.MCNEMAR_MID_P);
      double alpha = 1 - s.confidence();
      String counts = "candidate alone right on " + better + " rows, baseline alone on " + worse;
      if (p < alpha && better > worse) {
        return result(s, Verdict.PASS, value, base, Double.NaN, Double.NaN, p, "significantly better: " + counts);
      }
      if (p < alpha && worse > better) {
        return result(s, Verdict.FAIL, value, base, Double.NaN, Double.NaN, p, "significantly worse: " + counts);
      }
      return result(s, Verdict.INCONCLUSIVE, value, base, Double.NaN, Double.NaN, p,
          "no significant difference at " + fmt(alpha) + ": " + counts);
    }

    /**
     * Sort-free resampling for binary ROC AUC and for accuracy: each model's metric as a function of
     * row weights, prepared once; null for other metrics, which resample rows.
     */
    @SuppressWarnings("unchecked")
    private static java.util.function.ToDoubleFunction<int[]>[] weightedMetric(Metric metric, Source candidate,
        Source baseline) {
      if (!(candidate.predictions() instanceof ClassificationPredictions c)
          || !(baseline.predictions() instanceof ClassificationPredictions b)) {
        return null;
      }
      int n = c.size();
      if (metric == Metric.ACCURACY) {
        boolean[] rightC = new boolean[n];
        boolean[] rightB = new boolean[n];
        for (int i = 0; i < n; i++) {
          rightC[i] = c.truth(i) == c.predicted(i);
          rightB[i] = b.truth(i) == b.predicted(i);
        }
        return new java.util.function.ToDoubleFunction[] {w -> share((int[]) w, rightC), w -> share((int[]) w, rightB)};
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
        return new java.util.function.ToDoubleFunction[] {w -> ac.auc((int[]) w), w -> ab.auc((int[]) w)};
      }
      return null;
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
        ClassificationPredictions baseline, double value, double base) {
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
        return result(s, Verdict.INCONCLUSIVE, value, base, Double.NaN, Double.NaN, Double.NaN,
            r == null ? "ROC AUC is undefined: the rows hold one class" : n + " rows; " + s.minSamples() + " needed to decide");
      }
      double alpha = 1 - s.confidence();
      String what = String.format(Locale.ROOT, "AUC %s vs %s, z=%s", fmt(r.aucA()), fmt(r.aucB()), fmt(r.z()));
      if (r.pValue() < alpha && r.z() > 0) {
        return result(s, Verdict.PASS, value, base, Double.NaN, Double.NaN, r.pValue(), "significantly better: " + what);
      }
      if (r.pValue() < alpha && r.z() < 0) {
        return result(s, Verdict.FAIL, value, base, Double.NaN, Double.NaN, r.pValue(), "significantly worse: " + what);
      }
      return result(s, Verdict.INCONCLUSIVE, value, base, Double.NaN, Double.NaN, r.pValue(),
          "no significant difference at " + fmt(alpha) + ": " + what);
    }

    private static CriterionResult bootstrap(Criterion.SupportedChange s, Source candidate, Source baseline,
        double value, double base, int n) {
      if (n < s.minSamples()) {
        return result(s, Verdict.INCONCLUSIVE, value, base, Double.NaN, Double.NaN, Double.NaN,
            n + " rows; " + s.minSamples() + " needed to decide");
      }
      double sign = s.metric().higherIsBetter() ? 1 : -1;
      // One generator per resample, split in order from the seed: the result does not depend on how
      // the resamples are spread over threads.
      java.util.SplittableRandom master = new java.util.SplittableRandom(s.seed());
      java.util.SplittableRandom[] generators = new java.util.SplittableRandom[s.resamples()];
      for (int r = 0; r < generators.length; r++) {
        generators[r] = master.split();
      }
      java.util.function.ToDoubleFunction<int[]>[] weighted = weightedMetric(s.metric(), candidate, baseline);
      double[] all = new double[s.resamples()];
      ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[n]);
      java.util.stream.IntStream.range(0, s.resamples()).parallel().forEach(r -> {
        java.util.SplittableRandom random = generators[r];
        int[] buffer = buffers.get();
        double c;
        double b;
        // The same draws feed either path, so both give the same resample (a multiset of rows).
        if (weighted != null) {
          java.util.Arrays.fill(buffer, 0);
          for (int i = 0; i < n; i++) {
            buffer[random.nextInt(n)]++;
          }
          c = weighted[0].applyAsDouble(buffer);
          b = weighted[1].applyAsDouble(buffer);
        } else {
          for (int i = 0; i < n; i++) {
            buffer[i] = random.nextInt(n);
          }
          c = candidate.select(buffer).metric(s.metric());
          b = baseline.select(buffer).metric(s.metric());
        }
        all[r] = Double.isNaN(c) || Double.isNaN(b) ? Double.NaN : sign * (c - b);
      });
      double[] changes = new double[all.length];
      int kept = 0;
      for (double change : all) {
        if (!Double.isNaN(change)) {
          changes[kept++] = change;
        }
      }
      if (kept < 0.9 * s.resamples()) {
        return result(s, Verdict.INCONCLUSIVE, value, base, Double.NaN, Double.NaN, Double.NaN,
            s.metric() + " is undefined on " + (s.resamples() - kept) + " of " + s.resamples() + " resamples");
      }
      double[] sorted = java.util.Arrays.copyOf(changes, kept);
      java.util.Arrays.sort(sorted);
      double alpha = 1 - s.confidence();
      double lower = dev.mlops.core.internal.Quantiles.linear(sorted, alpha / 2);
      double upper = dev.mlops.core.internal.Quantiles.linear(sorted, 1 - alpha / 2);
      String interval = String.format(Locale.ROOT, "%.0f%% interval of the change [%s, %s] (positive is better)",
          100 * s.confidence(), fmt(lower), fmt(upper));
      if (lower >= -s.margin()) {
        return result(s, Verdict.PASS, value, base, lower, upper, Double.NaN, interval + " at or above " + fmt(-s.margin()));
      }
      if (upper < -s.margin()) {
        return result(s, Verdict.FAIL, value, base, lower, upper, Double.NaN, interval + " below " + fmt(-s.margin()));
      }
      return result(s, Verdict.INCONCLUSIVE, value, base, lower, upper, Double.NaN,
          interval + " straddles " + fmt(-s.margin()));
    }
  }

  private static String fmt(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : String.format(Locale.ROOT, "%.6g", v);
  }

  /** Builds a {@link QualityGate}; criterion names must be unique. */
  public static final class Builder {
    private final List<Criterion> criteria = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private Severity severity = Severity.ERROR;

    private Builder() {}

    /**
     * Sets the severity of the criteria added after this call (default {@link Severity#ERROR}).
     *
     * @param severity the severity
     * @return this builder
     */
    public Builder severity(Severity severity) {
      this.severity = requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Adds a criterion.
     *
     * @param criterion the criterion
     * @return this builder
     * @throws IllegalArgumentException if a criterion of that name was added
     */
    public Builder add(Criterion criterion) {
      requireNonNull(criterion, "criterion");
      if (!names.add(criterion.name())) {
        throw new IllegalArgumentException("duplicate criterion name '" + criterion.name() + "'");
      }
      criteria.add(criterion);
      return this;
    }

    /**
     * The metric reaches {@code bound} inclusively in its good direction (at least, or at most for
     * metrics where lower is better).
     *
     * @param name the name
     * @param metric the metric
     * @param bound the bound
     * @return this builder
     */
    public Builder atLeast(String name, Metric metric, double bound) {
      return add(new Criterion.AbsoluteBound(name, metric, bound, true, severity));
    }

    /**
     * The candidate's change against the baseline, in the metric's good direction, is at least
     * {@code minAbsoluteChange}: 0 means no regression, -0.01 allows one point of regression, 0.02
     * asks for two points of improvement.
     *
     * @param name the name
     * @param metric the metric
     * @param minAbsoluteChange the least change in the good direction (negative allows regression)
     * @return this builder
     */
    public Builder noWorseThanBaseline(String name, Metric metric, double minAbsoluteChange) {
      return add(new Criterion.BaselineChange(name, metric, minAbsoluteChange, Double.NaN, severity));
    }

    /** @return the gate */
    public QualityGate build() {
      if (criteria.isEmpty()) {
        throw new IllegalStateException("a quality gate needs at least one criterion");
      }
      return new QualityGate(criteria);
    }
  }
}
