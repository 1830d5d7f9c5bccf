package dev.mlops.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.RegistryEvent;
import dev.mlops.api.common.Severity;
import dev.mlops.api.monitor.ColumnScore;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.PerformanceEstimate;
import dev.mlops.api.monitor.Signal;
import dev.mlops.api.monitor.WindowReport;
import dev.mlops.api.monitor.Windows;
import dev.mlops.core.data.Tables;
import dev.mlops.core.monitor.Cbpe;
import dev.mlops.core.monitor.DriftMonitor;
import dev.mlops.core.monitor.IsotonicCalibrator;
import dev.mlops.core.monitor.MonitoredModel;
import dev.mlops.core.profile.ProfileAccumulator;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.profile.Profiles;
import dev.mlops.core.schema.Schemas;
import dev.mlops.tribuo.TribuoCodec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The monitored serving loop: load {@code @champion}, serve a stream of loan applications with a
 * {@link DriftMonitor}, and when drift fires, retrain on recent labelled traffic through the same
 * pipeline ({@link TrainAndPromote}) and promote if the gate passes.
 *
 * <p>The stream: 5,000 applications drawn (seeded) from the German credit data. From application
 * 2,000 on, a new product changes the traffic: every loan runs 12 months longer (at most 72), and
 * for applicants under 35 whose loan now runs over 30 months, 80% go bad whatever their history
 * (a concept change the champion never saw). Labels arrive 100 applications late. Windows hold 250
 * applications, so the drift begins with window 8.
 */
public final class ServeAndMonitor {
  /** Applications served. */
  static final int REQUESTS = 5_000;
  /** The application where the drift begins. */
  static final int DRIFT_START = 2_000;
  /** Applications per monitoring window. */
  static final int WINDOW = 250;
  /** How many applications later a label arrives. */
  static final int LABEL_DELAY = 100;
  /** Labelled applications since the drift event that a retrain waits for. */
  static final int RETRAIN_ROWS = 1_000;

  private ServeAndMonitor() {}

  /**
   * What the serving run saw and did.
   *
   * @param windows windows closed
   * @param events drift events raised
   * @param firstDriftWindow the first window with a drift event, or -1
   * @param retrainedVersions versions registered by retraining
   * @param promoted versions promoted to {@code @champion} by retraining
   * @param champion the version {@code @champion} points to at the end
   * @param reports JSON reports written
   */
  public record Summary(int windows, List<DriftEvent> events, long firstDriftWindow, List<Integer> retrainedVersions,
      List<Integer> promoted, int champion, List<Path> reports) {}

  /**
   * Serves the stream against the registry in {@code args[0]} (default {@code target/mlops-demo}),
   * which must have a {@code @champion} (run {@link TrainAndPromote} first).
   *
   * @param args an optional demo directory
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args.length > 0 ? args[0] : "target/mlops-demo");
    TrainAndPromote.quietTribuo();
    try (ModelRegistry registry = TrainAndPromote.openRegistry(dir)) {
      run(registry, CreditData.load(), dir.resolve("reports"), out);
    }
  }

  /** A served application waiting for its label. */
  private record Pending(long id, Map<String, Object> request, String label) {}

  /** The model being served and the monitor watching it. */
  private static final class Serving {
    final DriftMonitor monitor;
    final MonitoredModel<Map<String, Object>, Prediction<Label>> monitored;

    Serving(Model<Label> model, DriftMonitor monitor) {
      this.monitor = monitor;
      this.monitored = monitor.wrap(r -> model.predict(CreditData.example(r)), r -> r, CreditData::badScore);
    }
  }

  /**
   * Runs the serving loop.
   *
   * @param registry a registry with a {@code @champion} of {@link TrainAndPromote#MODEL}
   * @param data the labelled data requests are drawn from
   * @param reports where JSON reports go
   * @param out where the per-window lines and the summary go
   * @return the summary
   */
  public static Summary run(ModelRegistry registry, Table data, Path reports, PrintStream out) {
    Table clean = Tables.dropRows(data, Schemas.validate(data, CreditData.schema()).failingRows(Severity.ERROR));
    List<DriftEvent> events = new CopyOnWriteArrayList<>();   // since the current model went live
    List<DriftEvent> all = new CopyOnWriteArrayList<>();
    List<Path> written = new ArrayList<>();
    List<Integer> retrained = new ArrayList<>();
    List<Integer> promoted = new ArrayList<>();
    int[] windows = {0};

    ModelRef champion = ModelRef.parse(TrainAndPromote.MODEL + "@" + TrainAndPromote.CHAMPION);
    ModelVersion v = registry.get(champion);
    out.printf(Locale.ROOT, "%n== serving %s (v%d), %d applications, drift from application %d ==%n", champion,
        v.version(), REQUESTS, DRIFT_START);
    Serving serving = serve(v.version(), registry.load(champion, TribuoCodec.classification()), clean, events,
        all, windows, written, reports, out);

    SplittableRandom rnd = new SplittableRandom(2026);
    ArrayDeque<Pending> waiting = new ArrayDeque<>();
    List<Map<String, Object>> recentRequests = new ArrayList<>();
    List<String> recentLabels = new ArrayList<>();
    int driftSeenAt = -1;
    for (int i = 0; i < REQUESTS; i++) {
      int row = rnd.nextInt(clean.rowCount());
      Map<String, Object> request = CreditData.request(clean, row);
      String label = clean.categorical(CreditData.LABEL).getString(row);
      if (i >= DRIFT_START) {
        double duration = Math.min(72, (Double) request.get("duration") + 12);
        request.put("duration", duration);
        if ((Double) request.get("age") < 35 && duration > 30 && rnd.nextDouble() < 0.8) {
          label = CreditData.BAD;
        }
      }
      MonitoredModel.Tracked<Prediction<Label>> p = serving.monitored.track(request);
      waiting.addLast(new Pending(p.id(), request, label));
      if (waiting.size() > LABEL_DELAY) {
        Pending labelled = waiting.removeFirst();
        serving.monitor.label(labelled.id(), CreditData.BAD.equals(labelled.label()));
        if (driftSeenAt >= 0) {
          recentRequests.add(labelled.request());
          recentLabels.add(labelled.label());
        }
      }
      if (driftSeenAt < 0 && events.stream().anyMatch(ServeAndMonitor::retrainWorthy)) {
        driftSeenAt = i;
        out.printf(Locale.ROOT, "  drift at application %d: collecting %d labelled applications to retrain%n", i,
            RETRAIN_ROWS);
      }
      if (driftSeenAt >= 0 && recentRequests.size() >= RETRAIN_ROWS) {
        TrainAndPromote.Outcome outcome = TrainAndPromote.run(registry,
            CreditData.table(recentRequests, recentLabels), TrainAndPromote.Config.STRONG, reports, "retrain", out);
        retrained.add(outcome.version().version());
        if (outcome.promoted()) {
          promoted.add(outcome.version().version());
          serving.monitor.closeWindow();
          events.clear();
          Table recent = Tables.dropRows(CreditData.table(recentRequests, recentLabels),
              outcome.validation().failingRows(Severity.ERROR));
          serving = serve(outcome.version().version(), registry.load(champion, TribuoCodec.classification()),
              recent, events, all, windows, written, reports, out);
        }
        recentRequests.clear();
        recentLabels.clear();
        driftSeenAt = outcome.promoted() ? -1 : i;
      }
    }
    serving.monitor.closeWindow();
    int now = registry.resolve(champion).number();
    return summary(registry, windows[0], List.copyOf(all), retrained, promoted, now, written, out);
  }

  private static boolean retrainWorthy(DriftEvent e) {
    return e.has(Signal.Kind.FEATURE_DRIFT) || e.has(Signal.Kind.PREDICTION_DRIFT) || e.has(Signal.Kind.CONCEPT_DRIFT);
  }

  /** Builds the monitor for a model: reference profile of its training data and predictions, calibration. */
  private static Serving serve(int version, Model<Label> model, Table reference, List<DriftEvent> events,
      List<DriftEvent> all, int[] windows, List<Path> written, Path reports, PrintStream out) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    for (ColumnProfile c : Profiles.of(reference).columns()) {
      if (!c.name().equals(CreditData.LABEL)) {
        columns.put(c.name(), c.type());
      }
    }
    columns.put("prediction", ColumnType.NUMERIC);
    ProfileAccumulator acc = ProfileAccumulator.of(columns);
    int n = reference.rowCount();
    double[] scores = new double[n];
    boolean[] bad = new boolean[n];
    for (int r = 0; r < n; r++) {
      Map<String, Object> request = CreditData.request(reference, r);
      request.forEach((k, val) -> acc.addObject(acc.columnIndex(k), val));
      scores[r] = CreditData.badScore(model.predict(CreditData.example(request)));
      bad[r] = CreditData.BAD.equals(reference.categorical(CreditData.LABEL).getString(r));
      acc.add(acc.columnIndex("prediction"), scores[r]);
      acc.endRow();
    }
    TableProfile profile = acc.toProfile();
    TrainAndPromote.write(reports.resolve("reference-profile-v" + version + ".json"), MlopsJson.toJson(profile));
    // Calibrated on the reference itself: the estimate then says what accuracy the scores promise.
    Cbpe cbpe = Cbpe.of(IsotonicCalibrator.fit(scores, bad), 0.5);
    PerformanceEstimate expected = cbpe.estimate(scores);
    double floor = Math.max(0, expected.accuracy() - 0.10);
    out.printf(Locale.ROOT, "  monitoring v%d: reference %d rows, expected accuracy %.3f, floor %.3f%n", version, n,
        expected.accuracy(), floor);
    DriftMonitor monitor = DriftMonitor.builder(profile)
        .synchronousChecks()   // a replay that reacts to each event before the next request; servers keep the default
        .window(Windows.count(WINDOW))
        .schema(CreditData.schema())
        .performanceEstimate(cbpe, floor)
        .onWindow(w -> {
          if (w.rows() > 0) {   // the window closed when a new model goes live may be empty
            windows[0]++;
            out.println("  v" + version + " " + line(w));
          }
        })
        .onDrift(e -> {
          events.add(e);
          all.add(e);
          if (e.report().isEmpty()) {
            out.println("  v" + version + " " + e);
          } else {
            Path file = reports.resolve("drift-v" + version + "-window-" + e.window() + ".json");
            TrainAndPromote.write(file, json(e));
            written.add(file);
          }
        })
        .build();
    return new Serving(model, monitor);
  }

  private static String line(WindowReport w) {
    StringBuilder sb = new StringBuilder(w.toString());
    for (Signal s : w.signals()) {
      if (s.kind() != Signal.Kind.FEATURE_DRIFT) {
        sb.append("; ").append(s.kind()).append(s.column().isEmpty() ? "" : " " + s.column());
      }
    }
    return sb.toString();
  }

  private static String json(DriftEvent e) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("formatVersion", 1);
    root.put("window", e.window());
    root.put("time", e.time().toString());
    ArrayNode signals = root.putArray("signals");
    for (Signal s : e.signals()) {
      ObjectNode n = signals.addObject();
      n.put("kind", s.kind().name()).put("column", s.column()).put("statistic", s.statistic());
      putNumber(n, "value", s.value());
      putNumber(n, "threshold", s.threshold());
      n.put("detail", s.detail());
    }
    e.report().ifPresent(r -> {
      root.put("rows", r.rows());
      ArrayNode scores = root.putArray("scores");
      for (ColumnScore c : r.checks().scores()) {
        ObjectNode n = scores.addObject().put("column", c.column()).put("method", c.method().name());
        putNumber(n, "statistic", c.statistic());
        putNumber(n, "errorBound", c.errorBound());
        n.put("drifted", c.drifted());
      }
    });
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("could not render a drift event", ex);
    }
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else {
      n.putNull(key);
    }
  }

  private static Summary summary(ModelRegistry registry, int windows, List<DriftEvent> events,
      List<Integer> retrained, List<Integer> promoted, int champion, List<Path> written, PrintStream out) {
    long first = events.stream().filter(e -> e.report().isPresent()).mapToLong(DriftEvent::window).min().orElse(-1);
    out.printf(Locale.ROOT, "%n== summary ==%n");
    out.printf(Locale.ROOT, "  windows: %d; drift events: %d (first in window %d)%n", windows, events.size(), first);
    out.printf(Locale.ROOT, "  retrained: %s; promoted: %s; @%s -> v%d%n", retrained, promoted,
        TrainAndPromote.CHAMPION, champion);
    out.println("  audit history of " + TrainAndPromote.MODEL + ":");
    for (RegistryEvent e : registry.history(TrainAndPromote.MODEL)) {
      out.println("    " + e);
    }
    return new Summary(windows, events, first, retrained, promoted, champion, written);
  }
}
