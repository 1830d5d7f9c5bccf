package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DetectorState;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.StreamingDriftDetector;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.PromotionPolicy;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.core.data.Tables;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.drift.PreparedReference;
import dev.mlops.core.drift.stream.StreamingDetectors;
import dev.mlops.core.gate.QualityGate;
import dev.mlops.core.monitor.DriftMonitor;
import dev.mlops.core.monitor.MonitoredModel;
import dev.mlops.core.profile.Profiles;
import dev.mlops.core.registry.Registries;
import dev.mlops.core.schema.Schemas;
import dev.mlops.tribuo.TribuoCodec;
import dev.mlops.tribuo.TribuoPredictions;
import dev.mlops.tribuo.TribuoTables;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import dev.mlops.testing.TempRegistry;

/** The README's "Concepts" snippets, compiled and run; {@link ReadmeSnippetsTest} keeps them identical. */
class ReadmeConceptsTest {
  private static Table loans;
  private static Table training;
  private static Table lastHour;
  private static MutableDataset<Label> testSet;
  private static Model<Label> candidate;
  private static Model<Label> champion;

  @TempDir Path dir;

  @BeforeAll
  static void data() {
    TrainAndPromote.quietTribuo();
    loans = CreditData.load();
    CreditData.Split split = CreditData.split(loans.rowCount(), 0.3, 42);
    training = Tables.select(loans, split.train());
    lastHour = Tables.select(loans, split.test());
    testSet = TribuoTables.toClassificationDataset(lastHour, "class");
    candidate = TrainAndPromote.train(training, TrainAndPromote.Config.STRONG);
    champion = TrainAndPromote.train(training, TrainAndPromote.Config.WEAK);
  }

  private static Schema schema() {
    return Schema.builder()
        .field("age", ColumnType.INTEGRAL, f -> f.between(18, 100).notNull())
        .field("purpose", ColumnType.CATEGORICAL,
            f -> f.domain(Set.of("new car", "used car", "radio/tv", "furniture/equipment"), 0.75))
        .field("class", ColumnType.CATEGORICAL, f -> f.domain("good", "bad").absentIn(Schema.SERVING))
        .build();
  }

  @Test
  void schemaSnippet() throws Exception {
    Schema schema = Schema.builder()
        .field("age", ColumnType.INTEGRAL, f -> f.between(18, 100).notNull())
        .field("purpose", ColumnType.CATEGORICAL,
            f -> f.domain(Set.of("new car", "used car", "radio/tv", "furniture/equipment"), 0.75))
        .field("class", ColumnType.CATEGORICAL, f -> f.domain("good", "bad").absentIn(Schema.SERVING))
        .build();                                   // or Schemas.of(reference), Schemas.read(Path.of("schema.yaml"))

    ValidationReport report = Schemas.validate(loans, schema);
    System.out.println(report.toText());            // worst first, with rows and values
    int[] quarantine = report.failingRows();
    Validator validator = Schemas.validator(schema);     // prepared once: reuse it for every batch, from any thread
    Schemas.write(schema, dir.resolve("schema.yaml"));  // JSON or YAML, with a formatVersion

    assertThat(report.conforms()).isTrue();
    assertThat(validator.validate(loans)).isEqualTo(report);
    assertThat(quarantine).isEmpty();
    assertThat(Schemas.read(dir.resolve("schema.yaml"))).isEqualTo(schema);
  }

  @Test
  void driftSnippet() throws Exception {
    PreparedReference reference = PreparedReference.of(training, DriftOptions.builder()
        .role("class", ColumnRole.TARGET)           // tested, and shown as the target
        .build());                                  // sorted and binned once
    DriftReport report = reference.compare(lastHour);
    System.out.println(report.toText());            // drifted columns first, with statistic, p-value, effect
    MlopsJson.write(report, dir.resolve("drift.json"));  // every result: MlopsJson.read(path, DriftReport.class)

    assertThat(report.columns()).isNotEmpty();
    assertThat(MlopsJson.read(dir.resolve("drift.json"), DriftReport.class)).isEqualTo(report);
    assertThat(report.column("class").role()).isEqualTo(ColumnRole.TARGET);
  }

  @Test
  void gateSnippet() {
    QualityGate gate = QualityGate.builder()
        .atLeast("AUC floor", Metric.ROC_AUC, 0.75)
        .supportedChange("AUC not worse", Metric.ROC_AUC,
            c -> c.pairedBootstrap(1_000, 42).margin(0.0).confidence(0.95).minSamples(100))
        .build();
    GateResult result = gate.evaluate(TribuoPredictions.classification(candidate, testSet),
        TribuoPredictions.classification(champion, testSet));   // PASS, WARN, FAIL or INCONCLUSIVE

    assertThat(result.passed()).isTrue();
  }

  @Test
  void monitorSnippet() throws Exception {
    Schema schema = schema();
    Queue<DriftEvent> retrainQueue = new ArrayDeque<>();
    Function<Map<String, Object>, Double> scorer = row -> ((Double) row.get("duration")) / 72;
    Map<String, Object> request = CreditData.request(lastHour, 0);
    boolean actuallyBad = true;

    TableProfile reference = Profiles.of(training);                    // mergeable, a few KB per column
    Profiles.write(reference, dir.resolve("reference.profile"));      // compact binary; MlopsJson for JSON

    DriftMonitor monitor = DriftMonitor.builder(reference)
        .window(Windows.count(250))                                    // or Windows.time(Duration.ofMinutes(5), clock)
        .schema(schema)
        .onDrift(event -> retrainQueue.offer(event))                   // the continuous-training hook
        .build();
    MonitoredModel<Map<String, Object>, Double> served = monitor.wrap(scorer, row -> row, score -> score);
    MonitoredModel.Tracked<Double> p = served.track(request);         // serve p.prediction()
    monitor.label(p.id(), actuallyBad);                                // when the truth arrives

    assertThat(p.prediction()).isEqualTo(scorer.apply(request));
    assertThat(monitor.recorded()).isEqualTo(1);
    assertThat(retrainQueue).isEmpty();
  }

  @Test
  void detectorSnippet() {
    boolean wrong = false;
    StreamingDriftDetector detector = StreamingDetectors.adwin();
    DetectorState state = detector.update(wrong ? 1 : 0);              // STABLE, WARNING or DRIFT

    assertThat(state).isEqualTo(DetectorState.STABLE);
  }

  @Test
  void registrySnippet() {
    Schema schema = schema();
    Model<Label> model = candidate;
    double auc = 0.76;
    GateResult result = TrainAndPromote.gate().evaluate(
        TribuoPredictions.classification(model, testSet).withAttribute(CreditData.AGE_BAND,
            CreditData.ageBands(lastHour)));

    try (ModelRegistry registry = Registries.open(dir.resolve("models"), RegistryOptions.builder()
        .promotionPolicy(PromotionPolicy.requirePassingGate()).build())) {
      ModelVersion v = registry.register("credit-risk", model, TribuoCodec.classification(),
          Registration.builder().metric("roc_auc", auc).schema(schema).gateResult(result).build());
      registry.setAlias(v.ref(), "champion");                          // refused unless the gate passed
      Model<Label> champion = registry.load(ModelRef.parse("credit-risk@champion"), TribuoCodec.classification());
      registry.history("credit-risk").forEach(System.out::println);   // who moved what, when

      assertThat(champion.getOutputIDInfo().size()).isEqualTo(2);
      assertThat(registry).hasAlias("credit-risk", "champion").withPassingGate().pointingTo(1);
    }
  }

  @Test
  void assertionsSnippet(@TempRegistry ModelRegistry registry) {
    Schema schema = schema();
    Table servingBatch = lastHour;
    QualityGate gate = TrainAndPromote.gate();
    ClassificationPredictions candidatePredictions = TribuoPredictions.classification(candidate, testSet)
        .withAttribute(CreditData.AGE_BAND, CreditData.ageBands(lastHour));
    ClassificationPredictions championPredictions = TribuoPredictions.classification(candidate, testSet)
        .withAttribute(CreditData.AGE_BAND, CreditData.ageBands(lastHour));
    registry.register("credit-risk", candidate, TribuoCodec.classification(),
        Registration.builder().gateResult(gate.evaluate(candidatePredictions)).build());
    registry.setAlias(ModelRef.version("credit-risk", 1), "champion");

    assertThat(loans).hasRowCount(1000).hasNoNulls("class").conformsTo(schema);
    assertThat(Schemas.validate(servingBatch, schema)).hasNoErrors();
    assertThat(servingBatch).hasNoDriftFrom(training);
    assertThat(gate.evaluate(candidatePredictions, championPredictions)).passed();
    assertThat(registry).hasAlias("credit-risk", "champion").withPassingGate().pointingTo(1);
  }
}
