package dev.mlops.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.regression.Regressor;
import java.util.Random;

class TribuoTablesTest {

  @BeforeAll
  static void quietTribuo() {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
  }

  private static Table loans(int n) {
    double[] amount = new double[n];
    String[] purpose = new String[n];
    boolean[] owner = new boolean[n];
    String[] label = new String[n];
    Random random = new Random(42);
    for (int i = 0; i < n; i++) {
      amount[i] = random.nextGaussian();
      purpose[i] = random.nextBoolean() ? "car" : "education";
      owner[i] = random.nextBoolean();
      label[i] = amount[i] + (owner[i] ? 0.8 : -0.8) > 0 ? "good" : "bad";
    }
    return Tables.builder().numeric("amount", amount).categorical("purpose", purpose).bool("owner", owner)
        .categorical("class", label).build();
  }

  @Test
  void tableBecomesAClassificationDatasetThatTrains() {
    Table table = loans(400);

    MutableDataset<Label> dataset = TribuoTables.toClassificationDataset(table, "class");
    Model<Label> model = new LogisticRegressionTrainer().train(dataset);

    assertThat(dataset.size()).isEqualTo(400);
    assertThat(dataset.getOutputs()).extracting(Label::getLabel).containsExactlyInAnyOrder("good", "bad");
    assertThat(dataset.getFeatureIDMap().keySet())
        .containsExactlyInAnyOrder("amount", "owner", "purpose@car", "purpose@education");
    Example<Label> first = dataset.getExample(0);
    assertThat(first.getOutput().getLabel()).isEqualTo(table.categorical("class").getString(0));
    assertThat(featureValue(first, "amount")).isEqualTo(table.numeric("amount").getDouble(0));
    long correct = 0;
    for (Prediction<Label> p : model.predict(dataset)) {
      if (p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel())) {
        correct++;
      }
    }
    assertThat(correct / 400.0).isGreaterThan(0.85);
    assertThat(dataset.getProvenance().toString()).contains("output 'class'");
  }

  private static double featureValue(Example<Label> example, String name) {
    for (Feature f : example) {
      if (f.getName().equals(name)) {
        return f.getValue();
      }
    }
    throw new AssertionError("no feature " + name);
  }

  @Test
  void datasetBecomesATableWithAbsentFeaturesAsZero() {
    Table table = loans(50);
    MutableDataset<Label> dataset = TribuoTables.toClassificationDataset(table, "class");

    Table back = TribuoTables.fromDataset(dataset, "label");

    assertThat(back.rowCount()).isEqualTo(50);
    assertThat(back.columnNames()).containsExactly("amount", "owner", "purpose@car", "purpose@education", "label");
    assertThat(back.numeric("amount").toDoubleArray()).containsExactly(table.numeric("amount").toDoubleArray());
    for (int i = 0; i < 50; i++) {
      boolean car = table.categorical("purpose").getString(i).equals("car");
      assertThat(back.numeric("purpose@car").getDouble(i)).isEqualTo(car ? 1.0 : 0.0);
      assertThat(back.categorical("label").getString(i)).isEqualTo(table.categorical("class").getString(i));
    }
  }

  @Test
  void regressionRoundTripKeepsTargets() {
    Table table = Tables.builder().numeric("x", 1, 2, 3).numeric("y", 2.5, 4.5, 6.5).build();

    MutableDataset<Regressor> dataset = TribuoTables.toRegressionDataset(table, "y");
    Table back = TribuoTables.fromDataset(dataset, "y");

    assertThat(dataset.getExample(1).getOutput().getValues()).containsExactly(4.5);
    assertThat(back.numeric("y").toDoubleArray()).containsExactly(2.5, 4.5, 6.5);
    assertThat(back.numeric("x").toDoubleArray()).containsExactly(1, 2, 3);
  }

  @Test
  void integralAndBooleanOutputsBecomeLabels() {
    Table table = Tables.builder().numeric("x", 1, 2).integral("y", 0, 1).bool("z", true, false).build();

    assertThat(TribuoTables.toDataset(table, DatasetOptions.builder("y").exclude("z").build(), new LabelFactory())
        .getExample(1).getOutput().getLabel()).isEqualTo("1");
    assertThat(TribuoTables.toDataset(table, DatasetOptions.builder("z").exclude("y").build(), new LabelFactory())
        .getExample(0).getOutput().getLabel()).isEqualTo("true");
  }

  @Test
  void missingFeatureFailsByDefaultNamingColumnAndRow() {
    Table table = Tables.builder()
        .add(Columns.numericBuilder("x").add(1).addNull().add(3).build())
        .categorical("y", "a", "b", "a").build();

    assertThatThrownBy(() -> TribuoTables.toClassificationDataset(table, "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("feature column 'x' is null at row 1");
  }

  @Test
  void nonFiniteFeatureFailsByDefault() {
    Table table = Tables.builder().numeric("x", 1, Double.NaN).categorical("y", "a", "b").build();

    assertThatThrownBy(() -> TribuoTables.toClassificationDataset(table, "y"))
        .hasMessageStartingWith("feature column 'x' holds NaN at row 1");
  }

  @Test
  void missingValuePoliciesSkipRowsOrOmitFeatures() {
    Table table = Tables.builder()
        .add(Columns.numericBuilder("x").add(1).addNull().add(Double.POSITIVE_INFINITY).add(4).build())
        .numeric("w", 1, 2, 3, 4)
        .categorical("y", "a", "b", null, "b").build();

    MutableDataset<Label> skipped = TribuoTables.toDataset(table,
        DatasetOptions.builder("y").missingValues(DatasetOptions.MissingValues.SKIP_ROW).build(), new LabelFactory());
    MutableDataset<Label> omitted = TribuoTables.toDataset(table,
        DatasetOptions.builder("y").missingValues(DatasetOptions.MissingValues.OMIT_FEATURE).build(), new LabelFactory());

    assertThat(skipped.size()).isEqualTo(2);
    assertThat(omitted.size()).isEqualTo(3);
    List<String> names = new ArrayList<>();
    omitted.getExample(1).forEach(f -> names.add(f.getName()));
    assertThat(names).containsExactly("w");
  }

  @Test
  void nullOutputFailsByDefault() {
    Table table = Tables.builder().numeric("x", 1, 2).categorical("y", "a", null).build();

    assertThatThrownBy(() -> TribuoTables.toClassificationDataset(table, "y"))
        .hasMessageStartingWith("output column 'y' is null at row 1");
  }

  @Test
  void timestampFeaturesMustBeExcluded() {
    Table table = Tables.builder().numeric("x", 1).timestamp("t", Instant.EPOCH).categorical("y", "a").build();

    assertThatThrownBy(() -> TribuoTables.toClassificationDataset(table, "y"))
        .hasMessageStartingWith("timestamp column 't' has no feature encoding");
    assertThat(TribuoTables.toDataset(table, DatasetOptions.builder("y").exclude("t").build(), new LabelFactory())
        .size()).isEqualTo(1);
  }

  @Test
  void regressionTargetMustBeNumericAndColumnsMustExist() {
    Table table = Tables.builder().numeric("x", 1).categorical("y", "a").build();

    assertThatThrownBy(() -> TribuoTables.toRegressionDataset(table, "y"))
        .hasMessage("output column 'y' is CATEGORICAL; a regression target must be numeric");
    assertThatThrownBy(() -> TribuoTables.toClassificationDataset(table, "nope"))
        .hasMessageContaining("no column 'nope'");
  }

  @Test
  void outputNameThatClashesWithAFeatureIsRejected() {
    MutableDataset<Label> dataset = TribuoTables.toClassificationDataset(loans(5), "class");

    assertThatThrownBy(() -> TribuoTables.fromDataset(dataset, "amount"))
        .hasMessageContaining("feature 'amount' has the name chosen for the output column");
  }

  @Test
  void fromDatasetTypesFeaturesAsNumeric() {
    Table back = TribuoTables.fromDataset(TribuoTables.toClassificationDataset(loans(5), "class"), "label");

    assertThat(back.column("amount").type()).isEqualTo(ColumnType.NUMERIC);
  }
}
