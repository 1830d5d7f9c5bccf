package dev.mlops.core.drift;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftStatistic;
import dev.mlops.api.drift.DriftTest;

/** A built-in {@link DriftMethod} with its threshold, as a {@link DriftTest} ({@link Drift#test}). */
record BuiltInTest(DriftMethod method, double threshold) implements DriftTest {

  @Override
  public String name() {
    return method.name();
  }

  @Override
  public boolean appliesTo(ColumnType type) {
    requireNonNull(type, "type");
    return type.isNumeric() || type == ColumnType.TIMESTAMP ? method.appliesToNumeric() : method.appliesToCategorical();
  }

  /**
   * @throws IllegalArgumentException naming the column if the method does not apply to it, or a
   *     side has no value to compare
   */
  @Override
  public DriftStatistic measure(Column reference, Column current) {
    ColumnDrift result = Drift.compare(reference, current, this);
    if (!(result.outcome() instanceof ColumnDrift.Tested t)) {
      throw new IllegalArgumentException("column '" + reference.name() + "': " + result.note());
    }
    return new DriftStatistic(t.score().statistic(), t.score().pValue());
  }

  @Override
  public String toString() {
    return "DriftTest[" + method + ", threshold " + threshold + "]";
  }
}
