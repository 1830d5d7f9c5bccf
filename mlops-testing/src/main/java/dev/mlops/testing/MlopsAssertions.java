package dev.mlops.testing;

import dev.mlops.api.data.Table;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.gate.ClassificationPredictions;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.RegressionPredictions;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.schema.ValidationReport;
import org.assertj.core.api.Assertions;

/**
 * Entry point for mlops-java assertions; extends AssertJ's {@link Assertions} so one static import
 * serves both.
 *
 * <pre>{@code
 * import static dev.mlops.testing.MlopsAssertions.assertThat;
 *
 * assertThat(table).hasRowCount(1000).hasColumns("age", "class").conformsTo(schema);
 * assertThat(Schemas.validate(servingBatch, schema)).hasNoErrors();
 * assertThat(servingBatch).hasNoDriftFrom(training);
 * }</pre>
 */
public class MlopsAssertions extends Assertions {

  /** Not instantiable except by subclasses that add assertions of their own. */
  protected MlopsAssertions() {}

  /**
   * Starts assertions on a table.
   *
   * @param actual the table
   * @return the assertion object
   */
  public static TableAssert assertThat(Table actual) {
    return new TableAssert(actual);
  }

  /**
   * Starts assertions on a schema validation report.
   *
   * @param actual the report
   * @return the assertion object
   */
  public static ValidationReportAssert assertThat(ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }

  /**
   * Starts assertions on a drift report.
   *
   * @param actual the report
   * @return the assertion object
   */
  public static DriftReportAssert assertThat(DriftReport actual) {
    return new DriftReportAssert(actual);
  }

  /**
   * Starts assertions on a quality gate result.
   *
   * @param actual the result
   * @return the assertion object
   */
  public static GateResultAssert assertThat(GateResult actual) {
    return new GateResultAssert(actual);
  }

  /**
   * Starts assertions on a classifier's predictions.
   *
   * @param actual the predictions
   * @return the assertion object
   */
  public static PredictionsAssert assertThat(ClassificationPredictions actual) {
    return new PredictionsAssert(actual);
  }

  /**
   * Starts assertions on a regressor's predictions.
   *
   * @param actual the predictions
   * @return the assertion object
   */
  public static PredictionsAssert assertThat(RegressionPredictions actual) {
    return new PredictionsAssert(actual);
  }

  /**
   * Starts assertions on a model registry.
   *
   * @param actual the registry
   * @return the assertion object
   */
  public static ModelRegistryAssert assertThat(ModelRegistry actual) {
    return new ModelRegistryAssert(actual);
  }
}
