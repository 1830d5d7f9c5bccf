package dev.mlops.api.monitor;

import dev.mlops.api.schema.ValidationReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks a monitor ran on one closed window: drift per column against the reference profile,
 * the schema, and the label-free performance estimate.
 *
 * @param scores per-column drift statistics against the reference profile (empty when the window
 *     had fewer rows than the monitor's minimum)
 * @param schema the schema check of the window's profile, when the monitor has a schema
 * @param estimate the label-free performance estimate, when the monitor has an estimator
 * @param notes why checks were skipped, if any were
 */
public record DriftChecks(List<ColumnScore> scores, Optional<ValidationReport> schema,
    Optional<PerformanceEstimate> estimate, List<String> notes) {

  /**
   * Validates and copies the components.
   *
   * @param scores the scores
   * @param schema the schema report, if any
   * @param estimate the estimate, if any
   * @param notes the notes
   * @throws NullPointerException if a component is null
   */
  public DriftChecks {
    scores = List.copyOf(Objects.requireNonNull(scores, "scores"));
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(estimate, "estimate");
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
  }
}
