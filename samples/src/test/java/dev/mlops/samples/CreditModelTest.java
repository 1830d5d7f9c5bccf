package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;

import dev.mlops.api.data.Table;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.core.data.Tables;
import dev.mlops.tribuo.TribuoPredictions;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** Model quality tests: a freshly trained model must clear the bar before anyone registers it. */
class CreditModelTest {
  private static Table test;
  private static Model<Label> strong;
  private static Model<Label> weak;

  @BeforeAll
  static void train() {
    TrainAndPromote.quietTribuo();
    Table data = CreditData.load();
    CreditData.Split split = CreditData.split(data.rowCount(), 0.3, 42);
    Table train = Tables.select(data, split.train());
    test = Tables.select(data, split.test());
    strong = TrainAndPromote.train(train, TrainAndPromote.Config.STRONG);
    weak = TrainAndPromote.train(train, TrainAndPromote.Config.WEAK);
  }

  @Test
  void theModelClearsTheAucFloor() {
    MutableDataset<Label> testSet = CreditData.dataset(test, Set.of());
    assertThat(TribuoPredictions.classification(strong, testSet)).metric(Metric.ROC_AUC).isGreaterThanOrEqualTo(0.70);
  }

  @Test
  void theGatePassesTheModelAndRefusesTheWeakerOne() {
    ClassificationPredictions candidate = predictions(strong, TrainAndPromote.Config.STRONG);
    ClassificationPredictions weaker = predictions(weak, TrainAndPromote.Config.WEAK);
    assertThat(TrainAndPromote.gate().evaluate(candidate)).passed();
    assertThat(TrainAndPromote.gate().evaluate(weaker, candidate)).hasVerdict(Verdict.FAIL);
  }

  private static ClassificationPredictions predictions(Model<Label> model, TrainAndPromote.Config config) {
    return TribuoPredictions.classification(model, CreditData.dataset(test, config.features()))
        .withAttribute(CreditData.AGE_BAND, CreditData.ageBands(test));
  }
}
