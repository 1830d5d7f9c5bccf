package dev.mlops.tribuo;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.Table;
import dev.mlops.api.gate.Metric;
import dev.mlops.core.data.Tables;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/** mlops-testing's predictions assertions on a Tribuo model's predictions. */
class PredictionsAssertWithTribuoTest {

  private static Table data(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    String[] y = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      y[i] = x[i] + 0.5 * r.nextGaussian() > 0 ? "yes" : "no";
    }
    return Tables.builder().numeric("x", x).categorical("y", y).build();
  }

  @Test
  void metricOfAModelsPredictions_isAssertable() {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    Model<Label> model = new LogisticRegressionTrainer().train(TribuoTables.toClassificationDataset(data(400, 1), "y"));
    MutableDataset<Label> test = TribuoTables.toClassificationDataset(data(300, 2), "y");

    assertThat(TribuoPredictions.classification(model, test)).metric(Metric.ROC_AUC).isGreaterThanOrEqualTo(0.8);
    assertThatThrownBy(() -> assertThat(TribuoPredictions.classification(model, test))
            .metric(Metric.ACCURACY).isGreaterThanOrEqualTo(0.99))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ACCURACY of")
        .hasMessageContaining("LogisticRegressionTrainer");
    assertThatThrownBy(() -> assertThat(TribuoPredictions.classification(model, test)).metric(Metric.RMSE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
