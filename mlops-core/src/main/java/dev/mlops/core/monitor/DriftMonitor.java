package dev.mlops.core.monitor;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.DriftListener;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowListener;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.core.profile.ProfileDrift;
import dev.mlops.core.profile.Profiles;
import dev.mlops.core.schema.Schemas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Watches a model in serving: profiles the features and predictions of every window, compares
 * each closed window with a reference profile and a schema, estimates performance without labels,
 * feeds late labels to a streaming detector, and tells listeners when something moves. A listener
 * can retrain: this is the continuous-training hook.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(Profiles.fromBytes(referenceBytes))
 *     .window(Windows.count(1_000))     // or Windows.time(Duration.ofMinutes(5), clock)
 *     .schema(schema)
 *     .onDrift(event -> retrainQueue.offer(event))
 *     .build();
 * MonitoredModel<Map<String, Object>, Double> model =
 *     monitor.wrap(row -> scorer.score(row), row -> row, score -> score);
 * MonitoredModel.Tracked<Double> p = model.track(request);   // serve p.prediction(); keep p.id()
 * ...
 * monitor.label(p.id(), actuallyDefaulted);   // when the truth arrives, maybe days later
 * }</pre>
 *
 * <p><b>Windows</b> close after a number of predictions ({@link Windows#count(long)}) or a duration
 * of an injected {@link Clock} ({@link Windows#time(Duration, Clock)}; a time window with no traffic
 * closes on the next prediction or on {@link #tick()}); predictions in flight when a window closes
 * may join it, so count windows hold about, not exactly, their size.
 *
 * <p><b>Checks per window</b>: every reference column is compared from profiles alone with
 * {@link ProfileDrift} (PSI at 0.2 by default; with Kolmogorov–Smirnov the threshold is a
 * significance level and a column counts as drifted only when even the p-value least favourable
 * to drift, allowing for the sketches' rank error, is below it); the schema with
 * {@link Schemas#validate(TableProfile, Schema, ValidationOptions)} in the {@code SERVING}
 * environment (ERROR violations fire); the label-free estimate ({@link Cbpe}) against a floor.
 * Windows with fewer rows than {@linkplain DriftMonitorBuilder#minimumRows the minimum} (100) are
 * profiled but not tested for drift.
 *
 * <p><b>Labels</b>: {@link #label(long, boolean)} looks up the prediction (the last {@linkplain
 * DriftMonitorBuilder#pendingLabels 65,536} are kept; older ones count as {@linkplain
 * #unmatchedLabels() unmatched}) and feeds 1 for a wrong prediction, 0 for a right one, to the error
 * detector (ADWIN by default), which raises {@link Signal.Kind#CONCEPT_DRIFT} at once, without
 * waiting for the window to close.
 *
 * <p><b>Threads</b>: any number of serving threads may record at once. Rows go to one of several
 * stripes, each with its own accumulator and an uncontended lock in the common case; a window
 * closes by swapping in a new one and sealing each old stripe under its lock, so no row is lost or
 * counted twice. A serving thread only records its row (and, when it closes a window, swaps in the
 * next one): <b>window checks and listeners never run on it</b>. Closed windows and concept-drift
 * events go through a bounded hand-off ({@linkplain DriftMonitorBuilder#handOffCapacity 16} by
 * default) to one checking thread per monitor (a daemon thread, or the {@linkplain
 * DriftMonitorBuilder#executor executor} given), which checks them in order and calls the
 * listeners. When the hand-off is full (a slow or blocked listener), the serving thread drops the
 * window or event and counts it ({@link #droppedWindows()}, {@link #droppedDriftEvents()}); it never
 * waits. {@linkplain DriftMonitorBuilder#synchronousChecks() Synchronous mode} (opt-in) checks on the
 * thread that closed the window instead, so that a blocked listener blocks serving.
 * {@link #closeWindow()} always checks on its caller.
 *
 * <p><b>Failures</b>: monitoring never throws into serving. Values of the wrong type are counted as
 * {@linkplain WindowReport#malformedValues malformed} and recorded as null; a request whose feature
 * map or values throw while being read is not recorded at all (no partial row) and is counted as a
 * {@linkplain #malformedRequests() malformed request}; listener or check failures are logged (logger
 * {@code dev.mlops.monitor}) and counted. Whatever a listener or a feature function throws is
 * contained, {@link Error}s included, except a {@link VirtualMachineError} other than
 * {@link StackOverflowError}.
 *
 * <p><b>Memory</b> is bounded whatever the stream length: per stripe and column one profile
 * accumulator (a numeric column's KLL sketch holds at most about 3 KB; a categorical column up to
 * 1,024 exact counts, a 256-entry frequent-items map and a 4 KB HLL sketch), per stripe a CBPE
 * accumulator when estimating (24 KB), the pending-label ring (8 bytes a slot, 512 KB by
 * default), the last {@linkplain DriftMonitorBuilder#history reports} (each holds its window's
 * profile), and at most {@linkplain DriftMonitorBuilder#handOffCapacity 16} closed windows waiting
 * for the checking thread.
 */
public final class DriftMonitor {
  /** The logger listener and check failures go to. */
  static final String LOGGER = "dev.mlops.monitor";
  static final System.Logger LOG = System.getLogger(LOGGER);

  private final TableProfile reference;
  private final Clock clock;
  /** Where closed windows and drift events go; empty in synchronous mode. */
  private final Optional<CheckHandOff> handOff;
  private final int historySize;
  private final LabelTracker labels;
  private final WindowRecorder recorder;
  private final WindowEvaluator evaluator;
  private final ListenerDispatch listeners;
  private final LongAdder checkFailures = new LongAdder();
  private final LongAdder closedRows = new LongAdder();
  private final LongAdder droppedWindows = new LongAdder();
  private final LongAdder droppedDriftEvents = new LongAdder();
  private final LongAdder malformedRequests = new LongAdder();
  private final ArrayDeque<WindowReport> history = new ArrayDeque<>();

  DriftMonitor(DriftMonitorBuilder b) {
    reference = b.reference;
    ColumnLayout layout = new ColumnLayout(reference, b.predictionColumn);
    StreamingDriftDetector detector = b.errorDetector.get();
    if (detector == null) {
      throw new IllegalArgumentException("the error detector supplier returned null");
    }
    clock = b.clock;
    handOff = b.synchronous ? Optional.empty()
        : Optional.of(new CheckHandOff(b.handOffCapacity, b.executor != null ? b.executor : CheckHandOff.DEFAULT_EXECUTOR));
    historySize = b.history;
    double decisionThreshold = b.estimator != null ? b.estimator.threshold() : b.decisionThreshold;
    labels = new LabelTracker(b.pendingLabels, decisionThreshold, detector);
    evaluator = new WindowEvaluator(b, layout, labels);
    listeners = new ListenerDispatch(b.driftListeners, b.windowListeners);
    recorder = new WindowRecorder(layout, b.estimator, labels, b.window, clock, b.stripes, new WindowRecorder.Closer() {
      @Override
      public void closed(OpenWindow window, long endMillis) {
        DriftMonitor.this.closed(window, endMillis);
      }

      @Override
      public void malformed(OpenWindow window, Throwable failure) {
        malformedRequest(window, failure);
      }
    });
  }

  /**
   * Starts a monitor against a reference profile (made once from training data, for instance with
   * {@link Profiles#of} and saved with {@link Profiles#toBytes}).
   *
   * @param reference the reference profile; its columns are the monitored features
   * @return a builder
   * @throws NullPointerException if reference is null
   * @throws IllegalArgumentException if the profile has no columns
   */
  public static DriftMonitorBuilder builder(TableProfile reference) {
    return new DriftMonitorBuilder(requireNonNull(reference, "reference"));
  }

  // ---------------------------------------------------------------- recording

  /**
   * Records one prediction's features without a score.
   *
   * @param features column name to value ({@link Number}, {@link Instant}, {@link CharSequence},
   *     {@link Boolean}, {@link Enum} or null); columns not in the reference are ignored, absent ones
   *     count as null
   * @return the prediction's id
   * @throws NullPointerException if features is null
   */
  public long record(Map<String, ?> features) {
    return record(features, Double.NaN);
  }

  /**
   * Records one prediction: its features and its score (for a binary classifier, the probability
   * of the positive class; NaN for none). Allocates nothing unless it closes a window.
   *
   * @param features column name to value; see {@link #record(Map)}. If reading it throws (its
   *     {@code get}, or a value's {@code toString} or {@code doubleValue}), the request is not
   *     recorded at all and is counted as a {@linkplain #malformedRequests() malformed request}; it
   *     still gets an id
   * @param score the model's score, or NaN; a score the performance estimator cannot take is counted
   *     as a malformed value of the prediction column
   * @return the prediction's id, to pass to {@link #label(long, boolean)} when the truth arrives
   * @throws NullPointerException if features is null
   * @throws IllegalArgumentException if the score is infinite
   */
  public long record(Map<String, ?> features, double score) {
    requireNonNull(features, "features");
    if (Double.isInfinite(score)) {
      throw new IllegalArgumentException("score must be finite, or NaN for none; got " + score);
    }
    return recorder.record(features, score);
  }

  /**
   * Wraps a model so that every prediction is recorded.
   *
   * @param model the model (a Tribuo model's {@code predict}, or any function)
   * @param features turns a request into the column values to monitor
   * @param score the positive-class score of a prediction (or any numeric output), NaN for none
   * @param <R> the request type
   * @param <P> the prediction type
   * @return the monitored model
   * @throws NullPointerException if an argument is null
   */
  public <R, P> MonitoredModel<R, P> wrap(Function<? super R, ? extends P> model,
      Function<? super R, ? extends Map<String, ?>> features, ToDoubleFunction<? super P> score) {
    return new MonitoredModel<>(this, requireNonNull(model, "model"), requireNonNull(features, "features"),
        requireNonNull(score, "score"));
  }

  /**
   * Reports the truth for an earlier binary prediction: the error (prediction ≠ truth) feeds the
   * error detector.
   *
   * @param id the id {@link #record(Map, double)} returned
   * @param positive whether the truth is the positive class
   * @return false if the prediction is unknown, too old, had no score or was already labelled
   * @throws IllegalArgumentException if id is negative
   */
  public boolean label(long id, boolean positive) {
    if (id < 0) {
      throw new IllegalArgumentException("prediction ids are >= 0, got " + id);
    }
    LabelTracker.Match match = labels.match(id, positive);
    if (match == LabelTracker.Match.UNMATCHED) {
      return false;
    }
    boolean wrong = match == LabelTracker.Match.WRONG;
    recorder.current().labelled(wrong);
    reportError(wrong ? 1 : 0);
    return true;
  }

  /**
   * Feeds an error signal straight to the error detector, for models whose errors the caller
   * measures (regression residual flags, multiclass mistakes).
   *
   * @param error the error signal (0/1 for the default ADWIN, or any value the detector accepts)
   */
  public void reportError(double error) {
    Optional<Signal> drift = labels.update(error);
    if (drift.isPresent()) {
      DriftEvent event = new DriftEvent(recorder.current().index, Instant.ofEpochMilli(clock.millis()),
          List.of(drift.get()), Optional.empty());
      if (handOff.isEmpty()) {
        listeners.drift(event);
        return;
      }
      handOff.get().offer(new CheckHandOff.Job() {
        @Override
        public void run() {
          listeners.drift(event);
        }

        @Override
        public void dropped() {
          countDrop(droppedDriftEvents, "drift event " + event);
        }
      });
    }
  }

  /** Closes the current window if its time is up; call it from a scheduler when traffic is sparse. */
  public void tick() {
    recorder.tick();
  }

  /**
   * Closes the current window now (at shutdown, or in tests) and checks it on this thread.
   *
   * @return the closed window's report
   * @throws IllegalStateException if checking the window failed (the failure is also logged and
   *     counted, and the window's rows are counted as closed)
   */
  public WindowReport closeWindow() {
    while (true) {
      OpenWindow w = recorder.current();
      long now = clock.millis();
      if (recorder.swap(w, now)) {
        return check(w, now).orElseThrow(() -> new IllegalStateException("checking window " + w.index
            + " failed; see the log of " + LOGGER));
      }
    }
  }

  // ---------------------------------------------------------------- state

  /** @return the reference profile */
  public TableProfile reference() {
    return reference;
  }

  /** @return the number of predictions recorded */
  public long recorded() {
    return recorder.recorded();
  }

  /** @return the rows in closed windows */
  public long rowsInClosedWindows() {
    return closedRows.sum();
  }

  /** @return the rows recorded in the open window so far */
  public long rowsInOpenWindow() {
    return recorder.current().rows.sum();
  }

  /** @return the number of drift events raised */
  public long driftEvents() {
    return listeners.events();
  }

  /** @return labels that matched no pending prediction */
  public long unmatchedLabels() {
    return labels.unmatched();
  }

  /** @return listener calls that threw (logged and swallowed) */
  public long listenerFailures() {
    return listeners.failures();
  }

  /** @return window checks or recordings that failed inside the monitor (logged) */
  public long checkFailures() {
    return checkFailures.sum();
  }

  /**
   * @return closed windows that were not checked because the check queue was full (a slow or
   *     blocked listener); their rows still count in {@link #rowsInClosedWindows()}
   */
  public long droppedWindows() {
    return droppedWindows.sum();
  }

  /** @return concept-drift events from labels that reached no listener because the check queue was full */
  public long droppedDriftEvents() {
    return droppedDriftEvents.sum();
  }

  /**
   * @return requests not recorded because reading their features threw (a feature map whose
   *     {@code get} throws, a value whose {@code toString} or {@code doubleValue} throws); each is
   *     counted in {@link #recorded()} but in no window's rows
   */
  public long malformedRequests() {
    return malformedRequests.sum();
  }

  /**
   * Waits until every window closed and every drift event raised so far has been checked and
   * handed to the listeners, or dropped. Returns at once in {@linkplain
   * DriftMonitorBuilder#synchronousChecks() synchronous mode}. For tests and orderly shutdown;
   * serving never needs it.
   *
   * @param timeout how long to wait at most
   * @return false if the time ran out first (a listener still running, or blocked)
   * @throws NullPointerException if timeout is null
   * @throws IllegalArgumentException if timeout is negative
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitChecks(Duration timeout) throws InterruptedException {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
    return handOff.isEmpty() || handOff.get().await(timeout);
  }

  /** @return the error detector's current state */
  public DetectorState detectorState() {
    return labels.state();
  }

  /** @return the reports of the last closed windows, oldest first */
  public List<WindowReport> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /**
   * Adds a drift listener.
   *
   * @param listener the listener
   * @throws NullPointerException if listener is null
   */
  public void addDriftListener(DriftListener listener) {
    listeners.addDriftListener(requireNonNull(listener, "listener"));
  }

  /**
   * Adds a window listener.
   *
   * @param listener the listener
   * @throws NullPointerException if listener is null
   */
  public void addWindowListener(WindowListener listener) {
    listeners.addWindowListener(requireNonNull(listener, "listener"));
  }

  void recordingFailed(Throwable e) {
    checkFailures.increment();
    LOG.log(System.Logger.Level.WARNING, "monitoring a prediction failed; the prediction is served", e);
  }

  // ---------------------------------------------------------------- closed windows

  /** Hands a window the recorder closed to the checking thread, or checks it here in synchronous mode. */
  private void closed(OpenWindow w, long endMillis) {
    if (handOff.isEmpty()) {
      check(w, endMillis);
      return;
    }
    handOff.get().offer(new CheckHandOff.Job() {
      @Override
      public void run() {
        check(w, endMillis);
      }

      @Override
      public void dropped() {
        closedRows.add(w.rowCount());
        countDrop(droppedWindows, "window " + w.index + " (" + w.rowCount() + " rows)");
      }
    });
  }

  /** Counts a dropped job; logs the 1st, 10th, 100th... of its kind, so that a stuck listener cannot flood the log. */
  private static void countDrop(LongAdder counter, String what) {
    counter.increment();
    long n = counter.sum();
    if (isPowerOfTen(n)) {
      LOG.log(System.Logger.Level.WARNING, "the monitor's check queue is full (a slow or blocked listener?); dropped "
          + what + ", " + n + " dropped so far");
    }
  }

  private static boolean isPowerOfTen(long n) {
    long p = 1;
    while (p < n && p <= Long.MAX_VALUE / 10) {
      p *= 10;
    }
    return p == n;
  }

  /** Counts a request that was not recorded; logs the first of each window. */
  private void malformedRequest(OpenWindow w, Throwable failure) {
    malformedRequests.increment();
    if (w.malformedLogged.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.WARNING, "a request's features could not be read; it is counted as malformed and "
          + "not recorded (further ones in window " + w.index + " are counted, not logged)", failure);
    }
  }

  /**
   * Whether a throwable must not be contained: a {@link VirtualMachineError} other than
   * {@link StackOverflowError} (which unwinds cleanly and is a bug of the code that recursed).
   */
  static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /** Evaluates a closed window, keeps its report and tells the listeners; empty if evaluating failed. */
  private Optional<WindowReport> check(OpenWindow w, long endMillis) {
    WindowReport report;
    try {
      report = evaluator.evaluate(w, endMillis);
    } catch (RuntimeException | Error e) {
      if (isFatal(e)) {
        throw e;
      }
      checkFailures.increment();
      LOG.log(System.Logger.Level.WARNING, "checking window " + w.index + " failed", e);
      closedRows.add(w.rowCount());
      return Optional.empty();
    }
    closedRows.add(report.rows());
    synchronized (history) {
      history.addLast(report);
      while (history.size() > historySize) {
        history.removeFirst();
      }
    }
    listeners.window(report);
    if (report.drifted()) {
      listeners.drift(new DriftEvent(w.index, report.span().end(), report.signals(), Optional.of(report)));
    }
    return Optional.of(report);
  }
}
