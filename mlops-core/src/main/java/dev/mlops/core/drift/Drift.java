package dev.mlops.core.drift;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftTest;
import dev.mlops.core.data.Tables;

/**
 * Entry point for batch drift: compare a current table with a reference table.
 *
 * <pre>{@code
 * DriftReport report = Drift.compare(training, serving);
 * System.out.println(report.toText());
 *
 * PreparedReference reference = PreparedReference.of(training, DriftOptions.builder()
 *     .role("customer_id", ColumnRole.IDENTIFIER)
 *     .method("income", DriftMethod.PSI).build());    // sorted and binned once
 * DriftReport hourly = reference.compare(lastHour);
 * }</pre>
 *
 * <p>Works on tables from any source (CSV, records, Tribuo datasets through
 * {@code TribuoTables.fromDataset}). See {@link DriftOptions} for column roles, the automatic
 * choice of method per column, thresholds and the multiple-testing correction.
 */
public final class Drift {
  private Drift() {}

  /**
   * Compares two tables with the default options.
   *
   * @param reference the reference table
   * @param current the current table
   * @return the report
   */
  public static DriftReport compare(Table reference, Table current) {
    return compare(reference, current, DriftOptions.defaults());
  }

  /**
   * Compares two tables.
   *
   * @param reference the reference table
   * @param current the current table
   * @param options roles, methods, thresholds, correction
   * @return the report
   */
  public static DriftReport compare(Table reference, Table current, DriftOptions options) {
    return PreparedReference.of(reference, options).compare(requireNonNull(current, "current"));
  }

  /**
   * Compares one column with one test, whatever the column's role would be in a table: the line a
   * report would give it, without multiple-testing correction (the adjusted p-value is the p-value).
   *
   * <pre>{@code
   * ColumnDrift income = Drift.compare(reference.column("income"), current.column("income"),
   *     Drift.test(DriftMethod.MANN_WHITNEY, 0.01));
   * }</pre>
   *
   * @param reference the reference column (its name names the result)
   * @param current the current column
   * @param test a built-in test ({@link #test}) or one of your own
   * @return the column's result; not tested, with the reason, when the test does not apply or a
   *     side has no value to compare
   * @throws IllegalArgumentException if a test of your own has a built-in method's name or a bad threshold
   */
  public static ColumnDrift compare(Column reference, Column current, DriftTest test) {
    requireNonNull(reference, "reference");
    requireNonNull(current, "current");
    requireNonNull(test, "test");
    String name = reference.name();
    DriftOptions.Builder options = DriftOptions.builder().role(name, ColumnRole.FEATURE);
    if (test instanceof BuiltInTest builtIn) {
      options.method(name, builtIn.method()).threshold(name, builtIn.threshold());
    } else {
      options.test(name, test);
    }
    return PreparedReference.of(Tables.builder().add(reference).build(), options.build()).compareColumn(name, current);
  }

  /**
   * Returns a built-in method with a threshold (a significance level or a distance) as a
   * {@link DriftTest}, for {@link #compare(Column, Column, DriftTest)} or direct use. In
   * {@link DriftOptions} give built-in methods with {@code method(column, m)} and
   * {@code threshold(column, t)}.
   *
   * @param method the method
   * @param threshold the threshold, finite and {@code >= 0}
   * @return the test
   */
  public static DriftTest test(DriftMethod method, double threshold) {
    requireNonNull(method, "method");
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
    }
    return new BuiltInTest(method, threshold);
  }
}
