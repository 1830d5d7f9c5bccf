package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.core.data.TableSummary;
import dev.mlops.core.data.Tables;
import dev.mlops.api.gate.Metric;
import dev.mlops.core.gate.Metrics;
import dev.mlops.tribuo.TribuoPredictions;
import dev.mlops.tribuo.TribuoTables;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.Transformation;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/** The README's example, compiled and run, so that it stays true. */
class ReadmeExampleTest {

  @TempDir Path dir;

  @Test
  void readmeExampleRuns() throws Exception {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    Path file = dir.resolve("credit-g.csv");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("data/credit-g.csv")) {
      Files.copy(in, file);
    }

    // --- README example starts ---
    Table loans = Tables.readCsv(file, CsvOptions.builder()         // file: the Path of credit-g.csv
        .nullTokens("", "NA", "?")                      // what counts as missing
        .columnType("age", ColumnType.INTEGRAL)         // declared types fail loudly, with line and column
        .build());                                      // every other column's type is inferred

    System.out.println(TableSummary.of(loans));         // counts, nulls, NaN/inf, mean, std, min, max, top

    NumericColumn amount = loans.numeric("credit_amount");
    double total = 0;
    for (int i = 0; i < amount.size(); i++) {
      if (!amount.isNull(i)) {
        total += amount.getDouble(i);                   // primitive doubles, no boxing
      }
    }

    MutableDataset<Label> train = TribuoTables.toClassificationDataset(
        Tables.select(loans, IntStream.range(0, 700).toArray()), "class");      // the first 700 rows
    MutableDataset<Label> test = TribuoTables.toClassificationDataset(
        Tables.select(loans, IntStream.range(700, 1000).toArray()), "class");   // 300 held out
    Map<String, List<Transformation>> standardise = new HashMap<>();    // numeric features to mean 0, sd 1
    for (Column c : loans.columns()) {
      if (c instanceof NumericColumn) {
        standardise.put(c.name(), List.of(new MeanStdDevTransformation()));
      }
    }
    Trainer<Label> trainer = new TransformTrainer<>(new LogisticRegressionTrainer(),
        new TransformationMap(List.of(), standardise));                 // unscaled SGD would do far worse
    Model<Label> model = trainer.train(train);
    double auc = Metrics.compute(Metric.ROC_AUC, TribuoPredictions.classification(model, test));
    // --- README example ends ---

    assertThat(loans).hasRowCount(1000).hasNoNulls("class").hasColumnOfType("age", ColumnType.INTEGRAL);
    assertThat(total).isEqualTo(3_271_258.0);
    assertThat(model.getOutputIDInfo().size()).isEqualTo(2);
    assertThat(test.size()).isEqualTo(300);
    assertThat(auc).as("held-out ROC AUC of the README's model").isGreaterThanOrEqualTo(0.70);
  }
}
