package dev.mlops.api.monitor;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.profile.TableProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a serving monitor found in one closed window.
 *
 * <pre>{@code
 * WindowReport w = monitor.closeWindow();
 * w.span().index();                 // which window, w.span().start() / end() when
 * w.rows();                         // predictions recorded in it
 * w.checks().scores();              // drift per column; w.checks().schema(), .estimate(), .notes()
 * w.labels().errors();              // wrong predictions among the late labels
 * w.signals();                      // the checks that fired
 * }</pre>
 *
 * @param span the window's index, start and end
 * @param profile the window's profile (features, and the prediction column when monitored)
 * @param malformedValues per column, values of the wrong type recorded as null
 * @param checks the drift, schema and performance checks of the window
 * @param labels the labels received while the window was open, and the error detector's state
 * @param signals the checks that fired (empty when nothing did)
 */
public record WindowReport(WindowSpan span, TableProfile profile, Map<String, Long> malformedValues,
    DriftChecks checks, LabelStats labels, List<Signal> signals) {

  /**
   * Validates and copies the components.
   *
   * @param span the span
   * @param profile the profile
   * @param malformedValues the malformed values per column
   * @param checks the checks
   * @param labels the label statistics
   * @param signals the signals
   * @throws NullPointerException if a component is null
   */
  public WindowReport {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(profile, "profile");
    malformedValues = Map.copyOf(Objects.requireNonNull(malformedValues, "malformedValues"));
    Objects.requireNonNull(checks, "checks");
    Objects.requireNonNull(labels, "labels");
    signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
  }

  /** @return the predictions recorded in the window (the profile's row count) */
  public long rows() {
    return profile.rowCount();
  }

  /** @return true if any check fired in this window */
  public boolean drifted() {
    return !signals.isEmpty();
  }

  /** @return the columns judged drifted, in reference order */
  public List<String> driftedColumns() {
    return checks.scores().stream().filter(ColumnScore::drifted).map(ColumnScore::column).toList();
  }

  /** @return one line: index, rows, drifted columns, schema errors, estimate, labels */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "window %d: %d rows", span.index(), rows()));
    List<ColumnScore> scores = checks.scores();
    List<String> drifted = scores.stream().filter(ColumnScore::drifted)
        .map(c -> String.format(Locale.ROOT, "%s %s %.3f", c.column(), c.method(), c.statistic())).toList();
    sb.append(scores.isEmpty() ? ", drift not tested" : drifted.isEmpty() ? ", no drift" : ", drift in " + drifted);
    checks.schema().ifPresent(r -> sb.append(r.hasErrors() ? ", schema errors " + r.violations().size()
        : ", schema ok"));
    checks.estimate().ifPresent(e -> sb.append(String.format(Locale.ROOT, ", est. accuracy %.3f", e.accuracy())));
    if (labels.count() > 0) {
      sb.append(String.format(Locale.ROOT, ", %d labels (%.1f%% wrong)", labels.count(),
          100.0 * labels.errors() / labels.count()));
    }
    if (labels.detector() != DetectorState.STABLE) {
      sb.append(", error detector ").append(labels.detector());
    }
    return sb.toString();
  }
}
