package dev.mlops.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.data.Tables;
import dev.mlops.core.drift.Drift;
import dev.mlops.core.gate.QualityGate;
import dev.mlops.core.schema.Schemas;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/** The core's checks on Tribuo datasets and models, through this module's adapters. */
class TribuoChecksTest {

  @BeforeAll
  static void quietTribuo() {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
  }

  @Test
  void tribuoDatasetsAreValidatedThroughTheTableAdapter() {
    Table table = Tables.builder().numeric("x", 1, 2, 50).categorical("y", "a", "b", "a").build();
    Table fromTribuo = TribuoTables.fromDataset(TribuoTables.toClassificationDataset(table, "y"), "y");
    Schema schema = Schema.builder().field("x", ColumnType.NUMERIC, f -> f.between(0, 10))
        .field("y", ColumnType.CATEGORICAL, f -> f.domain("a", "b")).build();

    ValidationReport report = Schemas.validate(fromTribuo, schema);

    assertThat(report.violations(ViolationKind.OUT_OF_RANGE)).singleElement()
        .satisfies(v -> assertThat(v.evidence().examples().get(0).row()).isEqualTo(2));
  }

  @Test
  void tribuoDatasetsCompareThroughTheTableAdapter() {
    Table reference = TribuoTables.fromDataset(TribuoTables.toClassificationDataset(loans(300, 0, 21), "class"), "class");
    Table current = TribuoTables.fromDataset(TribuoTables.toClassificationDataset(loans(300, 1.0, 22), "class"), "class");

    assertThat(Drift.compare(reference, current).driftedColumns()).contains("amount").doesNotContain("noise");
  }

  @Test
  void tribuoLogisticRegressionPassesAgainstAWeakerBaselineAndTheReverseFails() {
    Table train = loans(600, 0, 1);
    Table test = loans(400, 0, 2);
    MutableDataset<Label> trainSet = TribuoTables.toClassificationDataset(train, "class");
    MutableDataset<Label> testSet = TribuoTables.toClassificationDataset(test, "class");
    Model<Label> strong = new LogisticRegressionTrainer().train(trainSet);
    Table weakTrain = Tables.builder().add(train.column("noise")).add(train.column("class")).build();
    Model<Label> weak = new LogisticRegressionTrainer().train(TribuoTables.toClassificationDataset(weakTrain, "class"));

    ClassificationPredictions candidate = TribuoPredictions.classification(strong, testSet);
    ClassificationPredictions baseline = TribuoPredictions.classification(weak, testSet);
    QualityGate gate = QualityGate.builder()
        .atLeast("AUC floor", Metric.ROC_AUC, 0.8)
        .noWorseThanBaseline("AUC not worse", Metric.ROC_AUC)
        .noWorseThanBaseline("accuracy not worse", Metric.ACCURACY)
        .build();

    GateResult forward = gate.evaluate(candidate, baseline);
    GateResult reverse = gate.evaluate(baseline, candidate);

    assertThat(forward.verdict()).as(forward.toText()).isEqualTo(Verdict.PASS);
    assertThat(reverse.verdict()).as(reverse.toText()).isEqualTo(Verdict.FAIL);
    assertThat(candidate.hasProbabilities()).isTrue();
    assertThat(candidate.source()).as("the model's provenance travels with its predictions")
        .contains("LogisticRegressionTrainer");
  }

  private static Table loans(int n, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] amount = new double[n];
    double[] noise = new double[n];
    String[] label = new String[n];
    for (int i = 0; i < n; i++) {
      amount[i] = r.nextGaussian() + shift;
      noise[i] = r.nextGaussian();
      label[i] = amount[i] - shift + 0.5 * r.nextGaussian() > 0 ? "good" : "bad";
    }
    return Tables.builder().numeric("amount", amount).numeric("noise", noise).categorical("class", label).build();
  }
}
