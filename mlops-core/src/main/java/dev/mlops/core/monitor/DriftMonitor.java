package dev.mlops.core.monitor;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.profile.CategoricalProfile;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.NumericProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.core.drift.stream.StreamingDetectors;
import dev.mlops.core.profile.ProfileAccumulator;
import dev.mlops.core.profile.ProfileDrift;
import dev.mlops.core.profile.Profiles;
import dev.mlops.core.schema.Schemas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Watches a model in serving: profiles the features and predictions of every window, compares
 * each closed window with a reference profile and a schema, estimates performance without labels,
 * feeds late labels to a streaming detector, and tells listeners when something moves. A listener
 * can retrain: this is the continuous-training hook.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder(Profiles.fromBytes(referenceBytes))
 *     .countWindow(1_000)
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
 * <p><b>Windows</b> close after a number of predictions or a duration of the injected {@link Clock}
 * (a time window with no traffic closes on the next prediction or on {@link #tick()}); predictions
 * in flight when a window closes may join it, so count windows hold about, not exactly, their size.
 * Each closed window is checked on the thread that closed it, or on the {@linkplain
 * Builder#executor executor} given.
 *
 * <p><b>Checks per window</b>: every reference column is compared from profiles alone with
 * {@link ProfileDrift} (PSI at 0.2 by default; with Kolmogorov–Smirnov the threshold is a
 * significance level and a column counts as drifted only when even the p-value least favourable
 * to drift, allowing for the sketches' rank error, is below it); the schema with
 * {@link Schemas#validate(TableProfile, Schema, ValidationOptions)} in the {@code SERVING}
 * environment (ERROR violations fire); the label-free estimate ({@link Cbpe}) against a floor.
 * Windows with fewer rows than {@linkplain Builder#minimumRows the minimum} (100) are profiled but
 * not tested for drift.
 *
 * <p><b>Labels</b>: {@link #label(long, boolean)} looks up the prediction (the last {@linkplain
 * Builder#pendingLabels 65,536} are kept; older ones count as {@linkplain #unmatchedLabels()
 * unmatched}) and feeds 1 for a wrong prediction, 0 for a right one, to the error detector (ADWIN
 * by default), which raises {@link Signal.Kind#CONCEPT_DRIFT} at once, without waiting for the
 * window to close.
 *
 * <p><b>Threads</b>: any number of serving threads may record at once. Rows go to one of several
 * stripes, each with its own accumulator and an uncontended lock in the common case; a window
 * closes by swapping in a new one and sealing each old stripe under its lock, so no row is lost or
 * counted twice. Monitoring never throws into serving: values of the wrong type are counted as
 * {@linkplain WindowReport#malformedValues malformed} and recorded as null, and listener or check
 * failures are logged (logger {@code dev.mlops.monitor}) and counted.
 *
 * <p><b>Memory</b> is bounded whatever the stream length: per stripe and column one profile
 * accumulator (a numeric column's KLL sketch holds at most about 3 KB; a categorical column up to
 * 1,024 exact counts, a 256-entry frequent-items map and a 4 KB HLL sketch), per stripe a CBPE
 * accumulator when estimating (24 KB), the pending-label ring (8 bytes a slot, 512 KB by
 * default), and the last {@linkplain Builder#history reports} (each holds its window's profile).
 */
public final class DriftMonitor {
  private static final System.Logger LOG = System.getLogger("dev.mlops.monitor");

  private final TableProfile reference;
  private final Map<String, ColumnType> columns;
  private final String[] names;
  private final byte[] kinds;
  private final int predictionIndex;
  private final boolean predictionMonitored;
  private final long windowSize;
  private final long windowMillis;
  private final Clock clock;
  private final Schema schema;
  private final DriftMethod numericMethod;
  private final double numericThreshold;
  private final DriftMethod categoricalMethod;
  private final double categoricalThreshold;
  private final long minimumRows;
  private final Cbpe cbpe;
  private final double minimumAccuracy;
  private final double decisionThreshold;
  private final Executor executor;
  private final int stripeMask;
  private final int historySize;
  private final List<DriftListener> driftListeners;
  private final List<WindowListener> windowListeners;

  private final AtomicReference<Window> current = new AtomicReference<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLongArray pending;
  private final int pendingMask;
  private final ReentrantLock detectorLock = new ReentrantLock();
  private final StreamingDriftDetector detector;
  private volatile DetectorState detectorState = DetectorState.STABLE;
  private final LongAdder unmatchedLabels = new LongAdder();
  private final LongAdder listenerFailures = new LongAdder();
  private final LongAdder checkFailures = new LongAdder();
  private final LongAdder closedRows = new LongAdder();
  private final AtomicLong events = new AtomicLong();
  private final ArrayDeque<WindowReport> history = new ArrayDeque<>();

  private static final byte NUMERIC = 0;
  private static final byte CATEGORICAL = 1;
  private static final byte BOOLEAN = 2;
  private static final byte TIMESTAMP = 3;

  private DriftMonitor(Builder b) {
    reference = b.reference;
    columns = new LinkedHashMap<>();
    for (ColumnProfile c : reference.columns()) {
      columns.put(c.name(), c.type());
    }
    predictionMonitored = columns.containsKey(b.predictionColumn);
    if (!predictionMonitored) {
      columns.put(b.predictionColumn, ColumnType.NUMERIC);
    }
    names = columns.keySet().toArray(new String[0]);
    kinds = new byte[names.length];
    int p = -1;
    for (int i = 0; i < names.length; i++) {
      ColumnType t = columns.get(names[i]);
      kinds[i] = t.isNumeric() ? NUMERIC : t == ColumnType.TIMESTAMP ? TIMESTAMP : t == ColumnType.BOOLEAN ? BOOLEAN
          : CATEGORICAL;
      if (names[i].equals(b.predictionColumn)) {
        p = i;
      }
    }
    if (kinds[p] != NUMERIC) {
      throw new IllegalArgumentException("prediction column '" + b.predictionColumn + "' is "
          + columns.get(b.predictionColumn) + " in the reference profile; it must be numeric (the score)");
    }
    predictionIndex = p;
    windowSize = b.windowSize;
    windowMillis = b.windowDuration == null ? 0 : b.windowDuration.toMillis();
    clock = b.clock;
    schema = b.schema;
    numericMethod = b.numericMethod;
    numericThreshold = b.numericThreshold;
    categoricalMethod = b.categoricalMethod;
    categoricalThreshold = b.categoricalThreshold;
    minimumRows = b.minimumRows;
    cbpe = b.cbpe;
    minimumAccuracy = b.minimumAccuracy;
    decisionThreshold = b.cbpe != null ? b.cbpe.threshold() : b.decisionThreshold;
    executor = b.executor;
    int stripes = Integer.highestOneBit(Math.max(1, b.stripes - 1)) << 1;
    stripeMask = b.stripes == 1 ? 0 : stripes - 1;
    historySize = b.history;
    driftListeners = new CopyOnWriteArrayList<>(b.driftListeners);
    windowListeners = new CopyOnWriteArrayList<>(b.windowListeners);
    int ring = Integer.highestOneBit(b.pendingLabels - 1) << 1;
    pending = new AtomicLongArray(ring);
    for (int i = 0; i < ring; i++) {
      pending.set(i, -1);
    }
    pendingMask = ring - 1;
    detector = b.errorDetector.get();
    if (detector == null) {
      throw new IllegalArgumentException("the error detector supplier returned null");
    }
    long now = clock.millis();
    current.set(new Window(0, now, windowMillis == 0 ? Long.MAX_VALUE : now + windowMillis));
  }

  /**
   * Starts a monitor against a reference profile (made once from training data, for instance with
   * {@link Profiles#of} and saved with {@link Profiles#toBytes}).
   *
   * @param reference the reference profile; its columns are the monitored features
   * @return a builder
   */
  public static Builder builder(TableProfile reference) {
    return new Builder(requireNonNull(reference, "reference"));
  }

  // ---------------------------------------------------------------- recording

  /**
   * Records one prediction's features without a score.
   *
   * @param features column name to value ({@link Number}, {@link Instant}, {@link CharSequence},
   *     {@link Boolean}, {@link Enum} or null); columns not in the reference are ignored, absent ones
   *     count as null
   * @return the prediction's id
   */
  public long record(Map<String, ?> features) {
    return record(features, Double.NaN);
  }

  /**
   * Records one prediction: its features and its score (for a binary classifier, the probability
   * of the positive class; NaN for none).
   *
   * @param features column name to value; see {@link #record(Map)}
   * @param score the model's score, or NaN; a score the performance estimator's calibrator cannot
   *     take is counted as a malformed value of the prediction column
   * @return the prediction's id, to pass to {@link #label(long, boolean)} when the truth arrives
   * @throws IllegalArgumentException if the score is infinite
   */
  public long record(Map<String, ?> features, double score) {
    requireNonNull(features, "features");
    if (Double.isInfinite(score)) {
      throw new IllegalArgumentException("score must be finite, or NaN for none; got " + score);
    }
    long id = ids.getAndIncrement();
    if (!Double.isNaN(score)) {
      pending.set((int) (id & pendingMask), (id << 1) | (score >= decisionThreshold ? 1 : 0));
    }
    int probe = stripeIndex();
    while (true) {
      Window w = current.get();
      if (windowMillis > 0 && clock.millis() >= w.endMillis) {
        rotate(w);   // the row belongs to the next window
        continue;
      }
      Stripe s = w.stripes[probe];
      s.lock.lock();
      try {
        if (s.sealed) {
          continue;
        }
        s.add(features, score);
      } finally {
        s.lock.unlock();
      }
      w.rows.increment();
      if ((id + 1) % windowSize == 0) {   // one trigger per windowSize ids, without a second shared counter
        rotate(w);
      }
      return id;
    }
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
   */
  public boolean label(long id, boolean positive) {
    if (id < 0) {
      throw new IllegalArgumentException("prediction ids are >= 0, got " + id);
    }
    int slot = (int) (id & pendingMask);
    long v = pending.get(slot);
    if (v < 0 || (v >>> 1) != id || !pending.compareAndSet(slot, v, -1)) {
      unmatchedLabels.increment();
      return false;
    }
    boolean wrong = ((v & 1) == 1) != positive;
    current.get().labelled(wrong);
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
    long seen;
    detectorLock.lock();
    try {
      DetectorState before = detectorState;
      DetectorState state = detector.update(error);
      detectorState = state;
      if (state != DetectorState.DRIFT || before == DetectorState.DRIFT) {
        return;
      }
      seen = detector.observations();
    } finally {
      detectorLock.unlock();
    }
    Window w = current.get();
    Signal signal = new Signal(Signal.Kind.CONCEPT_DRIFT, "", "error detector", error, Double.NaN,
        "the error detector reached DRIFT after " + seen + " labelled predictions");
    publish(new DriftEvent(w.index, Instant.ofEpochMilli(clock.millis()), List.of(signal), Optional.empty()));
  }

  /** Closes the current window if its time is up; call it from a scheduler when traffic is sparse. */
  public void tick() {
    Window w = current.get();
    if (windowMillis > 0 && clock.millis() >= w.endMillis) {
      rotate(w);
    }
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
      Window w = current.get();
      long now = clock.millis();
      if (swap(w, now)) {
        WindowReport report = check(w, now);
        if (report == null) {
          throw new IllegalStateException("checking window " + w.index + " failed; see the log of "
              + "dev.mlops.monitor");
        }
        return report;
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
    return ids.get();
  }

  /** @return the rows in closed windows */
  public long rowsInClosedWindows() {
    return closedRows.sum();
  }

  /** @return the rows recorded in the open window so far */
  public long rowsInOpenWindow() {
    return current.get().rows.sum();
  }

  /** @return the number of drift events raised */
  public long driftEvents() {
    return events.get();
  }

  /** @return labels that matched no pending prediction */
  public long unmatchedLabels() {
    return unmatchedLabels.sum();
  }

  /** @return listener calls that threw */
  public long listenerFailures() {
    return listenerFailures.sum();
  }

  /** @return window checks or recordings that failed inside the monitor (logged) */
  public long checkFailures() {
    return checkFailures.sum();
  }

  /** @return the error detector's current state */
  public DetectorState detectorState() {
    return detectorState;
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
   */
  public void addDriftListener(DriftListener listener) {
    driftListeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Adds a window listener.
   *
   * @param listener the listener
   */
  public void addWindowListener(WindowListener listener) {
    windowListeners.add(requireNonNull(listener, "listener"));
  }

  void recordingFailed(RuntimeException e) {
    checkFailures.increment();
    LOG.log(System.Logger.Level.WARNING, "monitoring a prediction failed; the prediction is served", e);
  }

  // ---------------------------------------------------------------- windows

  private int stripeIndex() {
    return PROBE.get()[0] & stripeMask;
  }

  /** Serving threads take stripes round-robin, so the first threads never share one. */
  private static final AtomicInteger NEXT_PROBE = new AtomicInteger();
  private static final ThreadLocal<int[]> PROBE = ThreadLocal.withInitial(() -> new int[] {NEXT_PROBE.getAndIncrement()});

  /** Closes {@code w} if it is still current, and checks it here or on the executor. */
  private void rotate(Window w) {
    long now = clock.millis();
    if (!swap(w, now)) {
      return;
    }
    if (executor == null) {
      check(w, now);
      return;
    }
    try {
      executor.execute(() -> check(w, now));
    } catch (RuntimeException e) {
      checkFailures.increment();
      LOG.log(System.Logger.Level.WARNING, "the executor refused window " + w.index + "; checking it here", e);
      check(w, now);
    }
  }

  /** Swaps in the next window if {@code w} is still current and seals {@code w}'s stripes. */
  private boolean swap(Window w, long now) {
    long start = windowMillis == 0 || now < w.endMillis ? now
        : w.endMillis + (now - w.endMillis) / windowMillis * windowMillis;
    Window next = new Window(w.index + 1, start, windowMillis == 0 ? Long.MAX_VALUE : start + windowMillis);
    if (!current.compareAndSet(w, next)) {
      return false;
    }
    for (Stripe s : w.stripes) {
      s.lock.lock();
      try {
        s.sealed = true;
      } finally {
        s.lock.unlock();
      }
    }
    return true;
  }

  private WindowReport check(Window w, long endMillis) {
    WindowReport report;
    try {
      report = evaluate(w, endMillis);
    } catch (RuntimeException e) {
      checkFailures.increment();
      LOG.log(System.Logger.Level.WARNING, "checking window " + w.index + " failed", e);
      closedRows.add(w.rowCount());
      return null;
    }
    closedRows.add(report.rows());
    synchronized (history) {
      history.addLast(report);
      while (history.size() > historySize) {
        history.removeFirst();
      }
    }
    for (WindowListener l : windowListeners) {
      try {
        l.onWindow(report);
      } catch (RuntimeException | Error e) {
        if (e instanceof VirtualMachineError v) {
          throw v;
        }
        listenerFailures.increment();
        LOG.log(System.Logger.Level.WARNING, "window listener " + l + " failed on window " + w.index, e);
      }
    }
    if (report.drifted()) {
      publish(new DriftEvent(w.index, report.end(), report.signals(), Optional.of(report)));
    }
    return report;
  }

  private void publish(DriftEvent event) {
    events.incrementAndGet();
    for (DriftListener l : driftListeners) {
      try {
        l.onDrift(event);
      } catch (RuntimeException | Error e) {
        if (e instanceof VirtualMachineError v) {
          throw v;
        }
        listenerFailures.increment();
        LOG.log(System.Logger.Level.WARNING, "drift listener " + l + " failed on " + event, e);
      }
    }
  }

  private WindowReport evaluate(Window w, long endMillis) {
    TableProfile profile = null;
    Cbpe.Accumulator perf = cbpe == null ? null : cbpe.accumulator();
    Map<String, Long> malformed = new LinkedHashMap<>();
    for (Stripe s : w.stripes) {
      if (s.acc.rowCount() > 0 || profile == null) {
        TableProfile p = s.acc.toProfile();
        profile = profile == null ? p : Profiles.merge(profile, p);
      }
      if (perf != null) {
        perf.merge(s.perf);
      }
      for (int i = 0; i < names.length; i++) {
        if (s.malformed[i] > 0) {
          malformed.merge(names[i], s.malformed[i], Long::sum);
        }
      }
    }
    List<Signal> signals = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<ColumnScore> scores = new ArrayList<>();
    long rows = profile.rowCount();
    if (rows < minimumRows) {
      notes.add("drift not tested: " + rows + " rows, fewer than the minimum " + minimumRows);
    } else {
      for (ColumnProfile ref : reference.columns()) {
        ColumnScore score = score(ref, profile.column(ref.name()), notes);
        if (score == null) {
          continue;
        }
        scores.add(score);
        if (score.drifted()) {
          boolean prediction = ref.name().equals(names[predictionIndex]);
          signals.add(new Signal(prediction ? Signal.Kind.PREDICTION_DRIFT : Signal.Kind.FEATURE_DRIFT, ref.name(),
              score.method().name(), score.statistic(), score.threshold(), score.toString()));
        }
      }
    }
    Optional<ValidationReport> schemaReport = Optional.empty();
    if (schema != null && rows > 0) {
      TableProfile features = profile;
      if (!predictionMonitored) {
        // The score column is the monitor's own; the schema describes the features only.
        features = Profiles.select(profile, reference.columns().stream().map(ColumnProfile::name).toList());
      }
      ValidationReport r = Schemas.validate(features, schema,
          ValidationOptions.builder().environment(Schema.SERVING).build());
      schemaReport = Optional.of(r);
      for (Violation v : r.violations()) {
        if (v.severity() == Severity.ERROR) {
          signals.add(new Signal(Signal.Kind.SCHEMA_VIOLATION, v.field(), v.kind().name(), v.fraction(), Double.NaN,
              v.toString()));
        }
      }
    }
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
    return new WindowReport(w.index, Instant.ofEpochMilli(w.startMillis), Instant.ofEpochMilli(endMillis), rows,
        profile, scores, schemaReport, estimate, w.labels.sum(), w.labelErrors.sum(), detectorState, malformed,
        signals, notes);
  }

  private ColumnScore score(ColumnProfile ref, ColumnProfile cur, List<String> notes) {
    if (ref instanceof NumericProfile r && cur instanceof NumericProfile c) {
      if (r.finiteCount() == 0 || c.finiteCount() == 0) {
        notes.add("'" + ref.name() + "' not tested: no finite value in the " + (r.finiteCount() == 0 ? "reference"
            : "window"));
        return null;
      }
      return judge(ref.name(), ProfileDrift.compare(r, c, numericMethod), numericThreshold);
    }
    if (ref instanceof CategoricalProfile r && cur instanceof CategoricalProfile c) {
      if (r.count() == r.nullCount() || c.count() == c.nullCount()) {
        notes.add("'" + ref.name() + "' not tested: no value in the " + (r.count() == r.nullCount() ? "reference"
            : "window"));
        return null;
      }
      return judge(ref.name(), ProfileDrift.compare(r, c, categoricalMethod), categoricalThreshold);
    }
    notes.add("'" + ref.name() + "' not tested: the reference profile has kind " + ref.type());
    return null;
  }

  private static ColumnScore judge(String column, ProfileDrift.Score s, double threshold) {
    boolean drifted = s.method() == DriftMethod.KOLMOGOROV_SMIRNOV ? s.pValueHigh() < threshold
        : s.statistic() >= threshold;
    return new ColumnScore(column, s.method(), s.statistic(), s.errorBound(), s.pValueHigh(), threshold, drifted);
  }

  private final class Window {
    final long index;
    final long startMillis;
    final long endMillis;
    final Stripe[] stripes;
    final LongAdder rows = new LongAdder();
    final LongAdder labels = new LongAdder();
    final LongAdder labelErrors = new LongAdder();

    Window(long index, long startMillis, long endMillis) {
      this.index = index;
      this.startMillis = startMillis;
      this.endMillis = endMillis;
      stripes = new Stripe[stripeMask + 1];
      for (int i = 0; i < stripes.length; i++) {
        stripes[i] = new Stripe();
      }
    }

    void labelled(boolean wrong) {
      labels.increment();
      if (wrong) {
        labelErrors.increment();
      }
    }

    long rowCount() {
      long n = 0;
      for (Stripe s : stripes) {
        n += s.acc.rowCount();
      }
      return n;
    }
  }

  private final class Stripe {
    final ReentrantLock lock = new ReentrantLock();
    final ProfileAccumulator acc = ProfileAccumulator.of(columns);
    final Cbpe.Accumulator perf = cbpe == null ? null : cbpe.accumulator();
    final long[] malformed = new long[names.length];
    boolean sealed;

    void add(Map<String, ?> features, double score) {
      for (int i = 0; i < names.length; i++) {
        if (i == predictionIndex) {
          if (!Double.isNaN(score)) {
            acc.add(i, score);
          }
          continue;
        }
        Object v = features.get(names[i]);
        if (v == null) {
          continue;
        }
        switch (kinds[i]) {
          case NUMERIC -> {
            if (v instanceof Number num) {
              acc.add(i, num.doubleValue());
            } else {
              malformed[i]++;
            }
          }
          case CATEGORICAL -> {
            if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Boolean) {
              acc.add(i, v.toString());
            } else {
              malformed[i]++;
            }
          }
          case BOOLEAN -> {
            if (v instanceof Boolean || "true".equals(v) || "false".equals(v)) {
              acc.add(i, v.toString());
            } else {
              malformed[i]++;
            }
          }
          default -> {
            if (v instanceof Instant || v instanceof Number) {
              acc.addObject(i, v);
            } else {
              malformed[i]++;
            }
          }
        }
      }
      acc.endRow();
      if (perf != null && !Double.isNaN(score)) {
        try {
          perf.add(score);
        } catch (IllegalArgumentException e) {
          malformed[predictionIndex]++;   // a score the calibrator cannot take, such as 1.5 for probabilities
        }
      }
    }
  }

  /** Configures a {@link DriftMonitor}. */
  public static final class Builder {
    private final TableProfile reference;
    private long windowSize = 1_000;
    private Duration windowDuration;
    private Clock clock = Clock.systemUTC();
    private Schema schema;
    private DriftMethod numericMethod = DriftMethod.PSI;
    private double numericThreshold = 0.2;
    private DriftMethod categoricalMethod = DriftMethod.PSI;
    private double categoricalThreshold = 0.2;
    private long minimumRows = 100;
    private Cbpe cbpe;
    private double minimumAccuracy = Double.NaN;
    private double decisionThreshold = 0.5;
    private String predictionColumn = "prediction";
    private Supplier<? extends StreamingDriftDetector> errorDetector = StreamingDetectors::adwin;
    private int pendingLabels = 1 << 16;
    private Executor executor;
    private int stripes = Math.min(64, 2 * Runtime.getRuntime().availableProcessors());
    private int history = 64;
    private final List<DriftListener> driftListeners = new ArrayList<>();
    private final List<WindowListener> windowListeners = new ArrayList<>();

    private Builder(TableProfile reference) {
      if (reference.columns().isEmpty()) {
        throw new IllegalArgumentException("the reference profile has no columns to monitor");
      }
      this.reference = reference;
    }

    /**
     * Closes a window after {@code size} predictions (the default, 1,000).
     *
     * @param size predictions per window, {@code >= 1}
     * @return this builder
     */
    public Builder countWindow(long size) {
      if (size < 1) {
        throw new IllegalArgumentException("window size must be >= 1, was " + size);
      }
      windowSize = size;
      windowDuration = null;
      return this;
    }

    /**
     * Closes a window when {@code duration} of the clock has passed since it opened.
     *
     * @param duration the window length, at least a millisecond
     * @return this builder
     */
    public Builder timeWindow(Duration duration) {
      requireNonNull(duration, "duration");
      if (duration.toMillis() < 1) {
        throw new IllegalArgumentException("a time window must last at least 1 ms, was " + duration);
      }
      windowDuration = duration;
      windowSize = Long.MAX_VALUE;
      return this;
    }

    /**
     * Sets the clock for window times and events (inject a fixed or test clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Checks every window's profile against a schema (in the {@code SERVING} environment).
     *
     * @param schema the schema
     * @return this builder
     */
    public Builder schema(Schema schema) {
      this.schema = requireNonNull(schema, "schema");
      return this;
    }

    /**
     * Sets the drift test for numeric columns: PSI, JENSEN_SHANNON or HELLINGER with a distance
     * threshold, or KOLMOGOROV_SMIRNOV with a significance level.
     *
     * @param method the method
     * @param threshold the threshold, {@code > 0}
     * @return this builder
     */
    public Builder numericDrift(DriftMethod method, double threshold) {
      requireNonNull(method, "method");
      if (method != DriftMethod.PSI && method != DriftMethod.JENSEN_SHANNON && method != DriftMethod.HELLINGER
          && method != DriftMethod.KOLMOGOROV_SMIRNOV) {
        throw new IllegalArgumentException("profiles support PSI, JENSEN_SHANNON, HELLINGER and KOLMOGOROV_SMIRNOV "
            + "for numeric columns, not " + method);
      }
      numericMethod = method;
      numericThreshold = positive("threshold", threshold);
      return this;
    }

    /**
     * Sets the drift test for categorical and boolean columns.
     *
     * @param method PSI, JENSEN_SHANNON, HELLINGER or TOTAL_VARIATION
     * @param threshold the distance threshold, {@code > 0}
     * @return this builder
     */
    public Builder categoricalDrift(DriftMethod method, double threshold) {
      requireNonNull(method, "method");
      if (method != DriftMethod.PSI && method != DriftMethod.JENSEN_SHANNON && method != DriftMethod.HELLINGER
          && method != DriftMethod.TOTAL_VARIATION) {
        throw new IllegalArgumentException("profiles support PSI, JENSEN_SHANNON, HELLINGER and TOTAL_VARIATION "
            + "for categorical columns, not " + method);
      }
      categoricalMethod = method;
      categoricalThreshold = positive("threshold", threshold);
      return this;
    }

    /**
     * Sets the fewest rows a window needs to be tested for drift (default 100).
     *
     * @param rows the minimum, {@code >= 1}
     * @return this builder
     */
    public Builder minimumRows(long rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("minimum rows must be >= 1, was " + rows);
      }
      minimumRows = rows;
      return this;
    }

    /**
     * Estimates binary-classification performance per window without labels, and raises
     * {@link Signal.Kind#PERFORMANCE_ESTIMATE} when the estimated accuracy is below a floor. The
     * estimator's threshold is also the decision threshold for labels.
     *
     * @param estimator the calibrated estimator
     * @param minimumAccuracy the floor, in [0, 1]
     * @return this builder
     */
    public Builder performanceEstimate(Cbpe estimator, double minimumAccuracy) {
      this.cbpe = requireNonNull(estimator, "estimator");
      if (!(minimumAccuracy >= 0 && minimumAccuracy <= 1)) {
        throw new IllegalArgumentException("minimum accuracy must be in [0, 1], was " + minimumAccuracy);
      }
      this.minimumAccuracy = minimumAccuracy;
      return this;
    }

    /**
     * Sets the score at or above which a prediction is positive, for matching labels (default 0.5;
     * replaced by the estimator's threshold when one is set).
     *
     * @param threshold the threshold, finite
     * @return this builder
     */
    public Builder decisionThreshold(double threshold) {
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException("decision threshold must be finite, was " + threshold);
      }
      decisionThreshold = threshold;
      return this;
    }

    /**
     * Names the column the score is profiled as (default {@code "prediction"}); when the reference
     * profile has a numeric column of that name, the score distribution is tested for drift too.
     *
     * @param name the column name
     * @return this builder
     */
    public Builder predictionColumn(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("prediction column name must not be blank");
      }
      predictionColumn = name;
      return this;
    }

    /**
     * Sets the detector fed with errors from late labels (default ADWIN, delta 0.002).
     *
     * @param detector makes the detector
     * @return this builder
     */
    public Builder errorDetector(Supplier<? extends StreamingDriftDetector> detector) {
      this.errorDetector = requireNonNull(detector, "detector");
      return this;
    }

    /**
     * Sets how many recent predictions wait for their labels (rounded up to a power of two; default
     * 65,536, 512 KB).
     *
     * @param capacity the capacity, in [2, 2^28]
     * @return this builder
     */
    public Builder pendingLabels(int capacity) {
      if (capacity < 2 || capacity > (1 << 28)) {
        throw new IllegalArgumentException("pending label capacity must be in [2, 2^28], was " + capacity);
      }
      pendingLabels = capacity;
      return this;
    }

    /**
     * Checks closed windows and calls listeners on this executor instead of the serving thread
     * that closed the window.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the number of stripes serving threads spread over (rounded up to a power of two;
     * default twice the processors, at most 64).
     *
     * @param stripes the stripes, in [1, 256]
     * @return this builder
     */
    public Builder stripes(int stripes) {
      if (stripes < 1 || stripes > 256) {
        throw new IllegalArgumentException("stripes must be in [1, 256], was " + stripes);
      }
      this.stripes = stripes;
      return this;
    }

    /**
     * Sets how many window reports {@link DriftMonitor#history()} keeps (default 64).
     *
     * @param windows the number, {@code >= 1}
     * @return this builder
     */
    public Builder history(int windows) {
      if (windows < 1) {
        throw new IllegalArgumentException("history must keep at least 1 window, was " + windows);
      }
      history = windows;
      return this;
    }

    /**
     * Adds a listener for drift events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onDrift(DriftListener listener) {
      driftListeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a listener for every closed window.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder onWindow(WindowListener listener) {
      windowListeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /** @return the monitor */
    public DriftMonitor build() {
      return new DriftMonitor(this);
    }

    private static double positive(String what, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(what + " must be positive and finite, was " + v);
      }
      return v;
    }
  }
}
