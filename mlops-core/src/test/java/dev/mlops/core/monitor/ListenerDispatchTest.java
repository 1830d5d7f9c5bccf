package dev.mlops.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.DriftListener;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowListener;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.core.profile.ProfileAccumulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listeners never break the host: what they throw is logged on {@code dev.mlops.monitor}, counted and swallowed. */
class ListenerDispatchTest {
  private static final DriftEvent EVENT = new DriftEvent(3, Instant.EPOCH,
      List.of(new Signal(Signal.Kind.CONCEPT_DRIFT, "", "error detector", 1, Double.NaN, "test")), Optional.empty());

  private final Logger log = Logger.getLogger(DriftMonitor.LOGGER);
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private boolean parentHandlers;

  @BeforeEach
  void captureTheLog() {
    parentHandlers = log.getUseParentHandlers();
    log.setUseParentHandlers(false);   // keep the expected stack traces out of the build output
    log.addHandler(capture);
  }

  @AfterEach
  void restoreTheLog() {
    log.removeHandler(capture);
    log.setUseParentHandlers(parentHandlers);
  }

  @Test
  void drift_aThrowingListenerIsLoggedCountedAndSwallowed_andTheNextOneStillRuns() {
    List<DriftEvent> received = new CopyOnWriteArrayList<>();
    DriftListener broken = e -> {
      throw new IllegalStateException("listener bug");
    };
    ListenerDispatch dispatch = new ListenerDispatch(List.of(broken, received::add), List.of());

    dispatch.drift(EVENT);

    assertThat(received).containsExactly(EVENT);
    assertThat(dispatch.failures()).isEqualTo(1);
    assertThat(dispatch.events()).isEqualTo(1);
    assertThat(logged).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).startsWith("drift listener ").contains("failed on drift in window 3");
      assertThat(r.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage("listener bug");
    });
  }

  @Test
  void window_aThrowingListenerIsLoggedCountedAndSwallowed_andTheNextOneStillRuns() {
    WindowReport report = monitor(StubDetector.stable()).closeWindow();
    List<WindowReport> received = new CopyOnWriteArrayList<>();
    WindowListener broken = r -> {
      throw new AssertionError("an Error other than a VirtualMachineError");
    };
    ListenerDispatch dispatch = new ListenerDispatch(List.of(), List.of(broken, received::add));

    dispatch.window(report);

    assertThat(received).containsExactly(report);
    assertThat(dispatch.failures()).isEqualTo(1);
    assertThat(logged).singleElement().satisfies(r -> {
      assertThat(r.getMessage()).startsWith("window listener ").endsWith("failed on window 0");
      assertThat(r.getThrown()).isInstanceOf(AssertionError.class);
    });
  }

  @Test
  void drift_aVirtualMachineErrorIsNotSwallowed() {
    DriftListener dying = e -> {
      throw new OutOfMemoryError("simulated");
    };
    ListenerDispatch dispatch = new ListenerDispatch(List.of(dying), List.of());

    assertThatThrownBy(() -> dispatch.drift(EVENT)).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
    assertThat(dispatch.failures()).isZero();
  }

  @Test
  void label_aListenerAddedLaterThatThrowsOnConceptDriftDoesNotBreakLabelling() throws InterruptedException {
    DriftMonitor monitor = monitor(StubDetector.driftAtOnce());
    List<DriftEvent> received = new CopyOnWriteArrayList<>();
    monitor.addDriftListener(e -> {
      throw new IllegalArgumentException("listener bug");
    });
    monitor.addDriftListener(received::add);
    long id = monitor.record(Map.of("x", 1.0), 0.9);

    assertThat(monitor.label(id, false)).isTrue();
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();   // listeners run on the checking thread

    assertThat(received).singleElement().satisfies(e -> assertThat(e.has(Signal.Kind.CONCEPT_DRIFT)).isTrue());
    assertThat(monitor.listenerFailures()).isEqualTo(1);
    assertThat(monitor.driftEvents()).isEqualTo(1);
    assertThat(logged).singleElement().satisfies(
        r -> assertThat(r.getThrown()).isInstanceOf(IllegalArgumentException.class).hasMessage("listener bug"));
  }

  @Test
  void closeWindow_aWindowListenerAddedLaterThatThrowsStillLetsTheReportThrough() {
    DriftMonitor monitor = monitor(StubDetector.stable());
    monitor.addWindowListener(r -> {
      throw new IllegalStateException("listener bug");
    });
    monitor.record(Map.of("x", 1.0));

    assertThat(monitor.closeWindow().rows()).isEqualTo(1);
    assertThat(monitor.history()).hasSize(1);
    assertThat(monitor.listenerFailures()).isEqualTo(1);
    assertThat(monitor.checkFailures()).isZero();
  }

  private static DriftMonitor monitor(StreamingDriftDetector detector) {
    ProfileAccumulator acc = ProfileAccumulator.of(Map.of("x", ColumnType.NUMERIC));
    acc.add(0, 1.0);
    acc.endRow();
    return DriftMonitor.builder(acc.toProfile()).errorDetector(() -> detector).build();
  }

  /** A detector that stays STABLE, or reaches DRIFT on its first value. */
  private static final class StubDetector implements StreamingDriftDetector {
    private final DetectorState state;
    private long seen;

    private StubDetector(DetectorState state) {
      this.state = state;
    }

    static StubDetector stable() {
      return new StubDetector(DetectorState.STABLE);
    }

    static StubDetector driftAtOnce() {
      return new StubDetector(DetectorState.DRIFT);
    }

    @Override
    public DetectorState update(double value) {
      seen++;
      return state;
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
