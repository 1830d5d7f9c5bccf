package dev.mlops.api.gate;

import dev.mlops.api.common.Severity;
import java.util.Objects;

/**
 * A named condition a candidate model must meet. A criterion of severity {@link Severity#WARNING}
 * that does not hold gives {@link Verdict#WARN} and does not fail the gate.
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
   * @param name the criterion's name
   * @param metric the metric
   * @param bound the bound
   * @param inclusive whether a value equal to the bound passes
   * @param severity the severity of a failure
   */
  record AbsoluteBound(String name, Metric metric, double bound, boolean inclusive, Severity severity)
      implements Criterion {
    /**
     * Validates the components.
     *
     * @param name the name
     * @param metric the metric
     * @param bound the bound, finite
     * @param inclusive whether the bound is inclusive
     * @param severity the severity
     */
    public AbsoluteBound {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(severity, "severity");
      if (!Double.isFinite(bound)) {
        throw new IllegalArgumentException("criterion '" + name + "': bound must be finite, was " + bound);
      }
    }
  }

  /**
   * Against a baseline (champion) on the same rows, MLflow's {@code MetricThreshold} semantics: the
   * candidate's change in the metric's good direction must be at least {@code minAbsoluteChange}
   * and its relative change (change / |baseline|) at least {@code minRelativeChange}; a negative
   * value allows that much regression, {@code NaN} leaves that part out. A zero baseline gives a
   * relative change of 0 when equal and plus or minus infinity otherwise. A metric that cannot be
   * computed on either model fails (inconclusive when undefined on these rows).
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param minAbsoluteChange the least absolute improvement, or NaN
   * @param minRelativeChange the least relative improvement, or NaN
   * @param severity the severity of a failure
   */
  record BaselineChange(String name, Metric metric, double minAbsoluteChange, double minRelativeChange,
      Severity severity) implements Criterion {
    /**
     * Validates the components.
     *
     * @param name the name
     * @param metric the metric
     * @param minAbsoluteChange the absolute change, or NaN
     * @param minRelativeChange the relative change, or NaN
     * @param severity the severity
     */
    public BaselineChange {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(severity, "severity");
      if (Double.isNaN(minAbsoluteChange) && Double.isNaN(minRelativeChange)) {
        throw new IllegalArgumentException("criterion '" + name + "': set a minimum absolute or relative change");
      }
      if (Double.isInfinite(minAbsoluteChange) || Double.isInfinite(minRelativeChange)) {
        throw new IllegalArgumentException("criterion '" + name + "': changes must be finite or NaN");
      }
    }
  }

  /** The statistical evidence a {@link SupportedChange} asks for. */
  enum Evidence {
    /**
     * Paired bootstrap of the change (candidate minus baseline, in the metric's good direction) on
     * resampled rows, percentile interval; any metric.
     */
    PAIRED_BOOTSTRAP,
    /** McNemar's exact test on the rows where exactly one model is right; accuracy only. */
    MCNEMAR_EXACT,
    /** McNemar's mid-p test (the exact p-value less half the probability of the observed count); accuracy only. */
    MCNEMAR_MID_P,
    /** DeLong's test of two correlated ROC AUCs; binary ROC AUC only. */
    DELONG
  }

  /**
   * A change against the baseline that the data supports, not one that noise could explain.
   *
   * <p>With {@link Evidence#PAIRED_BOOTSTRAP}: the change's interval at {@code confidence} must lie
   * at or above {@code -margin} to pass (so a margin of 0.01 tolerates one point of regression, and a
   * negative margin asks for an improvement); the criterion fails when the whole interval lies
   * below {@code -margin}, and is inconclusive when it straddles it. With McNemar's tests (accuracy):
   * it passes when the candidate is significantly better at level {@code 1 - confidence}, fails when
   * it is significantly worse, and is inconclusive otherwise; DeLong's test (binary ROC AUC) decides
   * the same way. Fewer than {@code minSamples} rows (or
   * discordant rows for McNemar) is inconclusive.
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param evidence the kind of evidence
   * @param margin the tolerated regression (bootstrap), in the metric's units; ignored by McNemar
   * @param confidence the confidence level, in (0, 1)
   * @param resamples bootstrap resamples, {@code >= 100}
   * @param seed the bootstrap's random seed (same inputs, same result)
   * @param minSamples the fewest rows that can decide, {@code >= 1}
   * @param severity the severity of a failure
   */
  record SupportedChange(String name, Metric metric, Evidence evidence, double margin, double confidence,
      int resamples, long seed, int minSamples, Severity severity) implements Criterion {
    /**
     * Validates the components.
     *
     * @param name the name
     * @param metric the metric
     * @param evidence the evidence
     * @param margin the margin
     * @param confidence the confidence
     * @param resamples the resamples
     * @param seed the seed
     * @param minSamples the minimum sample
     * @param severity the severity
     */
    public SupportedChange {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(evidence, "evidence");
      Objects.requireNonNull(severity, "severity");
      if (!Double.isFinite(margin)) {
        throw new IllegalArgumentException("criterion '" + name + "': margin must be finite, was " + margin);
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("criterion '" + name + "': confidence must be in (0, 1), was " + confidence);
      }
      if (resamples < 100) {
        throw new IllegalArgumentException("criterion '" + name + "': resamples must be >= 100, was " + resamples);
      }
      if (minSamples < 1) {
        throw new IllegalArgumentException("criterion '" + name + "': minSamples must be >= 1, was " + minSamples);
      }
      if ((evidence == Evidence.MCNEMAR_EXACT || evidence == Evidence.MCNEMAR_MID_P) && metric != Metric.ACCURACY) {
        throw new IllegalArgumentException("criterion '" + name + "': " + evidence + " tests accuracy, not " + metric);
      }
      if (evidence == Evidence.DELONG && metric != Metric.ROC_AUC) {
        throw new IllegalArgumentException("criterion '" + name + "': DELONG tests ROC_AUC, not " + metric);
      }
    }
  }

  /**
   * Per slice of a row attribute: no slice with at least {@code minSliceSize} rows may be worse than
   * the whole set by more than {@code maxGap} (in the metric's good direction). Smaller slices are
   * listed and not judged; when no slice is large enough, or the metric is undefined on a slice, the
   * criterion is inconclusive.
   *
   * <p>With {@code correction} {@code NONE} the gap is a plain difference. Otherwise (accuracy only)
   * each judged slice is tested: the one-sided exact binomial p-value of its correct count under an
   * accuracy of {@code overall - maxGap}; p-values are corrected across slices (Bonferroni, Holm or
   * Benjamini-Hochberg) and a slice fails only when its corrected p-value is below
   * {@code 1 - confidence}; a slice past the gap without that evidence is inconclusive.
   *
   * @param name the criterion's name
   * @param metric the metric
   * @param attribute the row attribute whose values define the slices
   * @param minSliceSize the fewest rows a slice needs to be judged, {@code >= 1}
   * @param maxGap the largest tolerated shortfall of a slice, {@code >= 0}
   * @param correction the multiple-testing correction across slices, or {@code NONE} for a plain gap
   * @param confidence the confidence level of the slice tests, in (0, 1)
   * @param severity the severity of a failure
   */
  record SliceGap(String name, Metric metric, String attribute, int minSliceSize, double maxGap,
      dev.mlops.api.common.Correction correction, double confidence, Severity severity) implements Criterion {
    /**
     * Validates the components.
     *
     * @param name the name
     * @param metric the metric
     * @param attribute the attribute
     * @param minSliceSize the minimum slice size
     * @param maxGap the maximum gap
     * @param correction the correction
     * @param confidence the confidence
     * @param severity the severity
     */
    public SliceGap {
      checkName(name);
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(attribute, "attribute");
      Objects.requireNonNull(severity, "severity");
      if (minSliceSize < 1) {
        throw new IllegalArgumentException("criterion '" + name + "': minSliceSize must be >= 1, was " + minSliceSize);
      }
      if (!(maxGap >= 0) || Double.isInfinite(maxGap)) {
        throw new IllegalArgumentException("criterion '" + name + "': maxGap must be finite and >= 0, was " + maxGap);
      }
      Objects.requireNonNull(correction, "correction");
      if (!(confidence > 0 && confidence < 1)) {
        throw new IllegalArgumentException("criterion '" + name + "': confidence must be in (0, 1), was " + confidence);
      }
      if (correction != dev.mlops.api.common.Correction.NONE && metric != Metric.ACCURACY) {
        throw new IllegalArgumentException("criterion '" + name + "': slice tests with a correction support ACCURACY,"
            + " not " + metric + "; use Correction.NONE for a plain gap");
      }
    }
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a criterion name must not be blank");
    }
  }
}
