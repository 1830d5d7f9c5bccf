package dev.mlops.core.gate;

import static dev.mlops.core.gate.CriterionResults.fmt;
import static dev.mlops.core.gate.CriterionResults.result;
import static java.util.Objects.requireNonNull;

import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.api.gate.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A list of named criteria a candidate model must meet, optionally against a baseline (champion)
 * evaluated on the same rows.
 *
 * <pre>{@code
 * QualityGate gate = QualityGate.builder()
 *     .atLeast("AUC floor", Metric.ROC_AUC, 0.75)
 *     .noWorseThanBaseline("no accuracy regression", Metric.ACCURACY, c -> c.maxAbsoluteDrop(0.01))
 *     .supportedChange("AUC not worse", Metric.ROC_AUC,
 *         c -> c.pairedBootstrap(1_000, 42).margin(0.0).confidence(0.95).minSamples(100))
 *     .sliceGap("accuracy by age", Metric.ACCURACY, "age_band", c -> c.maxGap(0.1).minSliceSize(30))
 *     .build();
 * GateResult first = gate.evaluate(candidatePredictions);                     // no champion yet
 * GateResult result = gate.evaluate(candidatePredictions, championPredictions);
 * }</pre>
 *
 * <p>Without a baseline ({@link #evaluate(ClassificationPredictions)}, for the first model),
 * criteria that compare with one ({@link Criterion.BaselineChange}, {@link Criterion.SupportedChange})
 * pass with the reason "no baseline to compare with".
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

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the criteria, in order */
  public List<Criterion> criteria() {
    return criteria;
  }

  /**
   * Evaluates a classification model that has no baseline to compare with (the first model):
   * criteria that need a baseline pass with the reason "no baseline to compare with".
   *
   * @param candidate the candidate's predictions
   * @return the result
   * @throws IllegalArgumentException if a criterion uses a regression metric
   */
  public GateResult evaluate(ClassificationPredictions candidate) {
    requireNonNull(candidate, "candidate");
    return run(new GateInput.Classified(candidate), Optional.empty());
  }

  /**
   * Evaluates a classification model against a baseline (champion).
   *
   * @param candidate the candidate's predictions
   * @param baseline the baseline's predictions on the same rows
   * @return the result
   * @throws IllegalArgumentException if a criterion uses a regression metric, or the baseline has
   *     another number of rows or other classes
   */
  public GateResult evaluate(ClassificationPredictions candidate, ClassificationPredictions baseline) {
    requireNonNull(candidate, "candidate");
    requireNonNull(baseline, "baseline");
    if (baseline.size() != candidate.size() || !baseline.classes().equals(candidate.classes())) {
      throw new IllegalArgumentException("baseline must be evaluated on the same rows and classes: candidate has "
          + candidate.size() + " rows of " + candidate.classes() + ", baseline " + baseline.size() + " of "
          + baseline.classes());
    }
    return run(new GateInput.Classified(candidate), Optional.of(new GateInput.Classified(baseline)));
  }

  /**
   * Evaluates a regression model that has no baseline to compare with (the first model):
   * criteria that need a baseline pass with the reason "no baseline to compare with".
   *
   * @param candidate the candidate's predictions
   * @return the result
   * @throws IllegalArgumentException if a criterion uses a classification metric
   */
  public GateResult evaluate(RegressionPredictions candidate) {
    requireNonNull(candidate, "candidate");
    return run(new GateInput.Regressed(candidate), Optional.empty());
  }

  /**
   * Evaluates a regression model against a baseline (champion).
   *
   * @param candidate the candidate's predictions
   * @param baseline the baseline's predictions on the same rows
   * @return the result
   * @throws IllegalArgumentException if a criterion uses a classification metric, or the baseline has
   *     another number of rows
   */
  public GateResult evaluate(RegressionPredictions candidate, RegressionPredictions baseline) {
    requireNonNull(candidate, "candidate");
    requireNonNull(baseline, "baseline");
    if (baseline.size() != candidate.size()) {
      throw new IllegalArgumentException("baseline must be evaluated on the same rows: candidate has "
          + candidate.size() + ", baseline " + baseline.size());
    }
    return run(new GateInput.Regressed(candidate), Optional.of(new GateInput.Regressed(baseline)));
  }

  private GateResult run(GateInput candidate, Optional<GateInput> baseline) {
    boolean classification = candidate instanceof GateInput.Classified;
    List<CriterionResult> results = new ArrayList<>();
    for (Criterion c : criteria) {
      if (c.metric().forClassification() != classification) {
        throw new IllegalArgumentException("criterion '" + c.name() + "' uses " + c.metric() + ", a "
            + (classification ? "regression" : "classification") + " metric");
      }
      double value = candidate.metric(c.metric());
      if (c instanceof Criterion.AbsoluteBound b) {
        results.add(absolute(b, value));
      } else if (c instanceof Criterion.SliceGap g) {
        results.add(SliceGapCheck.evaluate(g, candidate, value));
      } else if (baseline.isEmpty()) {
        results.add(result(c, Verdict.PASS, Measurement.of(value), "no baseline to compare with"));
      } else if (c instanceof Criterion.BaselineChange b) {
        results.add(change(b, value, baseline.get().metric(c.metric())));
      } else if (c instanceof Criterion.SupportedChange s) {
        results.add(SupportedChangeCheck.evaluate(s, candidate, baseline.get(), value, baseline.get().metric(s.metric())));
      }
    }
    return GateResult.of(results);
  }

  private static CriterionResult absolute(Criterion.AbsoluteBound b, double value) {
    boolean higher = b.metric().higherIsBetter();
    boolean inclusive = b.inclusion() == Criterion.AbsoluteBound.Inclusion.INCLUSIVE;
    String op = higher ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<");
    String expected = b.metric() + " " + op + " " + fmt(b.bound());
    Measurement m = Measurement.of(value);
    if (Double.isNaN(value)) {
      return result(b, Verdict.INCONCLUSIVE, m, b.metric() + " is undefined on these rows; expected " + expected);
    }
    boolean holds = higher ? (inclusive ? value >= b.bound() : value > b.bound())
        : (inclusive ? value <= b.bound() : value < b.bound());
    return result(b, holds ? Verdict.PASS : Verdict.FAIL, m, (holds ? "" : "not ") + expected);
  }

  private static CriterionResult change(Criterion.BaselineChange b, double value, double base) {
    Measurement m = Measurement.of(value).withBaseline(base);
    if (Double.isNaN(value) || Double.isNaN(base)) {
      return result(b, Verdict.INCONCLUSIVE, m, b.metric() + " is undefined on these rows for the "
          + (Double.isNaN(value) ? "candidate" : "baseline"));
    }
    double sign = b.metric().higherIsBetter() ? 1 : -1;
    double change = sign * (value - base);
    double relative = base == 0 ? (change == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, change))
        : change / Math.abs(base);
    List<String> broken = new ArrayList<>();
    b.minAbsoluteChange().ifPresent(min -> {
      if (!(change >= min)) {
        broken.add(String.format(Locale.ROOT, "change %s < required %s", fmt(change), fmt(min)));
      }
    });
    b.minRelativeChange().ifPresent(min -> {
      if (!(relative >= min)) {
        broken.add(String.format(Locale.ROOT, "relative change %s < required %s", fmt(relative), fmt(min)));
      }
    });
    if (broken.isEmpty()) {
      return result(b, Verdict.PASS, m, String.format(Locale.ROOT, "change %s (relative %s) vs baseline %s",
          fmt(change), fmt(relative), fmt(base)));
    }
    return result(b, Verdict.FAIL, m, String.join("; ", broken) + " (in the direction where "
        + b.metric() + " is better)");
  }

  /**
   * Builds a {@link QualityGate}: criteria in the order added, names unique. Each criterion method
   * takes its name, its metric and, where it has options, a function that configures the
   * criterion's builder (see {@link Criterion}); the severity of every criterion defaults to
   * {@code ERROR} and is set inside that function ({@code c -> c.severity(Severity.WARNING)}).
   */
  public static final class Builder {
    private final List<Criterion> criteria = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();

    private Builder() {}

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
     * metrics where lower is better); severity ERROR.
     *
     * @param name the name
     * @param metric the metric
     * @param bound the bound, finite
     * @return this builder
     * @throws IllegalArgumentException if the bound is not finite or the name is taken
     */
    public Builder atLeast(String name, Metric metric, double bound) {
      return absoluteBound(name, metric, c -> c.reaches(bound));
    }

    /**
     * The metric reaches a bound in its good direction, configured by {@code spec}:
     * {@code c -> c.exceeds(0.8).severity(Severity.WARNING)}.
     *
     * @param name the name
     * @param metric the metric
     * @param spec sets the bound ({@code reaches} or {@code exceeds}) and optionally the severity
     * @return this builder
     * @throws IllegalArgumentException if a setting is out of range or the name is taken
     * @throws IllegalStateException if a setting contradicts another, or no bound is set
     */
    public Builder absoluteBound(String name, Metric metric, Consumer<Criterion.AbsoluteBound.Builder> spec) {
      requireNonNull(spec, "spec");
      Criterion.AbsoluteBound.Builder b = Criterion.AbsoluteBound.builder(name, metric);
      spec.accept(b);
      return add(b.build());
    }

    /**
     * The candidate is not worse than the baseline at all, in the metric's good direction
     * (the same as {@code noWorseThanBaseline(name, metric, c -> c.maxAbsoluteDrop(0))}).
     *
     * @param name the name
     * @param metric the metric
     * @return this builder
     * @throws IllegalArgumentException if the name is taken
     */
    public Builder noWorseThanBaseline(String name, Metric metric) {
      return noWorseThanBaseline(name, metric, c -> c.maxAbsoluteDrop(0));
    }

    /**
     * The candidate's change against the baseline, in the metric's good direction, configured by
     * {@code spec}: {@code c -> c.maxAbsoluteDrop(0.01)} allows one point of regression,
     * {@code c -> c.minRelativeChange(0.05)} asks for five per cent of improvement. With neither an
     * absolute nor a relative change set, no drop at all is allowed.
     *
     * @param name the name
     * @param metric the metric
     * @param spec sets the changes and optionally the severity
     * @return this builder
     * @throws IllegalArgumentException if a setting is out of range or the name is taken
     * @throws IllegalStateException if a setting contradicts another
     */
    public Builder noWorseThanBaseline(String name, Metric metric, Consumer<Criterion.BaselineChange.Builder> spec) {
      requireNonNull(spec, "spec");
      Criterion.BaselineChange.Builder b = Criterion.BaselineChange.builder(name, metric);
      spec.accept(b);
      return add(b.build());
    }

    /**
     * A change against the baseline that the data supports, configured by {@code spec}:
     * {@code c -> c.pairedBootstrap(1_000, 42).margin(0.0).confidence(0.95).minSamples(100)}, or
     * {@code c -> c.mcNemar()} for accuracy, {@code c -> c.deLong()} for binary ROC AUC.
     *
     * @param name the name
     * @param metric the metric
     * @param spec sets the evidence and optionally margin, confidence, minSamples and severity
     * @return this builder
     * @throws IllegalArgumentException if a setting is out of range or the name is taken
     * @throws IllegalStateException if a setting contradicts another, or no evidence is set
     */
    public Builder supportedChange(String name, Metric metric, Consumer<Criterion.SupportedChange.Builder> spec) {
      requireNonNull(spec, "spec");
      Criterion.SupportedChange.Builder b = Criterion.SupportedChange.builder(name, metric);
      spec.accept(b);
      return add(b.build());
    }

    /**
     * No slice of a row attribute may be worse than the whole set by more than a gap, configured
     * by {@code spec}: {@code c -> c.maxGap(0.1).minSliceSize(30)}, optionally
     * {@code .tested(Correction.HOLM, 0.95)} for accuracy.
     *
     * @param name the name
     * @param metric the metric
     * @param attribute the row attribute whose values define the slices
     * @param spec sets the gap and optionally the slice size, the slice test and the severity
     * @return this builder
     * @throws IllegalArgumentException if a setting is out of range or the name is taken
     * @throws IllegalStateException if a setting contradicts another, or no gap is set
     */
    public Builder sliceGap(String name, Metric metric, String attribute, Consumer<Criterion.SliceGap.Builder> spec) {
      requireNonNull(spec, "spec");
      Criterion.SliceGap.Builder b = Criterion.SliceGap.builder(name, metric, attribute);
      spec.accept(b);
      return add(b.build());
    }

    /**
     * Builds the gate.
     *
     * @return the gate
     * @throws IllegalStateException if no criterion was added
     */
    public QualityGate build() {
      if (criteria.isEmpty()) {
        throw new IllegalStateException("a quality gate needs at least one criterion");
      }
      return new QualityGate(criteria);
    }
  }
}
