package dev.mlops.api.gate;

import dev.mlops.api.schema.Severity;
import java.util.Objects;

/**
 * A named condition a candidate model must meet. A criterion of severity {@link Severity#WARNING}
 * that does not hold gives {@link Verdict#WARN} and does not fail the gate.
 */
public sealed interface Criterion {

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

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a criterion name must not be blank");
    }
  }
}
