package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.monitor.ColumnScore;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.profile.ProfileAccumulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {
  private static final String[] COLOURS = {"red", "green", "blue"};

  /** x ~ N(shift, 1), y ~ N(5, 2), colour uniform over three values, flag a fair coin. */
  private static Map<String, Object> row(SplittableRandom rnd, double shift, String colour) {
    Map<String, Object> row = new HashMap<>();
    row.put("x", shift + rnd.nextGaussian());
    row.put("y", 5 + 2 * rnd.nextGaussian());
    row.put("colour", colour != null ? colour : COLOURS[rnd.nextInt(3)]);
    row.put("flag", rnd.nextBoolean());
    return row;
  }

  private static TableProfile reference(boolean withPrediction) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("x", ColumnType.NUMERIC);
    columns.put("y", ColumnType.NUMERIC);
    columns.put("colour", ColumnType.CATEGORICAL);
    columns.put("flag", ColumnType.BOOLEAN);
    if (withPrediction) {
      columns.put("prediction", ColumnType.NUMERIC);
    }
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      Map<String, Object> r = row(rnd, 0, null);
      r.forEach((k, v) -> acc.addObject(acc.columnIndex(k), v));
      if (withPrediction) {
        acc.add(acc.columnIndex("prediction"), score((Double) r.get("x")));
      }
      acc.endRow();
    }
    return acc.toProfile();
  }

  private static double score(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void aStationaryStreamRaisesNoDriftAndEveryWindowIsScored() {
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.count(1_000))
        .onDrift(events::add).build();
    SplittableRandom rnd = new SplittableRandom(2);
    for (int i = 0; i < 20_000; i++) {
      monitor.record(row(rnd, 0, null));
    }
    assertThat(events).isEmpty();
    assertThat(monitor.history()).hasSize(20);
    WindowReport w = monitor.history().get(0);
    assertThat(w.rows()).isEqualTo(1_000);
    assertThat(w.checks().scores()).extracting(ColumnScore::column).containsExactly("x", "y", "colour", "flag");
    assertThat(w.checks().scores()).allSatisfy(s -> assertThat(s.statistic()).isLessThan(0.1));
    assertThat(w.toString()).startsWith("window 0: 1000 rows, no drift");
  }

  @Test
  void aShiftedFeatureFiresInTheFirstShiftedWindowAndNamesOnlyThatColumn() {
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.count(1_000))
        .onDrift(events::add).build();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 8_000; i++) {
      monitor.record(row(rnd, i < 5_000 ? 0 : 1.0, null));
    }
    assertThat(events).hasSize(3);
    DriftEvent first = events.get(0);
    assertThat(first.window()).isEqualTo(5);
    assertThat(first.columns()).containsExactly("x");
    assertThat(first.has(Signal.Kind.FEATURE_DRIFT)).isTrue();
    assertThat(first.signals().get(0).value()).isGreaterThan(0.2);
    assertThat(first.report()).hasValueSatisfying(r -> assertThat(r.driftedColumns()).containsExactly("x"));
  }

  @Test
  void aCategoryTakingOverIsDriftAndAnUnseenCategoryBreaksTheSchemaDomain() {
    Schema schema = Schema.builder()
        .field("colour", ColumnType.CATEGORICAL, f -> f.domain(COLOURS))
        .field("x", ColumnType.NUMERIC)
        .field("y", ColumnType.NUMERIC)
        .field("flag", ColumnType.BOOLEAN)
        .build();
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.count(500)).schema(schema)
        .categoricalDrift(DriftMethod.JENSEN_SHANNON, 0.1).onDrift(events::add).build();
    SplittableRandom rnd = new SplittableRandom(4);
    for (int i = 0; i < 1_000; i++) {
      monitor.record(row(rnd, 0, null));
    }
    assertThat(events).isEmpty();
    assertThat(monitor.history().get(1).checks().schema()).hasValueSatisfying(r -> assertThat(r.conforms()).isTrue());
    for (int i = 0; i < 500; i++) {
      monitor.record(row(rnd, 0, i % 2 == 0 ? "purple" : null));
    }
    assertThat(events).hasSize(1);
    DriftEvent e = events.get(0);
    assertThat(e.has(Signal.Kind.SCHEMA_VIOLATION)).isTrue();
    assertThat(e.has(Signal.Kind.FEATURE_DRIFT)).isTrue();
    assertThat(e.columns()).containsExactly("colour");
    assertThat(e.signals()).filteredOn(s -> s.kind() == Signal.Kind.SCHEMA_VIOLATION).singleElement()
        .satisfies(s -> assertThat(s.detail()).contains("NOT_IN_DOMAIN").contains("250 of 500 outside")
            .contains("purple"));
  }

  @Test
  void theScoreDistributionIsMonitoredWhenTheReferenceHasIt() {
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(true)).synchronousChecks().window(Windows.count(1_000))
        .onDrift(events::add).build();
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> r = row(rnd, 0, null);
      // The model starts answering from y instead of x: features stay put, predictions move.
      double s = i < 1_000 ? score((Double) r.get("x")) : score(((Double) r.get("y") - 5) / 4 + 1.5);
      monitor.record(r, s);
    }
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.window()).isEqualTo(1);
      assertThat(e.has(Signal.Kind.PREDICTION_DRIFT)).isTrue();
      assertThat(e.columns()).containsExactly("prediction");
    });
  }

  @Test
  void windowsFollowTheInjectedClockAndTickClosesAQuietWindow() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    List<WindowReport> windows = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.time(Duration.ofMinutes(1), clock))
        .minimumRows(10).onWindow(windows::add).build();
    SplittableRandom rnd = new SplittableRandom(6);
    for (int i = 0; i <= 120; i++) {
      // The record at 00:01:00 closes window 0 and opens window 1 with itself; 00:02:00 likewise.
      monitor.record(row(rnd, 0, null));
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(windows).hasSize(2);
    assertThat(windows.get(0).span().start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(windows.get(0).span().end()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(windows).extracting(WindowReport::rows).containsExactly(60L, 60L);
    assertThat(windows.get(1).span().start()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    clock.advance(Duration.ofMinutes(5));
    monitor.tick();   // no traffic: tick closes the open window
    monitor.tick();   // nothing more to close
    assertThat(windows).hasSize(3);
    assertThat(windows.get(2).rows()).isEqualTo(1);
    monitor.record(row(rnd, 0, null));
    // The next window is aligned to the minute grid, not to the late tick.
    assertThat(monitor.closeWindow().span().start()).isEqualTo(Instant.parse("2026-01-01T00:07:00Z"));
  }

  @Test
  void lateLabelsFeedTheErrorDetectorWhichRaisesConceptDriftAtOnce() {
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.count(100_000))
        .onDrift(events::add).build();
    SplittableRandom rnd = new SplittableRandom(7);
    long[] ids = new long[6_000];
    boolean[] predictedPositive = new boolean[ids.length];
    for (int i = 0; i < ids.length; i++) {
      double s = rnd.nextDouble();
      ids[i] = monitor.record(row(rnd, 0, null), s);
      predictedPositive[i] = s >= 0.5;
    }
    for (int i = 0; i < ids.length; i++) {
      // 10% wrong for the first 4,000 labels, then 50% wrong.
      boolean wrong = rnd.nextDouble() < (i < 4_000 ? 0.1 : 0.5);
      assertThat(monitor.label(ids[i], predictedPositive[i] != wrong)).isTrue();
      if (i == 3_999) {
        assertThat(events).isEmpty();
      }
    }
    // ADWIN may cut more than once while its window drains the old regime; each cut is an event.
    assertThat(events).isNotEmpty().allSatisfy(e -> {
      assertThat(e.has(Signal.Kind.CONCEPT_DRIFT)).isTrue();
      assertThat(e.report()).isEmpty();
      assertThat(e.window()).isZero();
    });
    assertThat(monitor.label(ids[0], true)).as("labelled twice").isFalse();
    assertThat(monitor.label(123_456_789L, true)).as("never recorded").isFalse();
    assertThat(monitor.unmatchedLabels()).isEqualTo(2);
    WindowReport w = monitor.closeWindow();
    assertThat(w.labels().count()).isEqualTo(6_000);
    assertThat(w.labels().errors()).isBetween(500L, 1_500L);
    assertThatThrownBy(() -> monitor.label(-1, true)).hasMessageContaining("ids are >= 0");
  }

  @Test
  void labelsOfPredictionsOlderThanThePendingRingAreUnmatched() {
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).pendingLabels(16).build();
    SplittableRandom rnd = new SplittableRandom(8);
    long first = monitor.record(row(rnd, 0, null), 0.9);
    for (int i = 0; i < 16; i++) {
      monitor.record(row(rnd, 0, null), 0.9);
    }
    assertThat(monitor.label(first, true)).isFalse();
    assertThat(monitor.label(first + 16, true)).isTrue();
  }

  @Test
  void theLabelFreeEstimateFiresWhenConfidenceFalls() {
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.count(1_000))
        .performanceEstimate(Cbpe.of(IsotonicCalibrator.identity(), 0.5), 0.8).onDrift(events::add).build();
    SplittableRandom rnd = new SplittableRandom(9);
    for (int i = 0; i < 2_000; i++) {
      // Confident scores first (expected accuracy ~0.95), then scores near 0.5 (~0.55).
      double s = i < 1_000 ? (rnd.nextBoolean() ? 0.95 : 0.05) : 0.4 + 0.2 * rnd.nextDouble();
      monitor.record(row(rnd, 0, null), s);
    }
    assertThat(monitor.history().get(0).checks().estimate()).hasValueSatisfying(
        e -> assertThat(e.accuracy()).isCloseTo(0.95, within(1e-9)));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.window()).isEqualTo(1);
      assertThat(e.signals()).extracting(Signal::kind).containsExactly(Signal.Kind.PERFORMANCE_ESTIMATE);
      assertThat(e.signals().get(0).value()).isBetween(0.5, 0.6);
    });
  }

  @Test
  void aThrowingListenerIsIsolatedAndPredictionsAreStillServed() throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).window(Windows.count(100))
        .onWindow(r -> {
          throw new IllegalStateException("listener bug");
        })
        .onDrift(e -> {
          throw new AssertionError("listener bug");   // Errors other than VirtualMachineErrors are isolated too
        })
        .onWindow(r -> calls.incrementAndGet())
        .build();
    MonitoredModel<Map<String, Object>, Double> model =
        monitor.wrap(r -> score((Double) r.get("x")), r -> r, s -> s);
    SplittableRandom rnd = new SplittableRandom(10);
    List<Double> served = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      served.add(model.apply(row(rnd, i < 500 ? 0 : 2, null)));   // drift from row 500: the drift listener fails too
    }
    assertThat(served).hasSize(1_000).doesNotContainNull();
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();   // 10 windows: the hand-off of 16 drops none
    assertThat(calls.get()).isEqualTo(10);
    assertThat(monitor.driftEvents()).isGreaterThanOrEqualTo(5);
    assertThat(monitor.listenerFailures()).isEqualTo(10 + monitor.driftEvents());
  }

  @Test
  void aFailureInsideMonitoringStillServesThePrediction() {
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).build();
    MonitoredModel<String, Double> model = monitor.wrap(r -> 0.7, r -> {
      throw new IllegalArgumentException("cannot parse " + r);
    }, s -> s);
    MonitoredModel.Tracked<Double> t = model.track("garbage");
    assertThat(t.prediction()).isEqualTo(0.7);
    assertThat(t.id()).isEqualTo(-1);
    assertThat(monitor.checkFailures()).isEqualTo(1);
    MonitoredModel<String, Double> failing = monitor.wrap(r -> {
      throw new IllegalStateException("model down");
    }, r -> Map.of(), s -> s);
    assertThatThrownBy(() -> failing.apply("x")).hasMessage("model down");
  }

  @Test
  void valuesOfTheWrongTypeAreCountedAndRecordedAsNull() {
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).build();
    Map<String, Object> r = new HashMap<>(row(new SplittableRandom(11), 0, null));
    r.put("x", "12.5");
    r.put("flag", "maybe");
    r.put("unknown", 1);
    monitor.record(r);
    WindowReport w = monitor.closeWindow();
    assertThat(w.malformedValues()).containsExactlyInAnyOrderEntriesOf(Map.of("x", 1L, "flag", 1L));
    assertThat(((NumericProfile) w.profile().column("x")).nullCount()).isEqualTo(1);
    assertThat(w.checks().notes()).singleElement().asString().contains("fewer than the minimum 100");
  }

  @Test
  void concurrentWritersLoseNoUpdate() throws Exception {
    int threads = 8;
    int perThread = 25_000;
    AtomicLong windowRows = new AtomicLong();
    AtomicLong profiledX = new AtomicLong();
    // pendingLabels above the 200,000 records: a thread descheduled while others record 65,536 rows
    // would otherwise see its label evicted by design (counted as unmatched), which is not a lost update.
    DriftMonitor monitor = DriftMonitor.builder(reference(false)).synchronousChecks().window(Windows.count(997)).stripes(4)
        .pendingLabels(1 << 18)
        .onWindow(w -> {
          windowRows.addAndGet(w.rows());
          NumericProfile x = (NumericProfile) w.profile().column("x");
          profiledX.addAndGet(x.count() - x.nullCount());
        })
        .build();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      SplittableRandom rnd = new SplittableRandom(100 + t);
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < perThread; i++) {
          long id = monitor.record(row(rnd, 0, null), rnd.nextDouble());
          if (i % 3 == 0) {
            monitor.label(id, rnd.nextBoolean());
          }
        }
      });
      workers.add(worker);
      worker.start();
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }
    monitor.closeWindow();
    long total = (long) threads * perThread;
    assertThat(monitor.recorded()).isEqualTo(total);
    assertThat(monitor.rowsInClosedWindows()).isEqualTo(total);
    assertThat(windowRows.get()).isEqualTo(total);
    assertThat(profiledX.get()).isEqualTo(total);
    assertThat(monitor.unmatchedLabels()).isZero();
    assertThat(monitor.checkFailures()).isZero();
  }

  @Test
  void badConfigurationIsAClearError() {
    TableProfile ref = reference(false);
    assertThatThrownBy(() -> DriftMonitor.builder(ref).window(Windows.count(0)))
        .hasMessageContaining("window size must be >= 1");
    assertThatThrownBy(() -> DriftMonitor.builder(ref).window(Windows.time(Duration.ZERO, Clock.systemUTC())))
        .hasMessageContaining("at least 1 ms");
    assertThatThrownBy(() -> DriftMonitor.builder(ref).numericDrift(DriftMethod.WASSERSTEIN, 0.1))
        .hasMessageContaining("not WASSERSTEIN");
    assertThatThrownBy(() -> DriftMonitor.builder(ref).numericDrift(DriftMethod.PSI, Double.NaN))
        .hasMessageContaining("threshold must be positive");
    assertThatThrownBy(() -> DriftMonitor.builder(ref).performanceEstimate(Cbpe.of(IsotonicCalibrator.identity(), 0.5), 2))
        .hasMessageContaining("minimum accuracy must be in [0, 1]");
    assertThatThrownBy(() -> DriftMonitor.builder(ref).predictionColumn("colour").build())
        .hasMessageContaining("prediction column 'colour' is CATEGORICAL");
    assertThatThrownBy(() -> DriftMonitor.builder(ref).errorDetector(() -> null).build())
        .hasMessageContaining("returned null");
  }

  @Test
  void aScoreTheEstimatorCannotTakeIsMalformedAndAnInfiniteScoreIsRefused() {
    DriftMonitor monitor = DriftMonitor.builder(reference(false))
        .performanceEstimate(Cbpe.of(IsotonicCalibrator.identity(), 0.5), 0.5).build();
    SplittableRandom rnd = new SplittableRandom(12);
    monitor.record(row(rnd, 0, null), 1.5);   // not a probability
    monitor.record(row(rnd, 0, null), 0.7);
    assertThatThrownBy(() -> monitor.record(row(rnd, 0, null), Double.POSITIVE_INFINITY))
        .hasMessageContaining("score must be finite");
    WindowReport w = monitor.closeWindow();
    assertThat(w.rows()).isEqualTo(2);
    assertThat(w.malformedValues()).containsEntry("prediction", 1L);
    assertThat(w.checks().estimate()).hasValueSatisfying(e -> assertThat(e.rows()).isEqualTo(1));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
