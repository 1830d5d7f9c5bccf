package dev.mlops.core.drift;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.api.drift.DriftTest;
import dev.mlops.core.data.Tables;

/**
 * Entry point for batch drift: compare a current table with a reference table.
 *
 * <pre>{@code
 * DriftReport report = Drift.compare(training, serving);
 * System.out.println(report.toText());
 *
 * PreparedReference reference = Drift.prepare(training, DriftOptions.builder()
 *     .method("income", DriftMethod.PSI).build());    // sorted and binned once
 * DriftReport hourly = reference.compare(lastHour);
 * }</pre>
 *
 * <p>Works on tables from any source (CSV, records, Tribuo datasets through
 * {@code TribuoTables.fromDataset}). See {@link DriftOptions} for the automatic choice of method per
 * column, thresholds and the multiple-testing correction.
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
   * @param options methods, thresholds, correction
   * @return the report
   */
  public static DriftReport compare(Table reference, Table current, DriftOptions options) {
    return prepare(reference, options).compare(requireNonNull(current, "current"));
  }

  /**
   * Prepares a reference table for repeated comparisons: each column is sorted or counted once.
   *
   * @param reference the reference table
   * @param options methods, thresholds, correction
   * @return the prepared reference
   */
  public static PreparedReference prepare(Table reference, DriftOptions options) {
    requireNonNull(reference, "reference");
    requireNonNull(options, "options");
    return new PreparedReference(reference, options);
  }

  /**
   * Renders a drift report as JSON ({@code formatVersion} 1; {@code NaN} as null, infinities as
   * strings), columns most moved first.
   *
   * @param report the report
   * @return the JSON text
   */
  public static String toJson(DriftReport report) {
    return DriftJson.render(requireNonNull(report, "report"));
  }

  /**
   * Returns a {@link DriftTest} of one method and threshold (a significance level or a distance),
   * for use column by column.
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
    return new DriftTest() {
      @Override
      public DriftMethod method() {
        return method;
      }

      @Override
      public double threshold() {
        return threshold;
      }

      @Override
      public DriftScore test(Column reference, Column current) {
        requireNonNull(reference, "reference");
        requireNonNull(current, "current");
        String name = reference.name();
        DriftOptions options = DriftOptions.builder().method(name, method).threshold(name, threshold).build();
        ColumnDrift result = prepare(Tables.builder().add(reference).build(), options).compareColumn(name, current);
        if (!result.tested()) {
          throw new IllegalArgumentException("column '" + name + "': " + result.note());
        }
        return result.score();
      }

      @Override
      public String toString() {
        return "DriftTest[" + method + ", threshold " + threshold + "]";
      }
    };
  }

}
