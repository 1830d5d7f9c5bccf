package dev.mlops.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.Criterion;
import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.core.json.MlopsJson;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.common.Severity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private static final List<String> CLASSES = List.of("bad", "good");

  /** 4 rows, 3 correct: accuracy 0.75. */
  private static ClassificationPredictions threeOfFour() {
    return ClassificationPredictions.of(CLASSES, new String[] {"good", "good", "bad", "bad"},
        new String[] {"good", "good", "bad", "good"}, new double[][] {{0.2, 0.8}, {0.3, 0.7}, {0.9, 0.1}, {0.4, 0.6}});
  }

  /** Same rows, 2 correct: accuracy 0.5. */
  private static ClassificationPredictions twoOfFour() {
    return ClassificationPredictions.of(CLASSES, new String[] {"good", "good", "bad", "bad"},
        new String[] {"good", "bad", "bad", "good"}, new double[][] {{0.2, 0.8}, {0.6, 0.4}, {0.9, 0.1}, {0.3, 0.7}});
  }

  private static CriterionResult only(GateResult r) {
    assertThat(r.criteria()).hasSize(1);
    return r.criteria().get(0);
  }

  @Test
  void absoluteBoundIsInclusiveOrExclusiveAsDeclaredAndFollowsTheDirection() {
    ClassificationPredictions p = threeOfFour();

    assertThat(QualityGate.builder().atLeast("acc", Metric.ACCURACY, 0.75).build().evaluate(p).verdict())
        .isEqualTo(Verdict.PASS);
    assertThat(QualityGate.builder().absoluteBound("acc", Metric.ACCURACY, c -> c.exceeds(0.75))
        .build().evaluate(p).verdict()).isEqualTo(Verdict.FAIL);
    CriterionResult loss = only(QualityGate.builder().atLeast("loss", Metric.LOG_LOSS, 0.1).build().evaluate(p));
    assertThat(loss.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(loss.reason()).startsWith("not LOG_LOSS <= 0.100000");
  }

  @Test
  void undefinedMetricIsInconclusive() {
    ClassificationPredictions oneClass = ClassificationPredictions.of(CLASSES, new String[] {"good", "good"},
        new String[] {"good", "bad"}, new double[][] {{0.1, 0.9}, {0.6, 0.4}});

    GateResult r = QualityGate.builder().atLeast("auc", Metric.ROC_AUC, 0.7).build().evaluate(oneClass);

    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.passed()).isFalse();
    assertThat(only(r).reason()).startsWith("ROC_AUC is undefined on these rows");
  }

  @Test
  void baselineChangeUsesTheMetricsDirectionAndItsBoundaryIsInclusive() {
    QualityGate noRegression = QualityGate.builder().noWorseThanBaseline("no regression", Metric.ACCURACY).build();
    QualityGate quarterTolerance = QualityGate.builder()
        .noWorseThanBaseline("tolerance", Metric.ACCURACY, c -> c.maxAbsoluteDrop(0.25)).build();

    assertThat(noRegression.evaluate(threeOfFour(), twoOfFour()).verdict()).isEqualTo(Verdict.PASS);
    assertThat(noRegression.evaluate(twoOfFour(), threeOfFour()).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(quarterTolerance.evaluate(twoOfFour(), threeOfFour()).verdict()).as("exactly -0.25").isEqualTo(Verdict.PASS);
    CriterionResult loss = only(QualityGate.builder().noWorseThanBaseline("loss", Metric.LOG_LOSS).build()
        .evaluate(threeOfFour(), twoOfFour()));
    assertThat(loss.verdict()).as("lower log loss is an improvement").isEqualTo(Verdict.PASS);
    assertThat(loss.measurement().baseline()).hasValue(Metrics.compute(Metric.LOG_LOSS, twoOfFour()));
  }

  @Test
  void baselineChangeOnAnUndefinedMetricIsInconclusive() {
    ClassificationPredictions oneClass = ClassificationPredictions.of(CLASSES, new String[] {"good", "good"},
        new String[] {"good", "bad"}, new double[][] {{0.1, 0.9}, {0.6, 0.4}});

    CriterionResult r = only(QualityGate.builder().noWorseThanBaseline("auc", Metric.ROC_AUC).build()
        .evaluate(oneClass, oneClass));

    assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.reason()).isEqualTo("ROC_AUC is undefined on these rows for the candidate");
  }

  @Test
  void relativeChangeAndAZeroBaseline() {
    RegressionPredictions perfect = RegressionPredictions.of(new double[] {1, 2}, new double[] {1, 2});
    RegressionPredictions off = RegressionPredictions.of(new double[] {1, 2}, new double[] {1.5, 2});
    QualityGate relative = QualityGate.builder()
        .noWorseThanBaseline("rel", Metric.MAE, c -> c.maxRelativeDrop(0.1)).build();

    CriterionResult worseThanZero = only(relative.evaluate(off, perfect));
    assertThat(worseThanZero.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(worseThanZero.reason()).contains("relative change -inf < required -0.100000");
    assertThat(relative.evaluate(perfect, perfect).verdict()).as("0 vs 0 is no change").isEqualTo(Verdict.PASS);
    assertThat(relative.evaluate(perfect, off).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void noBaselinePassesWithAReasonAndAMismatchedBaselineIsRejected() {
    QualityGate gate = QualityGate.builder().noWorseThanBaseline("nr", Metric.ACCURACY).build();

    assertThat(only(gate.evaluate(threeOfFour())).reason()).isEqualTo("no baseline to compare with");
    assertThatThrownBy(() -> gate.evaluate(threeOfFour(), threeOfFour().select(new int[] {0, 1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseline must be evaluated on the same rows and classes");
  }

  @Test
  void warningCriteriaDoNotFailTheGateAndTheWorstVerdictWins() {
    GateResult r = QualityGate.builder()
        .atLeast("floor", Metric.ACCURACY, 0.5)
        .absoluteBound("stretch", Metric.ACCURACY, c -> c.reaches(0.9).severity(Severity.WARNING))
        .build().evaluate(threeOfFour());

    assertThat(r.verdict()).isEqualTo(Verdict.WARN);
    assertThat(r.passed()).isTrue();
    assertThat(r.toText()).contains("WARN         stretch [WARNING] ACCURACY=0.750000: not ACCURACY >= 0.900000");
    assertThat(GateResult.of(List.of(
        new CriterionResult("a", Metric.ACCURACY, Severity.ERROR, Verdict.INCONCLUSIVE, Measurement.of(1), "x"),
        new CriterionResult("b", Metric.ACCURACY, Severity.ERROR, Verdict.FAIL, Measurement.of(1), "x"))).verdict())
        .isEqualTo(Verdict.FAIL);
  }

  @Test
  void resultRendersAsJson() throws Exception {
    GateResult r = QualityGate.builder().atLeast("floor", Metric.ACCURACY, 0.9)
        .noWorseThanBaseline("nr", Metric.ACCURACY).build().evaluate(threeOfFour(), twoOfFour());

    JsonNode json = new ObjectMapper().readTree(MlopsJson.toJson(r));

    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
    assertThat(json.get("criteria").get(0).get("baseline").isNull()).isTrue();
    assertThat(json.get("criteria").get(1).get("baseline").asDouble()).isEqualTo(0.5);
    assertThat(json.get("criteria").get(1).get("verdict").asText()).isEqualTo("PASS");
  }

  @Test
  void criteriaAreValidated() {
    assertThatThrownBy(() -> QualityGate.builder().atLeast("a", Metric.ACCURACY, 0.5).atLeast("a", Metric.F1_MACRO, 0.5))
        .hasMessage("duplicate criterion name 'a'");
    assertThatThrownBy(() -> QualityGate.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Criterion.BaselineChange("c", Metric.ACCURACY, OptionalDouble.empty(),
        OptionalDouble.empty(), Severity.ERROR))
        .hasMessage("criterion 'c': set a minimum absolute or relative change");
    assertThatThrownBy(() -> QualityGate.builder().atLeast("r", Metric.RMSE, 1).build().evaluate(threeOfFour()))
        .hasMessage("criterion 'r' uses RMSE, a regression metric");
  }


  @Test
  void evaluateWithoutABaseline_passesBaselineCriteriaWithAReasonAndJudgesTheRest() {
    QualityGate gate = QualityGate.builder()
        .atLeast("floor", Metric.ACCURACY, 0.9)
        .noWorseThanBaseline("nr", Metric.ACCURACY)
        .supportedChange("supported", Metric.ACCURACY, c -> c.mcNemar())
        .build();

    GateResult r = gate.evaluate(threeOfFour());

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.criteria()).extracting(CriterionResult::verdict)
        .containsExactly(Verdict.FAIL, Verdict.PASS, Verdict.PASS);
    assertThat(r.criteria().get(1).reason()).isEqualTo("no baseline to compare with");
    assertThat(r.criteria().get(2).reason()).isEqualTo("no baseline to compare with");
    assertThat(r.criteria().get(2).measurement()).isEqualTo(Measurement.of(0.75));
    RegressionPredictions regression = RegressionPredictions.of(new double[] {1, 2}, new double[] {1.5, 2});
    CriterionResult mae = only(QualityGate.builder().noWorseThanBaseline("mae", Metric.MAE).build().evaluate(regression));
    assertThat(mae.verdict()).isEqualTo(Verdict.PASS);
    assertThat(mae.reason()).isEqualTo("no baseline to compare with");
    assertThat(mae.measurement().baseline()).isEmpty();
  }

  @Test
  void evaluateRejectsANullBaselineByName() {
    QualityGate accuracy = QualityGate.builder().noWorseThanBaseline("nr", Metric.ACCURACY).build();
    QualityGate mae = QualityGate.builder().noWorseThanBaseline("nr", Metric.MAE).build();
    RegressionPredictions regression = RegressionPredictions.of(new double[] {1}, new double[] {1});

    assertThatThrownBy(() -> accuracy.evaluate(threeOfFour(), null)).isInstanceOf(NullPointerException.class)
        .hasMessage("baseline");
    assertThatThrownBy(() -> mae.evaluate(regression, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("baseline");
    assertThatThrownBy(() -> accuracy.evaluate((ClassificationPredictions) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("candidate");
  }

  @Test
  void builderMethodsPassTheirSpecToTheCriterionsBuilderAndItsConflictsSurface() {
    QualityGate gate = QualityGate.builder()
        .atLeast("floor", Metric.ROC_AUC, 0.8)
        .absoluteBound("loss", Metric.LOG_LOSS, c -> c.exceeds(0.3).severity(Severity.WARNING))
        .noWorseThanBaseline("nr", Metric.ROC_AUC, c -> c.maxAbsoluteDrop(0.0))
        .supportedChange("auc", Metric.ROC_AUC, c -> c.pairedBootstrap(1_000, 42).margin(0.0).confidence(0.95)
            .minSamples(100))
        .sliceGap("by age", Metric.ACCURACY, "age_band", c -> c.maxGap(0.1).minSliceSize(30))
        .build();

    assertThat(gate.criteria()).containsExactly(
        Criterion.AbsoluteBound.builder("floor", Metric.ROC_AUC).reaches(0.8).build(),
        Criterion.AbsoluteBound.builder("loss", Metric.LOG_LOSS).exceeds(0.3).severity(Severity.WARNING).build(),
        new Criterion.BaselineChange("nr", Metric.ROC_AUC, OptionalDouble.of(0.0), OptionalDouble.empty(),
            Severity.ERROR),
        new Criterion.SupportedChange("auc", Metric.ROC_AUC, new Criterion.Evidence.PairedBootstrap(1_000, 42, 0.0),
            0.95, 100, Severity.ERROR),
        new Criterion.SliceGap("by age", Metric.ACCURACY, new Criterion.SliceGap.Slicing("age_band", 30), 0.1,
            Optional.empty(), Severity.ERROR));
    assertThatThrownBy(() -> QualityGate.builder()
        .supportedChange("auc", Metric.ACCURACY, c -> c.pairedBootstrap(1_000, 42).mcNemar()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("criterion 'auc': the evidence was already set to pairedBootstrap(1000, 42); cannot also set"
            + " mcNemar()");
    assertThatThrownBy(() -> QualityGate.builder().supportedChange("auc", Metric.ROC_AUC, null))
        .isInstanceOf(NullPointerException.class).hasMessage("spec");
  }

  @Test
  void jsonKeepsItsFieldNamesWithNullForAbsentNumbers() throws Exception {
    GateResult r = QualityGate.builder()
        .supportedChange("boot", Metric.ACCURACY, c -> c.pairedBootstrap(200, 1).minSamples(1))
        .supportedChange("mcnemar", Metric.ACCURACY, c -> c.mcNemar().minSamples(1))
        .build().evaluate(threeOfFour(), twoOfFour());

    JsonNode json = new ObjectMapper().readTree(MlopsJson.toJson(r));
    JsonNode boot = json.get("criteria").get(0);
    JsonNode mcnemar = json.get("criteria").get(1);

    assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(boot.fieldNames()).toIterable().containsExactly("name", "metric", "severity", "verdict", "value",
        "baseline", "lower", "upper", "pValue", "reason");
    assertThat(boot.get("lower").asDouble()).isEqualTo(r.criteria().get(0).measurement().interval().orElseThrow().lower());
    assertThat(boot.get("upper").isNumber()).isTrue();
    assertThat(boot.get("pValue").isNull()).isTrue();
    assertThat(mcnemar.get("lower").isNull()).isTrue();
    assertThat(mcnemar.get("pValue").asDouble()).isEqualTo(r.criteria().get(1).measurement().pValue().getAsDouble());
    assertThat(MlopsJson.fromJson(MlopsJson.toJson(r), GateResult.class)).as("read back").isEqualTo(r);
  }
}
