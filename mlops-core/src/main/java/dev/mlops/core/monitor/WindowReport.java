package dev.mlops.core.monitor;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link DriftMonitor} found in one closed window.
 *
 * @param index the window's index, from 0
 * @param start when the window opened
 * @param end when it closed
 * @param rows the predictions recorded in it
 * @param profile the window's profile (features, and the prediction column when monitored)
 * @param scores per-column drift statistics against the reference profile (empty when the window
 *     had fewer rows than the monitor's minimum)
 * @param schema the schema check of the window's profile, when the monitor has a schema
 * @param estimate the label-free performance estimate, when the monitor has one
 * @param labels labels received while the window was open
 * @param labelErrors how many of those labels disagreed with the prediction
 * @param detector the error detector's state when the window closed
 * @param malformedValues per column, values of the wrong type recorded as null
 * @param signals the checks that fired (empty when nothing did)
 * @param notes why checks were skipped, if any were
 */
public record WindowReport(long index, Instant start, Instant end, long rows, TableProfile profile,
    List<ColumnScore> scores, Optional<ValidationReport> schema, Optional<PerformanceEstimate> estimate, long labels,
    long labelErrors, DetectorState detector, Map<String, Long> malformedValues, List<Signal> signals,
    List<String> notes) {

  /**
   * Validates and copies the components.
   *
   * @param index the index
   * @param start the start
   * @param end the end
   * @param rows the rows
   * @param profile the profile
   * @param scores the scores
   * @param schema the schema report
   * @param estimate the estimate
   * @param labels the labels
   * @param labelErrors the label errors
   * @param detector the detector state
   * @param malformedValues the malformed values
   * @param signals the signals
   * @param notes the notes
   */
  public WindowReport {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(profile, "profile");
    scores = List.copyOf(Objects.requireNonNull(scores, "scores"));
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(detector, "detector");
    malformedValues = Map.copyOf(Objects.requireNonNull(malformedValues, "malformedValues"));
    signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
    notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    if (index < 0 || rows < 0 || labels < 0 || labelErrors < 0) {
      throw new IllegalArgumentException("index, rows and label counts must be >= 0");
    }
  }

  /** @return true if any check fired in this window */
  public boolean drifted() {
    return !signals.isEmpty();
  }

  /** @return the columns judged drifted */
  public List<String> driftedColumns() {
    return scores.stream().filter(ColumnScore::drifted).map(ColumnScore::column).toList();
  }

  /** @return one line: index, rows, drifted columns, schema errors, estimate, labels */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "window %d: %d rows", index, rows));
    List<String> drifted = scores.stream().filter(ColumnScore::drifted)
        .map(c -> String.format(Locale.ROOT, "%s %s %.3f", c.column(), c.method(), c.statistic())).toList();
    sb.append(scores.isEmpty() ? ", drift not tested" : drifted.isEmpty() ? ", no drift" : ", drift in " + drifted);
    schema.ifPresent(r -> sb.append(r.hasErrors() ? ", schema errors " + r.violations().size() : ", schema ok"));
    estimate.ifPresent(e -> sb.append(String.format(Locale.ROOT, ", est. accuracy %.3f", e.accuracy())));
    if (labels > 0) {
      sb.append(String.format(Locale.ROOT, ", %d labels (%.1f%% wrong)", labels, 100.0 * labelErrors / labels));
    }
    if (detector != DetectorState.STABLE) {
      sb.append(", error detector ").append(detector);
    }
    return sb.toString();
  }
}
