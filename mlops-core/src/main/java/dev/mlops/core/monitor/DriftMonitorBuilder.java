package dev.mlops.core.monitor;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.monitor.DriftListener;
import dev.mlops.api.monitor.PerformanceEstimator;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.Window;
import dev.mlops.api.monitor.WindowListener;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.drift.stream.StreamingDetectors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Configures a {@link DriftMonitor}; made by {@link DriftMonitor#builder(TableProfile)}.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(reference)
 *     .window(Windows.count(250))
 *     .schema(schema)
 *     .performanceEstimate(Cbpe.of(calibrator, 0.5), 0.7)
 *     .onDrift(event -> retrainQueue.offer(event))
 *     .build();
 * }</pre>
 *
 * <p>Every setter validates its argument at once and may be called once: a second call, or a call
 * that contradicts an earlier one, throws {@link IllegalStateException} naming both. The
 * contradictions are {@link #decisionThreshold} with {@link #performanceEstimate} (the estimator
 * brings its own decision threshold) and {@link #clock} with a {@linkplain Windows#time time window}
 * (which brings its own clock), and {@link #synchronousChecks} with {@link #executor} or
 * {@link #handOffCapacity} (synchronous mode has no hand-off). {@link #onDrift} and {@link #onWindow}
 * add listeners and may be called any number of times.
 *
 * <p>Defaults: windows of {@linkplain Windows#count(long) 1,000 predictions}; the UTC system clock;
 * no schema; PSI at 0.2 for numeric and for categorical columns; drift tested from 100 rows; no
 * performance estimate; decision threshold 0.5; the score profiled as column {@code "prediction"};
 * ADWIN (delta 0.002) as the error detector; 65,536 pending labels; windows checked and listeners
 * called on a daemon thread of the monitor, through a hand-off of 16 (never on a serving thread);
 * twice as many stripes as processors, at most 64; 64 reports of history.
 */
public final class DriftMonitorBuilder {
  final TableProfile reference;
  Window window = Windows.count(1_000);
  Clock clock = Clock.systemUTC();
  Schema schema;
  DriftMethod numericMethod = DriftMethod.PSI;
  double numericThreshold = 0.2;
  DriftMethod categoricalMethod = DriftMethod.PSI;
  double categoricalThreshold = 0.2;
  long minimumRows = 100;
  PerformanceEstimator estimator;
  double minimumAccuracy = Double.NaN;
  double decisionThreshold = 0.5;
  String predictionColumn = "prediction";
  Supplier<? extends StreamingDriftDetector> errorDetector = StreamingDetectors::adwin;
  int pendingLabels = 1 << 16;
  Executor executor;
  int handOffCapacity = 16;
  boolean synchronous;
  int stripes = Math.min(64, 2 * Runtime.getRuntime().availableProcessors());
  int history = 64;
  final List<DriftListener> driftListeners = new ArrayList<>();
  final List<WindowListener> windowListeners = new ArrayList<>();
  /** Setter name to the value it was given, in call order. */
  private final Map<String, String> given = new LinkedHashMap<>();

  DriftMonitorBuilder(TableProfile reference) {
    if (reference.columns().isEmpty()) {
      throw new IllegalArgumentException("the reference profile has no columns to monitor");
    }
    this.reference = reference;
  }

  /**
   * Sets when windows close: after a number of predictions ({@code Windows.count(250)}, the default
   * being 1,000) or after a duration of a clock ({@code Windows.time(Duration.ofMinutes(5), clock)}).
   * A time window's clock also stamps window times and events.
   *
   * @param window the window
   * @return this builder
   * @throws NullPointerException if window is null
   * @throws IllegalStateException if the window was already set, or a time window is given after
   *     {@link #clock}
   */
  public DriftMonitorBuilder window(Window window) {
    requireNonNull(window, "window");
    requireUnset("window", window.toString());
    if (window instanceof Window.Time t) {
      requireUnset("clock", "window(" + window + "): a time window brings its own clock");
      clock = t.clock();
    }
    given.put("window", window.toString());
    this.window = window;
    return this;
  }

  /**
   * Sets the clock that stamps window times and events (inject a fixed or test clock) when windows
   * close by count; a {@linkplain Windows#time time window} brings its own clock instead.
   *
   * @param clock the clock
   * @return this builder
   * @throws NullPointerException if clock is null
   * @throws IllegalStateException if the clock was already set, or a time window was set
   */
  public DriftMonitorBuilder clock(Clock clock) {
    requireNonNull(clock, "clock");
    requireUnset("clock", clock.toString());
    if (window instanceof Window.Time) {
      requireUnset("window", "clock(" + clock + "): a time window brings its own clock");
    }
    given.put("clock", clock.toString());
    this.clock = clock;
    return this;
  }

  /**
   * Checks every window's profile against a schema (in the {@code SERVING} environment); ERROR
   * violations fire {@link Signal.Kind#SCHEMA_VIOLATION}. Default: no schema.
   *
   * @param schema the schema
   * @return this builder
   * @throws NullPointerException if schema is null
   * @throws IllegalStateException if the schema was already set
   */
  public DriftMonitorBuilder schema(Schema schema) {
    requireNonNull(schema, "schema");
    once("schema", "a schema of " + schema.fields().size() + " fields");
    this.schema = schema;
    return this;
  }

  /**
   * Sets the drift test for numeric columns: PSI, JENSEN_SHANNON or HELLINGER with a distance
   * threshold, or KOLMOGOROV_SMIRNOV with a significance level (default PSI at 0.2).
   *
   * @param method the method
   * @param threshold the threshold, positive and finite
   * @return this builder
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException if the method cannot compare profiles or the threshold is out of range
   * @throws IllegalStateException if the numeric drift test was already set
   */
  public DriftMonitorBuilder numericDrift(DriftMethod method, double threshold) {
    requireNonNull(method, "method");
    if (method != DriftMethod.PSI && method != DriftMethod.JENSEN_SHANNON && method != DriftMethod.HELLINGER
        && method != DriftMethod.KOLMOGOROV_SMIRNOV) {
      throw new IllegalArgumentException("profiles support PSI, JENSEN_SHANNON, HELLINGER and KOLMOGOROV_SMIRNOV "
          + "for numeric columns, not " + method);
    }
    positive("threshold", threshold);
    once("numericDrift", method + " at " + threshold);
    numericMethod = method;
    numericThreshold = threshold;
    return this;
  }

  /**
   * Sets the drift test for categorical and boolean columns (default PSI at 0.2).
   *
   * @param method PSI, JENSEN_SHANNON, HELLINGER or TOTAL_VARIATION
   * @param threshold the distance threshold, positive and finite
   * @return this builder
   * @throws NullPointerException if method is null
   * @throws IllegalArgumentException if the method cannot compare profiles or the threshold is out of range
   * @throws IllegalStateException if the categorical drift test was already set
   */
  public DriftMonitorBuilder categoricalDrift(DriftMethod method, double threshold) {
    requireNonNull(method, "method");
    if (method != DriftMethod.PSI && method != DriftMethod.JENSEN_SHANNON && method != DriftMethod.HELLINGER
        && method != DriftMethod.TOTAL_VARIATION) {
      throw new IllegalArgumentException("profiles support PSI, JENSEN_SHANNON, HELLINGER and TOTAL_VARIATION "
          + "for categorical columns, not " + method);
    }
    positive("threshold", threshold);
    once("categoricalDrift", method + " at " + threshold);
    categoricalMethod = method;
    categoricalThreshold = threshold;
    return this;
  }

  /**
   * Sets the fewest rows a window needs to be tested for drift and for the estimate's floor (default
   * 100); smaller windows are profiled but not tested.
   *
   * @param rows the minimum, {@code >= 1}
   * @return this builder
   * @throws IllegalArgumentException if rows is below 1
   * @throws IllegalStateException if the minimum was already set
   */
  public DriftMonitorBuilder minimumRows(long rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("minimum rows must be >= 1, was " + rows);
    }
    once("minimumRows", Long.toString(rows));
    minimumRows = rows;
    return this;
  }

  /**
   * Estimates binary-classification performance per window without labels, and raises
   * {@link Signal.Kind#PERFORMANCE_ESTIMATE} when the estimated accuracy is below a floor. The
   * estimator's threshold is the decision threshold for labels, so {@link #decisionThreshold} cannot
   * be set as well. Default: no estimate.
   *
   * @param estimator the calibrated estimator, such as {@link Cbpe}
   * @param minimumAccuracy the floor, in [0, 1]
   * @return this builder
   * @throws NullPointerException if estimator is null
   * @throws IllegalArgumentException if the floor is out of range
   * @throws IllegalStateException if an estimator or a decision threshold was already set
   */
  public DriftMonitorBuilder performanceEstimate(PerformanceEstimator estimator, double minimumAccuracy) {
    requireNonNull(estimator, "estimator");
    if (!(minimumAccuracy >= 0 && minimumAccuracy <= 1)) {
      throw new IllegalArgumentException("minimum accuracy must be in [0, 1], was " + minimumAccuracy);
    }
    String value = estimator + " with minimum accuracy " + minimumAccuracy;
    requireUnset("performanceEstimate", value);
    requireUnset("decisionThreshold", "performanceEstimate(" + value + "): the estimator brings its own "
        + "decision threshold " + estimator.threshold());
    given.put("performanceEstimate", value);
    this.estimator = estimator;
    this.minimumAccuracy = minimumAccuracy;
    return this;
  }

  /**
   * Sets the score at or above which a prediction is positive, for matching labels (default 0.5).
   * With a {@linkplain #performanceEstimate performance estimate} the estimator's threshold is used
   * instead, and setting this too is an error.
   *
   * @param threshold the threshold, finite
   * @return this builder
   * @throws IllegalArgumentException if the threshold is not finite
   * @throws IllegalStateException if the threshold or a performance estimate was already set
   */
  public DriftMonitorBuilder decisionThreshold(double threshold) {
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("decision threshold must be finite, was " + threshold);
    }
    requireUnset("decisionThreshold", Double.toString(threshold));
    if (estimator != null) {
      requireUnset("performanceEstimate", "decisionThreshold(" + threshold + "): the estimator's threshold "
          + estimator.threshold() + " is the decision threshold");
    }
    given.put("decisionThreshold", Double.toString(threshold));
    decisionThreshold = threshold;
    return this;
  }

  /**
   * Names the column the score is profiled as (default {@code "prediction"}); when the reference
   * profile has a numeric column of that name, the score distribution is tested for drift too.
   *
   * @param name the column name, not blank
   * @return this builder
   * @throws NullPointerException if name is null
   * @throws IllegalArgumentException if name is blank
   * @throws IllegalStateException if the prediction column was already set
   */
  public DriftMonitorBuilder predictionColumn(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("prediction column name must not be blank");
    }
    once("predictionColumn", "'" + name + "'");
    predictionColumn = name;
    return this;
  }

  /**
   * Sets the detector fed with errors from late labels (default ADWIN, delta 0.002).
   *
   * @param detector makes the detector; called once, by {@link #build()}
   * @return this builder
   * @throws NullPointerException if detector is null
   * @throws IllegalStateException if the error detector was already set
   */
  public DriftMonitorBuilder errorDetector(Supplier<? extends StreamingDriftDetector> detector) {
    requireNonNull(detector, "detector");
    once("errorDetector", detector.toString());
    errorDetector = detector;
    return this;
  }

  /**
   * Sets how many recent predictions wait for their labels (rounded up to a power of two; default
   * 65,536, 512 KB).
   *
   * @param capacity the capacity, in [2, 2^28]
   * @return this builder
   * @throws IllegalArgumentException if the capacity is out of range
   * @throws IllegalStateException if the capacity was already set
   */
  public DriftMonitorBuilder pendingLabels(int capacity) {
    if (capacity < 2 || capacity > (1 << 28)) {
      throw new IllegalArgumentException("pending label capacity must be in [2, 2^28], was " + capacity);
    }
    once("pendingLabels", Integer.toString(capacity));
    pendingLabels = capacity;
    return this;
  }

  /**
   * Checks closed windows and calls listeners on this executor instead of the monitor's own daemon
   * thread. The monitor submits one task at a time, which drains the hand-off in order. If the
   * executor refuses the task, the queued windows and events are dropped and counted (never checked
   * on the serving thread).
   *
   * @param executor the executor
   * @return this builder
   * @throws NullPointerException if executor is null
   * @throws IllegalStateException if the executor was already set, or {@link #synchronousChecks} was
   */
  public DriftMonitorBuilder executor(Executor executor) {
    requireNonNull(executor, "executor");
    requireUnset("synchronousChecks", "executor(" + executor + "): synchronous mode has no checking thread");
    once("executor", executor.toString());
    this.executor = executor;
    return this;
  }

  /**
   * Sets how many closed windows and drift events may wait for the checking thread (default 16).
   * When it is full, the serving thread drops the window or event and counts it instead of waiting:
   * see {@link DriftMonitor#droppedWindows()}. Each waiting window holds its stripes' accumulators.
   *
   * @param capacity the capacity, in [1, 4096]
   * @return this builder
   * @throws IllegalArgumentException if capacity is out of range
   * @throws IllegalStateException if the capacity was already set, or {@link #synchronousChecks} was
   */
  public DriftMonitorBuilder handOffCapacity(int capacity) {
    if (capacity < 1 || capacity > 4096) {
      throw new IllegalArgumentException("hand-off capacity must be in [1, 4096], was " + capacity);
    }
    requireUnset("synchronousChecks", "handOffCapacity(" + capacity + "): synchronous mode has no hand-off");
    once("handOffCapacity", Integer.toString(capacity));
    handOffCapacity = capacity;
    return this;
  }

  /**
   * Opts in to synchronous mode: each closed window is checked, and the listeners called, on the
   * thread that closed it (a serving thread, or the caller of {@link DriftMonitor#tick()}); drift
   * events from labels reach the listeners on the thread that called
   * {@link DriftMonitor#label(long, boolean)}. Nothing is dropped, but a slow or blocked listener
   * slows or blocks serving. Meant for tests, batch replays and single-threaded tools.
   *
   * @return this builder
   * @throws IllegalStateException if synchronous mode was already chosen, or an
   *     {@link #executor} or {@link #handOffCapacity} was set
   */
  public DriftMonitorBuilder synchronousChecks() {
    requireUnset("executor", "synchronousChecks(): synchronous mode has no checking thread");
    requireUnset("handOffCapacity", "synchronousChecks(): synchronous mode has no hand-off");
    once("synchronousChecks", "synchronousChecks()");
    synchronous = true;
    return this;
  }

  /**
   * Sets the number of stripes serving threads spread over (rounded up to a power of two; default
   * twice the processors, at most 64).
   *
   * @param stripes the stripes, in [1, 256]
   * @return this builder
   * @throws IllegalArgumentException if stripes is out of range
   * @throws IllegalStateException if the stripes were already set
   */
  public DriftMonitorBuilder stripes(int stripes) {
    if (stripes < 1 || stripes > 256) {
      throw new IllegalArgumentException("stripes must be in [1, 256], was " + stripes);
    }
    once("stripes", Integer.toString(stripes));
    this.stripes = stripes;
    return this;
  }

  /**
   * Sets how many window reports {@link DriftMonitor#history()} keeps (default 64).
   *
   * @param windows the number, {@code >= 1}
   * @return this builder
   * @throws IllegalArgumentException if windows is below 1
   * @throws IllegalStateException if the history was already set
   */
  public DriftMonitorBuilder history(int windows) {
    if (windows < 1) {
      throw new IllegalArgumentException("history must keep at least 1 window, was " + windows);
    }
    once("history", Integer.toString(windows));
    history = windows;
    return this;
  }

  /**
   * Adds a listener for drift events; may be called any number of times.
   *
   * @param listener the listener
   * @return this builder
   * @throws NullPointerException if listener is null
   */
  public DriftMonitorBuilder onDrift(DriftListener listener) {
    driftListeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Adds a listener for every closed window; may be called any number of times.
   *
   * @param listener the listener
   * @return this builder
   * @throws NullPointerException if listener is null
   */
  public DriftMonitorBuilder onWindow(WindowListener listener) {
    windowListeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Builds the monitor. It copies the settings: listeners added to this builder later do not reach it.
   *
   * @return the monitor, its first window open from now
   * @throws IllegalArgumentException if the prediction column is not numeric in the reference
   *     profile, or the error detector supplier returns null
   */
  public DriftMonitor build() {
    return new DriftMonitor(this);
  }

  /** Records that {@code setter} was called with {@code value}, or throws if it already was. */
  private void once(String setter, String value) {
    requireUnset(setter, value);
    given.put(setter, value);
  }

  /** Throws if {@code setter} was called before: {@code attempt} names the call that contradicts it. */
  private void requireUnset(String setter, String attempt) {
    String before = given.get(setter);
    if (before != null) {
      throw new IllegalStateException(setter + " was already set to " + before + "; cannot also set " + attempt);
    }
  }

  private static void positive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be positive and finite, was " + v);
    }
  }
}
