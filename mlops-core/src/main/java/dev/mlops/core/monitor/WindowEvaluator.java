package dev.mlops.core.monitor;

import dev.mlops.api.common.Severity;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.monitor.ColumnScore;
import dev.mlops.api.monitor.DriftChecks;
import dev.mlops.api.monitor.LabelStats;
import dev.mlops.api.monitor.PerformanceEstimate;
import dev.mlops.api.monitor.PerformanceEstimator;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.WindowSpan;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.core.profile.ProfileDrift;
import dev.mlops.core.profile.Profiles;
import dev.mlops.core.schema.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a closed window: merges its stripes into one profile, compares every reference column
 * with {@link ProfileDrift}, validates the profile against the schema, estimates performance
 * without labels, and collects the signals that fire into a {@link WindowReport}.
 */
final class WindowEvaluator {
  private static final ValidationOptions SERVING = ValidationOptions.builder().environment(Schema.SERVING).build();

  private final TableProfile reference;
  private final ColumnLayout layout;
  private final LabelTracker labels;
  private final Optional<Schema> schema;
  private final DriftMethod numericMethod;
  private final double numericThreshold;
  private final DriftMethod categoricalMethod;
  private final double categoricalThreshold;
  private final long minimumRows;
  private final Optional<PerformanceEstimator> estimator;
  private final double minimumAccuracy;

  WindowEvaluator(DriftMonitorBuilder settings, ColumnLayout layout, LabelTracker labels) {
    this.reference = settings.reference;
    this.layout = layout;
    this.labels = labels;
    this.schema = Optional.ofNullable(settings.schema);
    this.numericMethod = settings.numericMethod;
    this.numericThreshold = settings.numericThreshold;
    this.categoricalMethod = settings.categoricalMethod;
    this.categoricalThreshold = settings.categoricalThreshold;
    this.minimumRows = settings.minimumRows;
    this.estimator = Optional.ofNullable(settings.estimator);
    this.minimumAccuracy = settings.minimumAccuracy;
  }

  WindowReport evaluate(OpenWindow w, long endMillis) {
    TableProfile profile = null;
    PerformanceEstimator.Accumulator perf = estimator.map(PerformanceEstimator::accumulator).orElse(null);
    Map<String, Long> malformed = new LinkedHashMap<>();
    for (Stripe s : w.stripes) {
      if (s.acc.rowCount() > 0 || profile == null) {
        TableProfile p = s.acc.toProfile();
        profile = profile == null ? p : Profiles.merge(profile, p);
      }
      if (perf != null) {
        perf.merge(s.perf);
      }
      for (int i = 0; i < layout.names.length; i++) {
        if (s.malformed[i] > 0) {
          malformed.merge(layout.names[i], s.malformed[i], Long::sum);
        }
      }
    }
    List<Signal> signals = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long malformedRequests = w.malformedRequests();
    if (malformedRequests > 0) {
      notes.add(malformedRequests == 1 ? "1 request was not recorded: reading its features threw (counted as malformed)"
          : malformedRequests + " requests were not recorded: reading their features threw (counted as malformed)");
    }
    List<ColumnScore> scores = driftScores(profile, signals, notes);
    Optional<ValidationReport> schemaReport = schemaCheck(profile, signals);
    Optional<PerformanceEstimate> estimate = Optional.empty();
    if (perf != null && perf.count() > 0) {
      PerformanceEstimate e = perf.estimate();
      estimate = Optional.of(e);
      if (perf.count() >= minimumRows && e.accuracy() < minimumAccuracy) {
        signals.add(new Signal(Signal.Kind.PERFORMANCE_ESTIMATE, "", "estimated accuracy", e.accuracy(),
            minimumAccuracy, String.format(Locale.ROOT, "estimated accuracy %.4f [%.4f, %.4f] below %.4f",
                e.accuracy(), e.accuracyLower(), e.accuracyUpper(), minimumAccuracy)));
      }
    }
    return new WindowReport(
        new WindowSpan(w.index, Instant.ofEpochMilli(w.startMillis), Instant.ofEpochMilli(endMillis)),
        profile, malformed, new DriftChecks(scores, schemaReport, estimate, notes),
        new LabelStats(w.labels.sum(), w.labelErrors.sum(), labels.state()), signals);
  }

  private List<ColumnScore> driftScores(TableProfile profile, List<Signal> signals, List<String> notes) {
    List<ColumnScore> scores = new ArrayList<>();
    long rows = profile.rowCount();
    if (rows < minimumRows) {
      notes.add("drift not tested: " + rows + " rows, fewer than the minimum " + minimumRows);
      return scores;
    }
    for (ColumnProfile ref : reference.columns()) {
      Optional<ColumnScore> score = score(ref, profile.column(ref.name()), notes);
      if (score.isEmpty()) {
        continue;
      }
      ColumnScore s = score.get();
      scores.add(s);
      if (s.drifted()) {
        boolean prediction = ref.name().equals(layout.predictionColumn());
        signals.add(new Signal(prediction ? Signal.Kind.PREDICTION_DRIFT : Signal.Kind.FEATURE_DRIFT, ref.name(),
            s.method().name(), s.statistic(), s.threshold(), s.toString()));
      }
    }
    return scores;
  }

  private Optional<ValidationReport> schemaCheck(TableProfile profile, List<Signal> signals) {
    if (schema.isEmpty() || profile.rowCount() == 0) {
      return Optional.empty();
    }
    TableProfile features = profile;
    if (!layout.predictionMonitored) {
      // The score column is the monitor's own; the schema describes the features only.
      features = Profiles.select(profile, layout.referenceColumns);
    }
    ValidationReport r = Schemas.validate(features, schema.get(), SERVING);
    for (Violation v : r.violations()) {
      if (v.severity() == Severity.ERROR) {
        signals.add(new Signal(Signal.Kind.SCHEMA_VIOLATION, v.field(), v.kind().name(), v.fraction(), Double.NaN,
            v.toString()));
      }
    }
    return Optional.of(r);
  }

  private Optional<ColumnScore> score(ColumnProfile ref, ColumnProfile cur, List<String> notes) {
    if (ref instanceof NumericProfile r && cur instanceof NumericProfile c) {
      if (r.finiteCount() == 0 || c.finiteCount() == 0) {
        notes.add("'" + ref.name() + "' not tested: no finite value in the " + (r.finiteCount() == 0 ? "reference"
            : "window"));
        return Optional.empty();
      }
      return Optional.of(columnScore(ref.name(), ProfileDrift.compare(r, c, numericMethod), numericThreshold));
    }
    if (ref instanceof CategoricalProfile r && cur instanceof CategoricalProfile c) {
      if (r.count() == r.nullCount() || c.count() == c.nullCount()) {
        notes.add("'" + ref.name() + "' not tested: no value in the " + (r.count() == r.nullCount() ? "reference"
            : "window"));
        return Optional.empty();
      }
      return Optional.of(columnScore(ref.name(), ProfileDrift.compare(r, c, categoricalMethod), categoricalThreshold));
    }
    notes.add("'" + ref.name() + "' not tested: the reference profile has kind " + ref.type());
    return Optional.empty();
  }

  private static ColumnScore columnScore(String column, ProfileDrift.Score s, double threshold) {
    return new ColumnScore(column, s.method(), s.statistic(), s.errorBound(), s.pValueHigh(), threshold);
  }
}
