package dev.mlops.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.Table;
import dev.mlops.api.monitor.DriftEvent;
import dev.mlops.api.monitor.Windows;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.core.data.Tables;
import dev.mlops.core.monitor.DriftMonitor;
import dev.mlops.core.monitor.MonitoredModel;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;

class TribuoMonitoringTest {
  private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
  private static MutableDataset<Label> train;
  private static MutableDataset<Label> test;
  private static Model<Label> model;

  @BeforeAll
  static void trainModel() throws Exception {
    TRIBUO.setLevel(Level.WARNING);
    Table data;
    try (InputStream in = TribuoMonitoringTest.class.getResourceAsStream("/data/credit-g.csv")) {
      data = Tables.readCsv(in, "credit-g.csv", CsvOptions.defaults());
    }
    int[] first = new int[700];
    int[] rest = new int[300];
    for (int i = 0; i < 1000; i++) {
      if (i < 700) {
        first[i] = i;
      } else {
        rest[i - 700] = i;
      }
    }
    train = TribuoTables.toClassificationDataset(Tables.select(data, first), "class");
    test = TribuoTables.toClassificationDataset(Tables.select(data, rest), "class");
    model = new LogisticRegressionTrainer().train(train);
  }

  @Test
  void theReferenceProfileHasOneColumnPerFeatureAndNoOutput() {
    TableProfile reference = TribuoMonitoring.referenceProfile(train);
    assertThat(reference.rowCount()).isEqualTo(700);
    assertThat(reference.columns()).hasSize(train.getFeatureIDMap().size());
    assertThat(reference.column("duration").nullCount()).isZero();
  }

  @Test
  void servedExamplesAreRecordedInTheModelsFeatureSpaceAndLongerLoansAreDrift() throws InterruptedException {
    List<DriftEvent> events = new CopyOnWriteArrayList<>();
    DriftMonitor monitor = DriftMonitor.builder(TribuoMonitoring.referenceProfile(train))
        .window(Windows.count(150)).onDrift(events::add).build();
    MonitoredModel<Example<Label>, Prediction<Label>> served =
        TribuoMonitoring.wrap(monitor, model, TribuoMonitoring.probabilityOf("bad"));
    for (Example<Label> e : test) {
      Prediction<Label> p = served.apply(e);
      assertThat(p).isNotNull();
    }
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();   // windows are checked off the serving thread
    assertThat(monitor.history()).hasSize(2);
    assertThat(events).isEmpty();
    assertThat(monitor.history().get(0).profile().column("prediction").count()).isEqualTo(150);

    for (Example<Label> e : test) {
      ArrayExample<Label> longer = new ArrayExample<>(e.getOutput());
      for (Feature f : e) {
        longer.add(f.getName(), f.getName().equals("duration") ? f.getValue() + 24 : f.getValue());
      }
      served.apply(longer);
    }
    assertThat(monitor.awaitChecks(Duration.ofSeconds(30))).isTrue();
    assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.columns()).contains("duration"));
  }

  @Test
  void probabilityOfAnUnknownLabelIsNaN() {
    Prediction<Label> p = model.predict(test.getExample(0));
    assertThat(TribuoMonitoring.probabilityOf("bad").applyAsDouble(p)).isBetween(0.0, 1.0);
    assertThat(TribuoMonitoring.probabilityOf("maybe").applyAsDouble(p)).isNaN();
    assertThatThrownBy(() -> TribuoMonitoring.referenceProfile(new MutableDataset<>(train.getProvenance(),
        train.getOutputFactory()))).hasMessageContaining("is empty");
  }
}
