package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.profile.ProfileAccumulator;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Serving must not stop: window checks and listeners stay off the serving threads (issue 13,
 * findings 12 to 14). Real threads, real blocking, real stack overflows.
 */
class ServingIsolationTest {
  private static final int SERVING_THREADS = 8;
  private static final int WINDOW = 100;

  private final Logger log = Logger.getLogger(DriftMonitor.LOGGER);
  private boolean parentHandlers;

  @BeforeEach
  void quietTheLog() {
    parentHandlers = log.getUseParentHandlers();
    log.setUseParentHandlers(false);   // the expected warnings and stack traces stay out of the build output
  }

  @AfterEach
  void restoreTheLog() {
    log.setUseParentHandlers(parentHandlers);
  }

  private static TableProfile reference() {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    columns.put("x", ColumnType.NUMERIC);
    columns.put("colour", ColumnType.CATEGORICAL);
    columns.put("y", ColumnType.NUMERIC);
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 2_000; i++) {
      acc.add(0, rnd.nextGaussian());
      acc.add(1, rnd.nextBoolean() ? "red" : "blue");
      acc.add(2, 5 + rnd.nextGaussian());
      acc.endRow();
    }
    return acc.toProfile();
  }

  private static List<Map<String, Object>> requests(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Map.of("x", rnd.nextGaussian(), "colour", rnd.nextBoolean() ? "red" : "blue", "y", 5 + rnd.nextGaussian()));
    }
    return out;
  }

  // ---------------------------------------------------------------- finding 12: a blocking listener

  /** What 8 serving threads served in a fixed time, and what the monitor counted meanwhile. */
  private record Served(long requests, DriftMonitor monitor, long listenerCalls) {}

  /**
   * Serves from 8 threads for {@code time}, counts the requests served by then, and only then
   * releases the listener (if it blocks) and stops the threads.
   */
  private static Served serve(DriftMonitorBuilder builder, boolean blockingListener, Duration time)
      throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    LongAdder listenerCalls = new LongAdder();
    DriftMonitor monitor = builder.window(Windows.count(WINDOW)).onWindow(r -> {
      listenerCalls.increment();
      if (blockingListener) {
        try {
          release.await();   // an alerting call to a host that never answers
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }).build();
    MonitoredModel<Map<String, Object>, Double> model = monitor.wrap(r -> 0.5, r -> r, s -> s);
    List<Map<String, Object>> requests = requests(1_024, 7);
    LongAdder served = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < SERVING_THREADS; t++) {
      int offset = t * 128;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = offset; !stop.get(); i++) {
          model.apply(requests.get(i & 1023));
          served.increment();
        }
      }, "serving-" + t);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    Thread.sleep(time.toMillis());
    long inTime = served.sum();
    stop.set(true);
    release.countDown();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(thread.isAlive()).as("serving thread %s still stuck", thread.getName()).isFalse();
    }
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();
    return new Served(inTime, monitor, listenerCalls.sum());
  }

  @Test
  @Tag("slow")
  void aBlockingListenerDoesNotStallEightServingThreads() throws InterruptedException {
    Duration time = Duration.ofSeconds(1);
    Served baseline = serve(DriftMonitor.builder(reference()), false, time);
    Served blocked = serve(DriftMonitor.builder(reference()), true, time);
    Served synchronous = serve(DriftMonitor.builder(reference()).synchronousChecks(), true, time);
    System.out.printf("served by 8 threads in %s: quick listener %,d; blocking listener %,d (dropped %,d windows);"
            + " blocking listener in synchronous mode %,d%n", time, baseline.requests(), blocked.requests(),
        blocked.monitor().droppedWindows(), synchronous.requests());

    // Before the hand-off (what synchronous mode still does), serving stalls once every thread has
    // closed a window: at most one window of rows per serving thread, and a few in flight.
    assertThat(synchronous.requests()).isLessThanOrEqualTo((long) (SERVING_THREADS + 1) * WINDOW);
    // With the hand-off, a blocked listener costs serving nothing measurable.
    assertThat(blocked.requests()).isGreaterThan(100L * (SERVING_THREADS + 1) * WINDOW)
        .isGreaterThanOrEqualTo(baseline.requests() / 4);
    DriftMonitor m = blocked.monitor();
    assertThat(m.droppedWindows()).isPositive();
    // Every closed window was either checked (and reached the listener) or dropped and counted, and
    // no row was lost on the way.
    assertThat(blocked.listenerCalls()).isEqualTo(m.history().size());
    assertThat(m.rowsInClosedWindows() + m.rowsInOpenWindow()).isEqualTo(m.recorded());
    assertThat(m.checkFailures()).isZero();
  }

  @Test
  void byDefaultChecksAndListenersRunOffTheServingThread_evenConceptDriftFromLabels() throws InterruptedException {
    List<String> threads = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference()).window(Windows.count(10))
        .errorDetector(DriftAtOnce::new)
        .onWindow(r -> threads.add("window on " + Thread.currentThread().getName()))
        .onDrift(e -> threads.add((e.has(Signal.Kind.CONCEPT_DRIFT) ? "concept drift" : "drift") + " on "
            + Thread.currentThread().getName()))
        .build();
    long id = 0;
    for (Map<String, Object> r : requests(10, 3)) {
      id = monitor.record(r, 0.9);
    }
    monitor.label(id, false);

    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();
    String me = Thread.currentThread().getName();
    assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t).doesNotEndWith(" on " + me)
        .contains(" on mlops-monitor-checks-"));
    assertThat(threads).anySatisfy(t -> assertThat(t).startsWith("concept drift on "));
  }

  @Test
  void anExecutorThatRefusesDropsAndCountsTheWindow_neverCheckingItOnTheServingThread() throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    DriftMonitor monitor = DriftMonitor.builder(reference()).window(Windows.count(10))
        .executor(task -> {
          throw new RejectedExecutionException("shut down");
        })
        .onWindow(r -> calls.incrementAndGet()).build();
    for (Map<String, Object> r : requests(30, 4)) {
      monitor.record(r);
    }
    assertThat(monitor.awaitChecks(Duration.ofSeconds(5))).isTrue();
    assertThat(calls.get()).isZero();
    assertThat(monitor.droppedWindows()).isEqualTo(3);
    assertThat(monitor.rowsInClosedWindows()).isEqualTo(30);
    assertThat(monitor.history()).isEmpty();
  }

  // ---------------------------------------------------------------- finding 13: Errors from listeners

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;   // a real StackOverflowError
  }

  @Test
  void aListenersStackOverflowErrorDoesNotEscapeTrack_inSynchronousMode() {
    DriftMonitor monitor = DriftMonitor.builder(reference()).synchronousChecks().window(Windows.count(1))
        .onWindow(r -> recurse(0)).build();
    MonitoredModel<Map<String, Object>, Double> model = monitor.wrap(r -> 0.25, r -> r, s -> s);

    MonitoredModel.Tracked<Double> t = model.track(requests(1, 5).get(0));

    assertThat(t.prediction()).isEqualTo(0.25);
    assertThat(t.id()).isZero();
    assertThat(monitor.listenerFailures()).isEqualTo(1);
    assertThat(monitor.history()).hasSize(1);
  }

  @Test
  void featureAndScoreFunctionsThatThrowErrorsDoNotEscapeTrack() {
    DriftMonitor monitor = DriftMonitor.builder(reference()).build();
    MonitoredModel<String, Double> assertion = monitor.wrap(r -> 0.5, r -> {
      throw new AssertionError("feature bug");
    }, s -> s);
    MonitoredModel<String, Double> overflow = monitor.wrap(r -> 0.5, r -> Map.of(), s -> recurse(0));

    assertThat(assertion.track("a").prediction()).isEqualTo(0.5);
    assertThat(overflow.track("b").prediction()).isEqualTo(0.5);
    assertThat(monitor.checkFailures()).isEqualTo(2);
  }

  @Test
  void aVirtualMachineErrorOtherThanStackOverflowIsNotContained() {
    DriftMonitor monitor = DriftMonitor.builder(reference()).synchronousChecks().window(Windows.count(1))
        .onWindow(r -> {
          throw new OutOfMemoryError("simulated");
        }).build();
    MonitoredModel<Map<String, Object>, Double> model = monitor.wrap(r -> 0.25, r -> r, s -> s);

    assertThatThrownBy(() -> model.track(requests(1, 6).get(0))).isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void byDefaultAListenersStackOverflowStaysOnTheCheckingThread_whichGoesOn() throws InterruptedException {
    AtomicLong calls = new AtomicLong();
    DriftMonitor monitor = DriftMonitor.builder(reference()).window(Windows.count(10)).onWindow(r -> {
      if (calls.incrementAndGet() == 1) {
        recurse(0);
      }
    }).build();
    for (Map<String, Object> r : requests(30, 8)) {
      monitor.record(r);
    }
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();
    assertThat(calls.get()).isEqualTo(3);
    assertThat(monitor.listenerFailures()).isEqualTo(1);
    assertThat(monitor.history()).hasSize(3);
  }

  // ---------------------------------------------------------------- finding 14: hostile feature maps

  /** A feature map whose {@code get} throws for one key, after the monitor has read the others. */
  private static final class ThrowingMap extends AbstractMap<String, Object> {
    private final Map<String, Object> values;
    private final String bad;

    ThrowingMap(Map<String, Object> values, String bad) {
      this.values = values;
      this.bad = bad;
    }

    @Override
    public Object get(Object key) {
      if (bad.equals(key)) {
        throw new IllegalStateException("lazy feature '" + bad + "' failed to load");
      }
      return values.get(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      throw new UnsupportedOperationException("not iterable");
    }
  }

  /** A text whose {@code toString} throws. */
  private static final class BrokenText implements CharSequence {
    @Override
    public int length() {
      return 3;
    }

    @Override
    public char charAt(int index) {
      return 'a';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return this;
    }

    @Override
    public String toString() {
      throw new StackOverflowError("simulated deep toString");
    }
  }

  /** A number whose {@code doubleValue} throws. */
  private static final class BrokenNumber extends Number {
    private static final long serialVersionUID = 1L;

    @Override
    public int intValue() {
      throw new ArithmeticException("no value");
    }

    @Override
    public long longValue() {
      throw new ArithmeticException("no value");
    }

    @Override
    public float floatValue() {
      throw new ArithmeticException("no value");
    }

    @Override
    public double doubleValue() {
      throw new ArithmeticException("no value");
    }
  }

  @Test
  void aRequestWhoseFeaturesThrowLeavesNoPartialRow_isCountedAndTheWindowIsStillEvaluated() {
    DriftMonitor monitor = DriftMonitor.builder(reference()).synchronousChecks().window(Windows.count(1_000)).build();
    MonitoredModel<Map<String, Object>, Double> model = monitor.wrap(r -> 0.5, r -> r, s -> s);
    List<Map<String, Object>> requests = requests(1_000, 9);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Map<String, Object> r = requests.get(i);
      if (i == 500) {
        r = new ThrowingMap(r, "y");   // x and colour were read before y threw
      } else if (i == 600) {
        r = Map.of("x", 1.0, "colour", new BrokenText(), "y", 2.0);
      } else if (i == 700) {
        r = Map.of("x", new BrokenNumber(), "colour", "red", "y", 2.0);
      }
      ids.add(model.track(r).id());
    }

    assertThat(ids).doesNotContain(-1L);   // the prediction was served and can still be labelled
    assertThat(monitor.history()).singleElement().satisfies(w -> {
      assertThat(w.rows()).isEqualTo(997);
      NumericProfile x = (NumericProfile) w.profile().column("x");
      NumericProfile y = (NumericProfile) w.profile().column("y");
      assertThat(x.count() - x.nullCount()).isEqualTo(997);
      assertThat(y.count() - y.nullCount()).isEqualTo(997);
      assertThat(w.checks().notes()).contains("3 requests were not recorded: reading their features threw "
          + "(counted as malformed)");
      assertThat(w.checks().scores()).hasSize(3);   // drift was tested
      assertThat(w.malformedValues()).isEmpty();
    });
    assertThat(monitor.malformedRequests()).isEqualTo(3);
    assertThat(monitor.checkFailures()).isZero();
    assertThat(monitor.recorded()).isEqualTo(1_000);
    assertThat(monitor.rowsInClosedWindows()).isEqualTo(997);
  }

  @Test
  void hostileRequestsFromConcurrentThreadsNeverCorruptAWindow() throws InterruptedException {
    int threads = 4;
    int perThread = 5_000;
    List<WindowReport> reports = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(reference()).synchronousChecks().window(Windows.count(499)).stripes(2)
        .onWindow(reports::add).build();
    List<Map<String, Object>> requests = requests(1_000, 10);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread w = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          Map<String, Object> r = requests.get((i * threads + offset) % requests.size());
          monitor.record(i % 97 == 0 ? new ThrowingMap(r, "colour") : r);
        }
      });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    monitor.closeWindow();
    long hostile = threads * ((perThread + 96) / 97);
    assertThat(monitor.malformedRequests()).isEqualTo(hostile);
    assertThat(monitor.checkFailures()).isZero();
    assertThat(monitor.rowsInClosedWindows()).isEqualTo((long) threads * perThread - hostile);
    assertThat(reports.stream().mapToLong(WindowReport::rows).sum()).isEqualTo((long) threads * perThread - hostile);
  }

  /** A detector that reaches DRIFT on its first value. */
  private static final class DriftAtOnce implements StreamingDriftDetector {
    private long seen;

    @Override
    public DetectorState update(double value) {
      seen++;
      return DetectorState.DRIFT;
    }

    @Override
    public void reset() {
      seen = 0;
    }

    @Override
    public long observations() {
      return seen;
    }
  }
}
