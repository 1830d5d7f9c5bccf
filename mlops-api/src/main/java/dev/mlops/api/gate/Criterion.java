package dev.mlops.api.gate;

import dev.mlops.api.common.Correction;
import dev.mlops.api.common.Severity;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A named condition a candidate model must meet. A criterion of severity {@link Severity#WARNING}
 * that does not hold gives {@link Verdict#WARN} and does not fail the gate.
 *
 * <p>Criteria are usually added through the named methods of {@code QualityGate.builder()}; each
 * kind also has its own builder:
 *
 * <pre>{@code
 * Criterion auc = Criterion.SupportedChange.builder("AUC not worse", Metric.ROC_AUC)
 *     .pairedBootstrap(1_000, 42).margin(0.0).confidence(0.95).minSamples(100)
 *     .build();
 * }</pre>
 *
 * <p>Every builder method validates its argument at once ({@link NullPointerException} naming a
 * null argument, {@link IllegalArgumentException} with the value and the allowed range); a method
 * called twice, or one that contradicts an earlier call, throws {@link IllegalStateException}
 * naming both calls. Every builder's severity defaults to {@link Severity#ERROR}.
 */
public sealed interface Criterion permits Criterion.AbsoluteBound, Criterion.BaselineChange,
    Criterion.SupportedChange, Criterion.SliceGap {

  /** @return the criterion's name, shown in results */
  String name();

  /** @return the metric judged */
  Metric metric();

  /** @return the severity of a failure */
  Severity severity();

  /**
   * The metric must reach {@code bound} in its good direction: at least (or above) for a metric
   * where higher is better, at most (or below) where lower is better.
   *
   * <pre>{@code
   * Criterion floor = Criterion.AbsoluteBound.builder("AUC floor", Metric.ROC_AUC).reaches(0.8).build();
   * Criterion loss = Criterion.AbsoluteBound.builder("log loss", Metric.LOG_LOSS).exceeds(0.3)   // < 0.3
   *     .severity(Severity.WARNING).build();
   * }</pre>
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param bound the bound
   * @param inclusion whether a value equal to the bound passes
   * @param severity the severity of a failure
   */
  record AbsoluteBound(String name, Metric metric, double bound, Inclusion inclusion, Severity severity)
      implements Criterion {

    /** Whether a value equal to the bound passes. */
    public enum Inclusion {
      /** A value equal to the bound passes. */
      INCLUSIVE,
      /** Only a value strictly better than the bound passes. */
      EXCLUSIVE
    }

    /**
     * Validates the components.
     *
     * @param name the name, not blank
     * @param metric the metric
     * @param bound the bound, finite
     * @param inclusion whether the bound is inclusive
     * @param severity the severity
     * @throws IllegalArgumentException if the name is blank or the bound is not finite
     */
    public AbsoluteBound {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(inclusion, "inclusion");
      Objects.requireNonNull(severity, "severity");
      finite(name, "bound", bound);
    }

    /**
     * Returns a builder; set the bound with {@link Builder#reaches} or {@link Builder#exceeds}.
     *
     * @param name the criterion's name, not blank
     * @param metric the metric
     * @return a new builder
     */
    public static Builder builder(String name, Metric metric) {
      return new Builder(name, metric);
    }

    /** Builds an {@link AbsoluteBound}; the bound is required, the severity defaults to ERROR. */
    public static final class Builder {
      private final String name;
      private final Metric metric;
      private final Setting<Inclusion> inclusion;
      private final Setting<Severity> severity;
      private double bound;

      private Builder(String name, Metric metric) {
        checkName(name);
        this.name = name;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.inclusion = new Setting<>(name, "the bound");
        this.severity = new Setting<>(name, "severity");
      }

      /**
       * The metric must reach {@code bound} or be better: {@code >=} where higher is better,
       * {@code <=} where lower is better.
       *
       * @param bound the bound, finite
       * @return this builder
       * @throws IllegalArgumentException if the bound is not finite
       * @throws IllegalStateException if the bound was already set
       */
      public Builder reaches(double bound) {
        return bound(bound, Inclusion.INCLUSIVE, "reaches(" + bound + ")");
      }

      /**
       * The metric must be strictly better than {@code bound}: {@code >} where higher is better,
       * {@code <} where lower is better.
       *
       * @param bound the bound, finite
       * @return this builder
       * @throws IllegalArgumentException if the bound is not finite
       * @throws IllegalStateException if the bound was already set
       */
      public Builder exceeds(double bound) {
        return bound(bound, Inclusion.EXCLUSIVE, "exceeds(" + bound + ")");
      }

      private Builder bound(double value, Inclusion kind, String call) {
        finite(name, "bound", value);
        inclusion.set(kind, call);
        this.bound = value;
        return this;
      }

      /**
       * Sets the severity of a failure (default {@link Severity#ERROR}).
       *
       * @param severity the severity
       * @return this builder
       * @throws IllegalStateException if the severity was already set
       */
      public Builder severity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        this.severity.set(severity, "severity(" + severity + ")");
        return this;
      }

      /**
       * Builds the criterion.
       *
       * @return the criterion
       * @throws IllegalStateException if no bound was set
       */
      public AbsoluteBound build() {
        if (!inclusion.isSet()) {
          throw new IllegalStateException("criterion '" + name + "': set the bound with reaches(bound) or"
              + " exceeds(bound)");
        }
        return new AbsoluteBound(name, metric, bound, inclusion.get(), severity.orElse(Severity.ERROR));
      }
    }
  }

  /**
   * Against a baseline (champion) on the same rows, MLflow's {@code MetricThreshold} semantics:
   * the candidate's change in the metric's good direction (candidate minus baseline where higher
   * is better, baseline minus candidate where lower is better) must be at least
   * {@code minAbsoluteChange}, and its relative change (change / |baseline|) at least
   * {@code minRelativeChange}; a negative value allows that much regression, an empty one leaves
   * that part out. A zero baseline gives a relative change of 0 when equal and plus or minus
   * infinity otherwise. A metric that cannot be computed on either model is inconclusive.
   *
   * <pre>{@code
   * Criterion noRegression = Criterion.BaselineChange.builder("AUC not worse", Metric.ROC_AUC)
   *     .maxAbsoluteDrop(0.01)       // at most one point worse
   *     .build();
   * }</pre>
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param minAbsoluteChange the least absolute change in the good direction, if required
   * @param minRelativeChange the least relative change in the good direction, if required
   * @param severity the severity of a failure
   */
  record BaselineChange(String name, Metric metric, OptionalDouble minAbsoluteChange, OptionalDouble minRelativeChange,
      Severity severity) implements Criterion {
    /**
     * Validates the components.
     *
     * @param name the name, not blank
     * @param metric the metric
     * @param minAbsoluteChange the absolute change, finite, if required
     * @param minRelativeChange the relative change, finite, if required
     * @param severity the severity
     * @throws IllegalArgumentException if neither change is present, or one is not finite
     */
    public BaselineChange {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(minAbsoluteChange, "minAbsoluteChange");
      Objects.requireNonNull(minRelativeChange, "minRelativeChange");
      Objects.requireNonNull(severity, "severity");
      if (minAbsoluteChange.isEmpty() && minRelativeChange.isEmpty()) {
        throw new IllegalArgumentException("criterion '" + name + "': set a minimum absolute or relative change");
      }
      minAbsoluteChange.ifPresent(v -> finite(name, "minAbsoluteChange", v));
      minRelativeChange.ifPresent(v -> finite(name, "minRelativeChange", v));
    }

    /**
     * Returns a builder. Without a change set, the candidate may not be worse at all (as
     * {@code maxAbsoluteDrop(0)}).
     *
     * @param name the criterion's name, not blank
     * @param metric the metric
     * @return a new builder
     */
    public static Builder builder(String name, Metric metric) {
      return new Builder(name, metric);
    }

    /**
     * Builds a {@link BaselineChange}. Changes are measured in the metric's good direction. Defaults:
     * when neither an absolute nor a relative change is set, no absolute drop at all
     * ({@code maxAbsoluteDrop(0)}); severity ERROR.
     */
    public static final class Builder {
      private final String name;
      private final Metric metric;
      private final Setting<Double> absolute;
      private final Setting<Double> relative;
      private final Setting<Severity> severity;

      private Builder(String name, Metric metric) {
        checkName(name);
        this.name = name;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.absolute = new Setting<>(name, "the absolute change");
        this.relative = new Setting<>(name, "the relative change");
        this.severity = new Setting<>(name, "severity");
      }

      /**
       * The candidate's change in the good direction must be at least {@code change}: 0 means no
       * regression, -0.01 allows one point of regression, 0.02 asks for two points of improvement.
       *
       * @param change the least change, finite
       * @return this builder
       * @throws IllegalArgumentException if the change is not finite
       * @throws IllegalStateException if an absolute change was already set
       */
      public Builder minAbsoluteChange(double change) {
        absolute.set(finite(name, "minAbsoluteChange", change), "minAbsoluteChange(" + change + ")");
        return this;
      }

      /**
       * The candidate may be worse than the baseline by at most {@code drop}, in the metric's units
       * (the same as {@code minAbsoluteChange(-drop)}).
       *
       * @param drop the largest tolerated regression, finite and {@code >= 0}
       * @return this builder
       * @throws IllegalArgumentException if the drop is negative or not finite
       * @throws IllegalStateException if an absolute change was already set
       */
      public Builder maxAbsoluteDrop(double drop) {
        absolute.set(0.0 - nonNegative(name, "maxAbsoluteDrop", drop), "maxAbsoluteDrop(" + drop + ")");
        return this;
      }

      /**
       * The candidate's change relative to |baseline|, in the good direction, must be at least
       * {@code change} (0.05 asks for five per cent of improvement).
       *
       * @param change the least relative change, finite
       * @return this builder
       * @throws IllegalArgumentException if the change is not finite
       * @throws IllegalStateException if a relative change was already set
       */
      public Builder minRelativeChange(double change) {
        relative.set(finite(name, "minRelativeChange", change), "minRelativeChange(" + change + ")");
        return this;
      }

      /**
       * The candidate may be worse than the baseline by at most this fraction of |baseline| (the
       * same as {@code minRelativeChange(-drop)}).
       *
       * @param drop the largest tolerated relative regression, finite and {@code >= 0}
       * @return this builder
       * @throws IllegalArgumentException if the drop is negative or not finite
       * @throws IllegalStateException if a relative change was already set
       */
      public Builder maxRelativeDrop(double drop) {
        relative.set(0.0 - nonNegative(name, "maxRelativeDrop", drop), "maxRelativeDrop(" + drop + ")");
        return this;
      }

      /**
       * Sets the severity of a failure (default {@link Severity#ERROR}).
       *
       * @param severity the severity
       * @return this builder
       * @throws IllegalStateException if the severity was already set
       */
      public Builder severity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        this.severity.set(severity, "severity(" + severity + ")");
        return this;
      }

      /** @return the criterion */
      public BaselineChange build() {
        OptionalDouble abs = absolute.value().map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
        OptionalDouble rel = relative.value().map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
        if (abs.isEmpty() && rel.isEmpty()) {
          abs = OptionalDouble.of(0.0);
        }
        return new BaselineChange(name, metric, abs, rel, severity.orElse(Severity.ERROR));
      }
    }
  }

  /**
   * The statistical evidence a {@link SupportedChange} asks for: a paired bootstrap (any metric),
   * or a significance test on the paired predictions.
   */
  sealed interface Evidence permits Evidence.PairedBootstrap, Evidence.SignificanceTest {

    /**
     * Paired bootstrap of the change (candidate minus baseline, in the metric's good direction) on
     * resampled rows, percentile interval; any metric. The change's interval must lie at or above
     * {@code -margin} to pass (a margin of 0.01 tolerates one point of regression, a negative one
     * asks for an improvement); it fails when the whole interval lies below, and is inconclusive
     * when it straddles {@code -margin}.
     *
     * @param resamples the number of resamples, {@code >= 100}
     * @param seed the random seed (same inputs, same result)
     * @param margin the tolerated regression, in the metric's units, finite
     */
    record PairedBootstrap(int resamples, long seed, double margin) implements Evidence {
      /** The fewest resamples. */
      public static final int MIN_RESAMPLES = 100;

      /**
       * Validates the components.
       *
       * @param resamples the resamples
       * @param seed the seed
       * @param margin the margin
       * @throws IllegalArgumentException if fewer than 100 resamples or the margin is not finite
       */
      public PairedBootstrap {
        if (resamples < MIN_RESAMPLES) {
          throw new IllegalArgumentException("resamples must be >= " + MIN_RESAMPLES + ", was " + resamples);
        }
        if (!Double.isFinite(margin)) {
          throw new IllegalArgumentException("margin must be finite, was " + margin);
        }
      }
    }

    /**
     * A test of the paired predictions: the criterion passes when the candidate is significantly
     * better at level {@code 1 - confidence}, fails when it is significantly worse, and is
     * inconclusive otherwise.
     */
    enum SignificanceTest implements Evidence {
      /** McNemar's exact test on the rows where exactly one model is right; accuracy only. */
      MCNEMAR_EXACT,
      /** McNemar's mid-p test (the exact p-value less half the probability of the observed count); accuracy only. */
      MCNEMAR_MID_P,
      /** DeLong's test of two correlated ROC AUCs; binary ROC AUC only. */
      DELONG
    }
  }

  /**
   * A change against the baseline that the data supports, not one that noise could explain; see
   * {@link Evidence} for how each kind decides. Fewer than {@code minSamples} rows (or discordant
   * rows for McNemar's tests) is inconclusive.
   *
   * <pre>{@code
   * Criterion auc = Criterion.SupportedChange.builder("AUC not worse", Metric.ROC_AUC)
   *     .pairedBootstrap(1_000, 42).margin(0.0).confidence(0.95).minSamples(100)
   *     .build();
   * Criterion accuracy = Criterion.SupportedChange.builder("accuracy better", Metric.ACCURACY)
   *     .mcNemar().confidence(0.99)
   *     .build();
   * }</pre>
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param evidence the kind of evidence
   * @param confidence the confidence level, in (0, 1)
   * @param minSamples the fewest rows that can decide, {@code >= 1}
   * @param severity the severity of a failure
   */
  record SupportedChange(String name, Metric metric, Evidence evidence, double confidence, int minSamples,
      Severity severity) implements Criterion {
    /** The builder's default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** The builder's default fewest rows that can decide. */
    public static final int DEFAULT_MIN_SAMPLES = 30;

    /**
     * Validates the components.
     *
     * @param name the name, not blank
     * @param metric the metric
     * @param evidence the evidence
     * @param confidence the confidence, in (0, 1)
     * @param minSamples the fewest rows, {@code >= 1}
     * @param severity the severity
     * @throws IllegalArgumentException if a value is out of range, or a test does not apply to the
     *     metric (McNemar's tests take accuracy, DeLong's ROC AUC)
     */
    public SupportedChange {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(severity, "severity");
      Criterion.confidence(name, confidence);
      atLeastOne(name, "minSamples", minSamples);
      if ((evidence == Evidence.SignificanceTest.MCNEMAR_EXACT || evidence == Evidence.SignificanceTest.MCNEMAR_MID_P)
          && metric != Metric.ACCURACY) {
        throw new IllegalArgumentException("criterion '" + name + "': " + evidence + " tests accuracy, not " + metric);
      }
      if (evidence == Evidence.SignificanceTest.DELONG && metric != Metric.ROC_AUC) {
        throw new IllegalArgumentException("criterion '" + name + "': DELONG tests ROC_AUC, not " + metric);
      }
    }

    /**
     * Returns a builder; the evidence is required.
     *
     * @param name the criterion's name, not blank
     * @param metric the metric
     * @return a new builder
     */
    public static Builder builder(String name, Metric metric) {
      return new Builder(name, metric);
    }

    /**
     * Builds a {@link SupportedChange}. The evidence ({@link #pairedBootstrap}, {@link #mcNemar},
     * {@link #mcNemarMidP} or {@link #deLong}) is required. Defaults: margin 0 (bootstrap only),
     * confidence {@value SupportedChange#DEFAULT_CONFIDENCE}, minSamples
     * {@value SupportedChange#DEFAULT_MIN_SAMPLES}, severity ERROR.
     */
    public static final class Builder {
      private final String name;
      private final Metric metric;
      private final Setting<Evidence> evidence;
      private final Setting<Double> margin;
      private final Setting<Double> confidence;
      private final Setting<Integer> minSamples;
      private final Setting<Severity> severity;

      private Builder(String name, Metric metric) {
        checkName(name);
        this.name = name;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.evidence = new Setting<>(name, "the evidence");
        this.margin = new Setting<>(name, "margin");
        this.confidence = new Setting<>(name, "confidence");
        this.minSamples = new Setting<>(name, "minSamples");
        this.severity = new Setting<>(name, "severity");
      }

      /**
       * Asks for a paired bootstrap of the change (any metric).
       *
       * @param resamples the number of resamples, {@code >= 100}
       * @param seed the random seed
       * @return this builder
       * @throws IllegalArgumentException if fewer than 100 resamples
       * @throws IllegalStateException if the evidence was already set
       */
      public Builder pairedBootstrap(int resamples, long seed) {
        if (resamples < Evidence.PairedBootstrap.MIN_RESAMPLES) {
          throw new IllegalArgumentException("criterion '" + name + "': resamples must be >= "
              + Evidence.PairedBootstrap.MIN_RESAMPLES + ", was " + resamples);
        }
        // The margin, set before or after, joins the evidence when built.
        evidence.set(new Evidence.PairedBootstrap(resamples, seed, 0), "pairedBootstrap(" + resamples + ", " + seed + ")");
        return this;
      }

      /**
       * Asks for McNemar's exact test (accuracy only).
       *
       * @return this builder
       * @throws IllegalArgumentException if the metric is not accuracy
       * @throws IllegalStateException if the evidence or a margin was already set
       */
      public Builder mcNemar() {
        return test(Evidence.SignificanceTest.MCNEMAR_EXACT, Metric.ACCURACY, "mcNemar()");
      }

      /**
       * Asks for McNemar's mid-p test (accuracy only).
       *
       * @return this builder
       * @throws IllegalArgumentException if the metric is not accuracy
       * @throws IllegalStateException if the evidence or a margin was already set
       */
      public Builder mcNemarMidP() {
        return test(Evidence.SignificanceTest.MCNEMAR_MID_P, Metric.ACCURACY, "mcNemarMidP()");
      }

      /**
       * Asks for DeLong's test of two correlated ROC AUCs (binary ROC AUC only).
       *
       * @return this builder
       * @throws IllegalArgumentException if the metric is not ROC AUC
       * @throws IllegalStateException if the evidence or a margin was already set
       */
      public Builder deLong() {
        return test(Evidence.SignificanceTest.DELONG, Metric.ROC_AUC, "deLong()");
      }

      private Builder test(Evidence.SignificanceTest test, Metric tested, String call) {
        if (metric != tested) {
          throw new IllegalArgumentException("criterion '" + name + "': " + call + " tests " + tested + ", not "
              + metric);
        }
        if (margin.isSet()) {
          throw new IllegalStateException("criterion '" + name + "': margin was already set to " + margin.call()
              + "; cannot also set " + call + " (a margin applies to pairedBootstrap only)");
        }
        evidence.set(test, call);
        return this;
      }

      /**
       * Sets the bootstrap's tolerated regression, in the metric's units (default 0): the change's
       * interval must lie at or above {@code -margin}; a negative margin asks for an improvement.
       *
       * @param margin the margin, finite
       * @return this builder
       * @throws IllegalArgumentException if the margin is not finite
       * @throws IllegalStateException if a margin was already set, or a significance test was asked for
       */
      public Builder margin(double margin) {
        finite(name, "margin", margin);
        String call = "margin(" + margin + ")";
        if (evidence.isSet() && !(evidence.get() instanceof Evidence.PairedBootstrap)) {
          throw new IllegalStateException("criterion '" + name + "': the evidence was already set to "
              + evidence.call() + "; cannot also set " + call + " (a margin applies to pairedBootstrap only)");
        }
        this.margin.set(margin, call);
        return this;
      }

      /**
       * Sets the confidence level (default {@value SupportedChange#DEFAULT_CONFIDENCE}): of the
       * bootstrap interval, or {@code 1 -} the significance level of a test.
       *
       * @param confidence the level, in (0, 1)
       * @return this builder
       * @throws IllegalArgumentException if outside (0, 1)
       * @throws IllegalStateException if the confidence was already set
       */
      public Builder confidence(double confidence) {
        Criterion.confidence(name, confidence);
        this.confidence.set(confidence, "confidence(" + confidence + ")");
        return this;
      }

      /**
       * Sets the fewest rows that can decide (default {@value SupportedChange#DEFAULT_MIN_SAMPLES});
       * for McNemar's tests, the fewest rows where exactly one model is right.
       *
       * @param minSamples the fewest rows, {@code >= 1}
       * @return this builder
       * @throws IllegalArgumentException if below 1
       * @throws IllegalStateException if minSamples was already set
       */
      public Builder minSamples(int minSamples) {
        atLeastOne(name, "minSamples", minSamples);
        this.minSamples.set(minSamples, "minSamples(" + minSamples + ")");
        return this;
      }

      /**
       * Sets the severity of a failure (default {@link Severity#ERROR}).
       *
       * @param severity the severity
       * @return this builder
       * @throws IllegalStateException if the severity was already set
       */
      public Builder severity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        this.severity.set(severity, "severity(" + severity + ")");
        return this;
      }

      /**
       * Builds the criterion.
       *
       * @return the criterion
       * @throws IllegalStateException if no evidence was set
       */
      public SupportedChange build() {
        if (!evidence.isSet()) {
          throw new IllegalStateException("criterion '" + name + "': set the evidence with pairedBootstrap(resamples,"
              + " seed), mcNemar(), mcNemarMidP() or deLong()");
        }
        Evidence e = evidence.get() instanceof Evidence.PairedBootstrap b
            ? new Evidence.PairedBootstrap(b.resamples(), b.seed(), margin.orElse(0.0))
            : evidence.get();
        return new SupportedChange(name, metric, e, confidence.orElse(DEFAULT_CONFIDENCE),
            minSamples.orElse(DEFAULT_MIN_SAMPLES), severity.orElse(Severity.ERROR));
      }
    }
  }

  /**
   * Per slice of a row attribute: no slice with at least {@code slicing.minSize()} rows may be
   * worse than the whole set by more than {@code maxGap} (in the metric's good direction). Smaller
   * slices are listed and not judged; when no slice is large enough, or the metric is undefined on
   * a slice, the criterion is inconclusive.
   *
   * <p>Without a {@link SliceTest} the gap is a plain difference. With one (accuracy only) each
   * judged slice is tested: the one-sided exact binomial p-value of its correct count under an
   * accuracy of {@code overall - maxGap}; p-values are corrected across slices (Bonferroni, Holm or
   * Benjamini-Hochberg) and a slice fails only when its corrected p-value is below
   * {@code 1 - confidence}; a slice past the gap without that evidence is inconclusive.
   *
   * <pre>{@code
   * Criterion byAge = Criterion.SliceGap.builder("accuracy by age", Metric.ACCURACY, "age_band")
   *     .maxGap(0.1).minSliceSize(30).tested(Correction.HOLM, 0.95)
   *     .build();
   * }</pre>
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param slicing the row attribute whose values define the slices, and the fewest rows judged
   * @param maxGap the largest tolerated shortfall of a slice, finite and {@code >= 0}
   * @param test the significance test of each slice, if any
   * @param severity the severity of a failure
   */
  record SliceGap(String name, Metric metric, Slicing slicing, double maxGap, Optional<SliceTest> test,
      Severity severity) implements Criterion {
    /** The builder's default fewest rows a slice needs to be judged. */
    public static final int DEFAULT_MIN_SLICE_SIZE = 30;

    /**
     * How rows are sliced.
     *
     * @param attribute the row attribute whose values define the slices
     * @param minSize the fewest rows a slice needs to be judged, {@code >= 1}
     */
    public record Slicing(String attribute, int minSize) {
      /**
       * Validates the components.
       *
       * @param attribute the attribute
       * @param minSize the fewest rows, {@code >= 1}
       * @throws IllegalArgumentException if {@code minSize < 1}
       */
      public Slicing {
        Objects.requireNonNull(attribute, "attribute");
        if (minSize < 1) {
          throw new IllegalArgumentException("minSize must be >= 1, was " + minSize);
        }
      }
    }

    /**
     * A significance test of each slice's shortfall (accuracy only).
     *
     * @param correction the multiple-testing correction across slices, not {@code NONE}
     * @param confidence the confidence level, in (0, 1)
     */
    public record SliceTest(Correction correction, double confidence) {
      /**
       * Validates the components.
       *
       * @param correction the correction
       * @param confidence the confidence
       * @throws IllegalArgumentException if the correction is {@code NONE} or the confidence is
       *     outside (0, 1)
       */
      public SliceTest {
        Objects.requireNonNull(correction, "correction");
        if (correction == Correction.NONE) {
          throw new IllegalArgumentException("a slice test needs a correction (BONFERRONI, HOLM or BENJAMINI_HOCHBERG),"
              + " not NONE; leave the test out for a plain gap");
        }
        if (!(confidence > 0 && confidence < 1)) {
          throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
      }
    }

    /**
     * Validates the components.
     *
     * @param name the name, not blank
     * @param metric the metric
     * @param slicing the slicing
     * @param maxGap the largest gap, finite and {@code >= 0}
     * @param test the slice test, if any
     * @param severity the severity
     * @throws IllegalArgumentException if the gap is out of range, or a test is asked for a metric
     *     other than accuracy
     */
    public SliceGap {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(slicing, "slicing");
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(severity, "severity");
      nonNegative(name, "maxGap", maxGap);
      if (test.isPresent() && metric != Metric.ACCURACY) {
        throw new IllegalArgumentException("criterion '" + name + "': slice tests with a correction support ACCURACY,"
            + " not " + metric + "; leave the test out for a plain gap");
      }
    }

    /**
     * Returns a builder; {@code maxGap} is required.
     *
     * @param name the criterion's name, not blank
     * @param metric the metric
     * @param attribute the row attribute whose values define the slices
     * @return a new builder
     */
    public static Builder builder(String name, Metric metric, String attribute) {
      return new Builder(name, metric, attribute);
    }

    /**
     * Builds a {@link SliceGap}. {@link #maxGap} is required. Defaults: minSliceSize
     * {@value SliceGap#DEFAULT_MIN_SLICE_SIZE}, no slice test (a plain gap), severity ERROR.
     */
    public static final class Builder {
      private final String name;
      private final Metric metric;
      private final String attribute;
      private final Setting<Double> maxGap;
      private final Setting<Integer> minSliceSize;
      private final Setting<SliceTest> test;
      private final Setting<Severity> severity;

      private Builder(String name, Metric metric, String attribute) {
        checkName(name);
        this.name = name;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.maxGap = new Setting<>(name, "maxGap");
        this.minSliceSize = new Setting<>(name, "minSliceSize");
        this.test = new Setting<>(name, "the slice test");
        this.severity = new Setting<>(name, "severity");
      }

      /**
       * Sets the largest tolerated shortfall of a slice against the whole set, in the metric's units.
       *
       * @param maxGap the gap, finite and {@code >= 0}
       * @return this builder
       * @throws IllegalArgumentException if negative or not finite
       * @throws IllegalStateException if maxGap was already set
       */
      public Builder maxGap(double maxGap) {
        this.maxGap.set(nonNegative(name, "maxGap", maxGap), "maxGap(" + maxGap + ")");
        return this;
      }

      /**
       * Sets the fewest rows a slice needs to be judged (default {@value SliceGap#DEFAULT_MIN_SLICE_SIZE}).
       *
       * @param minSliceSize the fewest rows, {@code >= 1}
       * @return this builder
       * @throws IllegalArgumentException if below 1
       * @throws IllegalStateException if minSliceSize was already set
       */
      public Builder minSliceSize(int minSliceSize) {
        atLeastOne(name, "minSliceSize", minSliceSize);
        this.minSliceSize.set(minSliceSize, "minSliceSize(" + minSliceSize + ")");
        return this;
      }

      /**
       * Tests each slice's shortfall for significance (accuracy only): a slice fails only when its
       * corrected p-value is below {@code 1 - confidence}.
       *
       * @param correction the multiple-testing correction across slices, not {@code NONE}
       * @param confidence the confidence level, in (0, 1)
       * @return this builder
       * @throws IllegalArgumentException if the metric is not accuracy, the correction is
       *     {@code NONE} or the confidence is outside (0, 1)
       * @throws IllegalStateException if the test was already set
       */
      public Builder tested(Correction correction, double confidence) {
        Objects.requireNonNull(correction, "correction");
        if (metric != Metric.ACCURACY) {
          throw new IllegalArgumentException("criterion '" + name + "': slice tests with a correction support ACCURACY,"
              + " not " + metric + "; leave the test out for a plain gap");
        }
        if (correction == Correction.NONE) {
          throw new IllegalArgumentException("criterion '" + name + "': a slice test needs a correction (BONFERRONI,"
              + " HOLM or BENJAMINI_HOCHBERG), not NONE; leave the test out for a plain gap");
        }
        Criterion.confidence(name, confidence);
        test.set(new SliceTest(correction, confidence), "tested(" + correction + ", " + confidence + ")");
        return this;
      }

      /**
       * Sets the severity of a failure (default {@link Severity#ERROR}).
       *
       * @param severity the severity
       * @return this builder
       * @throws IllegalStateException if the severity was already set
       */
      public Builder severity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        this.severity.set(severity, "severity(" + severity + ")");
        return this;
      }

      /**
       * Builds the criterion.
       *
       * @return the criterion
       * @throws IllegalStateException if maxGap was not set
       */
      public SliceGap build() {
        if (!maxGap.isSet()) {
          throw new IllegalStateException("criterion '" + name + "': set maxGap(gap)");
        }
        return new SliceGap(name, metric, new Slicing(attribute, minSliceSize.orElse(DEFAULT_MIN_SLICE_SIZE)),
            maxGap.get(), test.value(), severity.orElse(Severity.ERROR));
      }
    }
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a criterion name must not be blank");
    }
  }

  private static double finite(String name, String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("criterion '" + name + "': " + what + " must be finite, was " + value);
    }
    return value;
  }

  private static double nonNegative(String name, String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("criterion '" + name + "': " + what + " must be finite and >= 0, was "
          + value);
    }
    return value;
  }

  private static void confidence(String name, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("criterion '" + name + "': confidence must be in (0, 1), was " + confidence);
    }
  }

  private static void atLeastOne(String name, String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("criterion '" + name + "': " + what + " must be >= 1, was " + value);
    }
  }
}
