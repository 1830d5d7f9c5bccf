package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.monitor.ColumnScore;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.PerformanceEstimate;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.profile.ProfileAccumulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The monitor gives, number for number, the reports and events it gave before {@code DriftMonitor}
 * was split into a builder, a recorder, an evaluator, a label tracker and a listener dispatcher.
 * {@code golden/monitor-fingerprint.txt} was written by this same scenario (with the old
 * {@code countWindow} / {@code timeWindow} setters and flat accessors) run on the single-class
 * monitor of commit 2d35acb: count and time windows, a score column in the reference, a schema, KS
 * and Jensen–Shannon tests, CBPE, late labels with a concept change, malformed values and rows
 * without a score. Doubles are printed with {@link Double#toString(double)}, which round-trips.
 * The reference and every window hold at most 200 rows, so the KLL sketches never compact and
 * their (unseedable) random bits play no part: the fingerprint is the same on every run. Issue 13
 * (finding 7) changed only the KS p-values: they are now tail probabilities (1.1102230246251565E-16,
 * the rounding noise of {@code 1 - cdf}, became 8.483350147686349E-128; others moved by up to 3e-7
 * relative). Since issue 19 the error detector (ADWIN) restarts after a drift instead of keeping its shrunk window:
 * its second, spurious concept drift on the same change is gone, and the events count the labels
 * since the last drift (1248 and 1184) where they gave ADWIN's remaining width (992 and 672).
 */
class DriftMonitorFingerprintTest {
  private static final String[] COLOURS = {"red", "green", "blue"};

  @Test
  void theSplitMonitorGivesTheSameReportsAndEventsAsTheSingleClassOne() throws IOException {
    String expected;
    try (InputStream in = DriftMonitorFingerprintTest.class.getResourceAsStream("/golden/monitor-fingerprint.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(fingerprint()).isEqualTo(expected);
  }

  static String fingerprint() {
    TableProfile reference = reference();
    double[] refScores = new double[4_000];
    boolean[] refLabels = new boolean[refScores.length];
    SplittableRandom rnd = new SplittableRandom(21);
    for (int i = 0; i < refScores.length; i++) {
      double x = rnd.nextGaussian();
      refScores[i] = sigmoid(x + 0.3 * rnd.nextGaussian());
      refLabels[i] = rnd.nextDouble() < sigmoid(x);
    }
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.fit(refScores, refLabels), 0.5);
    Schema schema = Schema.builder()
        .field("colour", ColumnType.CATEGORICAL, f -> f.domain(COLOURS))
        .field("x", ColumnType.NUMERIC)
        .field("y", ColumnType.NUMERIC)
        .field("flag", ColumnType.BOOLEAN)
        .build();
    StringBuilder out = new StringBuilder();

    DriftMonitorTest.MutableClock clock = new DriftMonitorTest.MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor byCount = DriftMonitor.builder(reference).synchronousChecks().window(Windows.count(150)).clock(clock).stripes(1)
        .schema(schema).numericDrift(DriftMethod.KOLMOGOROV_SMIRNOV, 0.01)
        .categoricalDrift(DriftMethod.JENSEN_SHANNON, 0.1).performanceEstimate(cbpe, 0.75).pendingLabels(1_024)
        .onDrift(events::add).build();
    out.append("== count windows\n");
    run(byCount, clock, new SplittableRandom(22), out);
    describeAll(byCount, events, out);

    DriftMonitorTest.MutableClock clock2 = new DriftMonitorTest.MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    List<DriftEvent> events2 = new CopyOnWriteArrayList<>();
    DriftMonitor byTime = DriftMonitor.builder(reference).synchronousChecks().window(Windows.time(Duration.ofMinutes(10), clock2))
        .stripes(1).minimumRows(50).decisionThreshold(0.4).onDrift(events2::add).build();
    out.append("== time windows\n");
    run(byTime, clock2, new SplittableRandom(23), out);
    clock2.advance(Duration.ofMinutes(25));
    byTime.tick();
    describeAll(byTime, events2, out);
    return out.toString();
  }

  private static void run(DriftMonitor monitor, DriftMonitorTest.MutableClock clock, SplittableRandom rnd,
      StringBuilder out) {
    ArrayDeque<long[]> waiting = new ArrayDeque<>();
    for (int i = 0; i < 1_500; i++) {
      double shift = i < 750 ? 0 : 0.8;
      double x = shift + rnd.nextGaussian();
      Map<String, Object> row = new HashMap<>();
      row.put("x", i % 97 == 0 ? "bad" : x);
      row.put("y", 5 + 2 * rnd.nextGaussian());
      row.put("colour", i >= 1_000 && rnd.nextDouble() < 0.3 ? "purple" : COLOURS[rnd.nextInt(3)]);
      row.put("flag", i % 211 == 0 ? "maybe" : rnd.nextBoolean());
      row.put("when", clock.instant());
      double score = sigmoid(x + 0.3 * rnd.nextGaussian());
      long id = i % 50 == 0 ? monitor.record(row) : monitor.record(row, score);
      boolean truth = rnd.nextDouble() < (i < 900 ? sigmoid(x) : 0.5);
      waiting.addLast(new long[] {id, truth ? 1 : 0});
      if (waiting.size() > 40) {
        long[] labelled = waiting.removeFirst();
        monitor.label(labelled[0], labelled[1] == 1);
      }
      if (i % 250 == 249) {
        out.append("unknown label matched: ").append(monitor.label(10_000_000L + i, true)).append('\n');
      }
      clock.advance(Duration.ofSeconds(5));
    }
    out.append("last window: ").append(describe(monitor.closeWindow()));
  }

  private static void describeAll(DriftMonitor monitor, List<DriftEvent> events, StringBuilder out) {
    for (WindowReport w : monitor.history()) {
      out.append(describe(w));
    }
    for (DriftEvent e : events) {
      out.append("event ").append(e.window()).append(' ').append(e.time()).append(" report ")
          .append(e.report().isPresent()).append('\n');
      for (Signal s : e.signals()) {
        out.append("  ").append(describe(s)).append('\n');
      }
    }
    out.append("recorded ").append(monitor.recorded()).append(", closed rows ").append(monitor.rowsInClosedWindows())
        .append(", open rows ").append(monitor.rowsInOpenWindow()).append(", events ").append(monitor.driftEvents())
        .append(", unmatched ").append(monitor.unmatchedLabels()).append(", listener failures ")
        .append(monitor.listenerFailures()).append(", check failures ").append(monitor.checkFailures())
        .append(", detector ").append(monitor.detectorState()).append('\n');
  }

  private static String describe(WindowReport w) {
    StringBuilder sb = new StringBuilder();
    sb.append(w).append('\n');
    sb.append("  span ").append(w.span().index()).append(' ').append(w.span().start()).append(' ')
        .append(w.span().end()).append(", rows ").append(w.rows()).append('\n');
    for (ColumnProfile c : w.profile().columns()) {
      sb.append("  profile ").append(c.name()).append(' ').append(c.type()).append(' ').append(c.count()).append(' ')
          .append(c.nullCount()).append('\n');
    }
    for (ColumnScore s : w.checks().scores()) {
      sb.append("  score ").append(s.column()).append(' ').append(s.method()).append(' ').append(s.statistic())
          .append(' ').append(s.errorBound()).append(' ').append(s.pValue()).append(' ').append(s.threshold())
          .append(' ').append(s.drifted()).append('\n');
    }
    w.checks().estimate().ifPresent(e -> sb.append("  estimate ").append(describe(e)).append('\n'));
    sb.append("  labels ").append(w.labels().count()).append(' ').append(w.labels().errors()).append(' ')
        .append(w.labels().detector()).append('\n');
    sb.append("  malformed ").append(new TreeMap<>(w.malformedValues())).append('\n');
    for (Signal s : w.signals()) {
      sb.append("  signal ").append(describe(s)).append('\n');
    }
    for (String note : w.checks().notes()) {
      sb.append("  note ").append(note).append('\n');
    }
    return sb.toString();
  }

  private static String describe(PerformanceEstimate e) {
    double[] values = {e.threshold(), e.confusion().truePositives(), e.confusion().falsePositives(),
        e.confusion().falseNegatives(), e.confusion().trueNegatives(), e.accuracy(), e.accuracyStandardError(),
        e.accuracyLower(), e.accuracyUpper(), e.precision(), e.recall(), e.specificity(), e.f1(), e.rocAuc(),
        e.rocAucErrorBound()};
    StringBuilder sb = new StringBuilder().append(e.rows());
    for (double v : values) {
      sb.append(' ').append(v);
    }
    return sb.toString();
  }

  /** Kind, column, statistic, value and threshold; the detail only where this package writes it. */
  private static String describe(Signal s) {
    return s.kind() + " '" + s.column() + "' " + s.statistic() + ' ' + s.value() + ' ' + s.threshold()
        + (s.kind() == Signal.Kind.SCHEMA_VIOLATION ? "" : " " + s.detail());
  }

  private static TableProfile reference() {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("x", ColumnType.NUMERIC);
    columns.put("y", ColumnType.NUMERIC);
    columns.put("colour", ColumnType.CATEGORICAL);
    columns.put("flag", ColumnType.BOOLEAN);
    columns.put("when", ColumnType.TIMESTAMP);
    columns.put("prediction", ColumnType.NUMERIC);
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    SplittableRandom rnd = new SplittableRandom(20);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 200; i++) {
      double x = rnd.nextGaussian();
      acc.add(acc.columnIndex("x"), x);
      acc.add(acc.columnIndex("y"), 5 + 2 * rnd.nextGaussian());
      acc.add(acc.columnIndex("colour"), COLOURS[rnd.nextInt(3)]);
      acc.add(acc.columnIndex("flag"), Boolean.toString(rnd.nextBoolean()));
      acc.addObject(acc.columnIndex("when"), t.plusSeconds(i));
      acc.add(acc.columnIndex("prediction"), sigmoid(x + 0.3 * rnd.nextGaussian()));
      acc.endRow();
    }
    return acc.toProfile();
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
