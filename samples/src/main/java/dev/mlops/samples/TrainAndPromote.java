package dev.mlops.samples;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.common.Correction;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.registry.Expect;
import dev.mlops.api.registry.Lineage;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.PromotionPolicy;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.common.Severity;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.core.data.Tables;
import dev.mlops.core.gate.Metrics;
import dev.mlops.core.gate.QualityGate;
import dev.mlops.core.registry.Registries;
import dev.mlops.core.schema.Schemas;
import dev.mlops.tribuo.TribuoCodec;
import dev.mlops.tribuo.TribuoPredictions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The training pipeline (MLOps level 1): validate the data against a reviewed schema and quarantine
 * failing rows, train a Tribuo classifier, evaluate it on a held-out split, gate it against the
 * registry's current {@code @champion}, register it with its metrics, schema, gate result,
 * provenance and data fingerprint, and move {@code @champion} only when the gate passes.
 *
 * <pre>
 * mvn -q -pl samples -am package exec:java -DskipTests -Dexec.mainClass=dev.mlops.samples.TrainAndPromote \
 *     -Dexec.args="target/mlops-demo weak"
 * </pre>
 */
public final class TrainAndPromote {
  /** The registered model's name. */
  public static final String MODEL = "credit-risk";
  /** The alias serving loads. */
  public static final String CHAMPION = "champion";

  private TrainAndPromote() {}

  /**
   * A training configuration.
   *
   * @param name a short name, recorded as a tag
   * @param features the feature columns (empty: every column but the label)
   * @param epochs SGD epochs
   * @param learningRate AdaGrad's initial learning rate
   * @param seed the training seed
   */
  public record Config(String name, Set<String> features, int epochs, double learningRate, long seed) {
    /** Logistic regression on every feature, standardised. */
    public static final Config STRONG = new Config("all-features", Set.of(), 50, 0.02, 7);
    /** A deliberately weaker model: three features that carry little signal. */
    public static final Config WEAK =
        new Config("three-weak-features", Set.of("num_dependents", "residence_since", "existing_credits"), 50, 0.02, 7);
  }

  /**
   * What a run did.
   *
   * @param validation the schema check of the input data
   * @param quarantined rows left out because they failed an ERROR constraint
   * @param gate the gate's result
   * @param version the registered version
   * @param promoted whether {@code @champion} moved to it
   * @param candidateAuc the candidate's ROC AUC on the held-out rows
   */
  public record Outcome(ValidationReport validation, int quarantined, GateResult gate, ModelVersion version,
      boolean promoted, double candidateAuc) {}

  /**
   * Trains the German credit model with the strong configuration, then with the weak one, printing
   * both outcomes.
   *
   * @param args an optional registry directory (default {@code target/mlops-demo/registry}) and an
   *     optional configuration, {@code strong} or {@code weak} (default: both, in that order)
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args.length > 0 ? args[0] : "target/mlops-demo");
    List<Config> configs = args.length > 1 ? List.of("weak".equals(args[1]) ? Config.WEAK : Config.STRONG)
        : List.of(Config.STRONG, Config.WEAK);
    quietTribuo();
    try (ModelRegistry registry = openRegistry(dir)) {
      Table data = CreditData.load();
      for (Config c : configs) {
        run(registry, data, c, dir.resolve("reports"), "", out);
      }
    }
  }

  /** Opens the demo registry: a folder, with a promotion policy that guards {@code @champion}. */
  static ModelRegistry openRegistry(Path dir) {
    return Registries.open(dir.resolve("registry"), RegistryOptions.builder()
        .actor("samples")
        .promotionPolicy(PromotionPolicy.requirePassingGate(Set.of(CHAMPION)))
        .build());
  }

  /** Held so that java.util.logging cannot forget the level (it keeps loggers weakly). */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  /** Tribuo logs every training epoch at INFO through java.util.logging. */
  static void quietTribuo() {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  /**
   * Runs the pipeline once.
   *
   * @param registry the registry
   * @param data the labelled data
   * @param config the training configuration
   * @param reports where the JSON reports go
   * @param runName a prefix for report file names (may be empty)
   * @param out where progress goes
   * @return what happened
   */
  public static Outcome run(ModelRegistry registry, Table data, Config config, Path reports, String runName,
      PrintStream out) {
    String prefix = (runName.isEmpty() ? "" : runName + "-") + config.name();
    out.printf(Locale.ROOT, "%n== training '%s' on %d rows ==%n", config.name(), data.rowCount());

    // 1. Validate against the reviewed schema; quarantine rows that fail an ERROR constraint.
    Schema schema = CreditData.schema();
    ValidationReport validation = Schemas.validate(data, schema);
    int[] failing = validation.failingRows(Severity.ERROR);
    Table clean = Tables.dropRows(data, failing);
    out.printf(Locale.ROOT, "  schema '%s': %d violation(s); %d row(s) quarantined%n", schema.name(),
        validation.violations().size(), failing.length);
    validation.violations().stream().limit(3).forEach(v -> out.println("    " + v));
    write(reports.resolve(prefix + "-validation.json"), MlopsJson.toJson(validation));

    // 2. Split, train, predict on the held-out rows.
    CreditData.Split split = CreditData.split(clean.rowCount(), 0.3, 42);
    Table train = Tables.select(clean, split.train());
    Table test = Tables.select(clean, split.test());
    Model<Label> model = train(train, config);
    MutableDataset<Label> testSet = CreditData.dataset(test, config.features());
    ClassificationPredictions candidate = TribuoPredictions.classification(model, testSet)
        .withAttribute(CreditData.AGE_BAND, CreditData.ageBands(test));
    double auc = Metrics.compute(Metric.ROC_AUC, candidate);
    double accuracy = Metrics.compute(Metric.ACCURACY, candidate);
    out.printf(Locale.ROOT, "  trained on %d rows; held-out %d rows: ROC AUC %.3f, accuracy %.3f%n",
        train.rowCount(), test.rowCount(), auc, accuracy);

    // 3. Gate against the current champion, predicting the same held-out rows.
    OptionalInt championVersion = championVersion(registry);
    GateResult gate;
    if (championVersion.isPresent()) {
      Model<Label> champion = registry.load(ModelRef.parse(MODEL + "@" + CHAMPION), TribuoCodec.classification());
      ClassificationPredictions baseline = TribuoPredictions.classification(champion, CreditData.dataset(test, Set.of()))
          .withAttribute(CreditData.AGE_BAND, CreditData.ageBands(test));
      out.printf(Locale.ROOT, "  champion v%d on the same rows: ROC AUC %.3f%n", championVersion.getAsInt(),
          Metrics.compute(Metric.ROC_AUC, baseline));
      gate = gate().evaluate(candidate, baseline);
    } else {
      out.println("  no champion yet: change criteria pass with 'no baseline'");
      gate = gate().evaluate(candidate);
    }
    write(reports.resolve(prefix + "-gate.json"), MlopsJson.toJson(gate));

    // 4. Register with everything a reviewer needs; 5. promote only if the gate passed.
    Registration registration = Registration.builder()
        .metric("roc_auc", auc)
        .metric("accuracy", accuracy)
        .tag("config", config.name())
        .schema(schema)
        .gateResult(gate)
        .lineage(new Lineage(Optional.of(CreditData.fingerprint(train)), championVersion,
            Optional.of("samples/TrainAndPromote")))
        .build();
    ModelVersion version = registry.register(MODEL, model, TribuoCodec.classification(), registration);
    boolean promoted = false;
    if (gate.passed()) {
      registry.setAlias(version.ref(), CHAMPION,
          championVersion.isPresent() ? Expect.version(championVersion.getAsInt()) : Expect.absent());
      promoted = true;
      out.printf(Locale.ROOT, "  gate %s -> registered v%d and moved @%s to it%n", gate.verdict(),
          version.version(), CHAMPION);
    } else {
      out.printf(Locale.ROOT, "  gate %s -> registered v%d, @%s stays on v%d; reasons:%n", gate.verdict(),
          version.version(), CHAMPION, championVersion.orElse(0));
      gate.criteria().stream().filter(c -> c.verdict() != Verdict.PASS)
          .forEach(c -> out.println("    " + c.name() + ": " + c.reason()));
    }
    return new Outcome(validation, failing.length, gate, version, promoted, auc);
  }

  /**
   * The gate: an absolute floor, a statistically supported non-regression against the champion
   * (paired bootstrap of the ROC AUC difference: its 90% interval must stay above -0.05), and a
   * per-age-band accuracy gap (a warning: it is reported but does not block).
   */
  static QualityGate gate() {
    return QualityGate.builder()
        .atLeast("ROC AUC floor", Metric.ROC_AUC, 0.70)
        .supportedChange("ROC AUC not worse than champion", Metric.ROC_AUC,
            c -> c.pairedBootstrap(1_000, 42).margin(0.05).confidence(0.90).minSamples(100))
        .sliceGap("accuracy per age band", Metric.ACCURACY, CreditData.AGE_BAND,
            c -> c.maxGap(0.10).minSliceSize(40).tested(Correction.HOLM, 0.95).severity(Severity.WARNING))
        .build();
  }

  static Model<Label> train(Table train, Config config) {
    MutableDataset<Label> dataset = CreditData.dataset(train, config.features());
    LinearSGDTrainer sgd = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(config.learningRate()),
        config.epochs(), config.seed());
    // Standardise the numeric columns; one-hot features are already 0/1.
    Map<String, List<Transformation>> perFeature = new LinkedHashMap<>();
    for (Column c : train.columns()) {
      if (c instanceof NumericColumn && (config.features().isEmpty() || config.features().contains(c.name()))) {
        perFeature.put(c.name(), List.of(new MeanStdDevTransformation()));
      }
    }
    TransformationMap standardise = new TransformationMap(List.of(), perFeature);
    return new TransformTrainer<>(sgd, standardise).train(dataset);
  }

  static OptionalInt championVersion(ModelRegistry registry) {
    if (!registry.modelNames().contains(MODEL)) {
      return OptionalInt.empty();
    }
    Integer v = registry.model(MODEL).aliases().get(CHAMPION);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
