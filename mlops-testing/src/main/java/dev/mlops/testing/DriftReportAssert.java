package dev.mlops.testing;

import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.DriftReport;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a {@link DriftReport}. A failure lists the most moved columns with their method,
 * statistic, p-value and effect size.
 *
 * <pre>{@code
 * assertThat(Drift.compare(training, serving)).hasNoDrift();
 * assertThat(report).driftedColumns().containsExactly("income");
 * }</pre>
 */
public final class DriftReportAssert extends AbstractAssert<DriftReportAssert, DriftReport> {
  static final int SHOWN = 10;

  DriftReportAssert(DriftReport actual) {
    super(actual, DriftReportAssert.class);
  }

  /**
   * Verifies that no column drifted.
   *
   * @return this
   */
  public DriftReportAssert hasNoDrift() {
    isNotNull();
    if (!actual.driftedColumns().isEmpty()) {
      failWithMessage("Expected no drift but %d column(s) drifted %s:%n%s", actual.driftedColumns().size(),
          actual.driftedColumns(), render(actual));
    }
    return this;
  }

  /**
   * Verifies that the dataset as a whole did not drift (the share of drifted columns stayed below
   * the report's threshold); single columns may have drifted.
   *
   * @return this
   */
  public DriftReportAssert hasNoDatasetDrift() {
    isNotNull();
    if (actual.datasetDrift()) {
      failWithMessage("Expected no dataset drift but %.3f of columns drifted (threshold %.3f):%n%s",
          actual.driftShare(), actual.shareThreshold(), render(actual));
    }
    return this;
  }

  /**
   * Verifies that the dataset drifted.
   *
   * @return this
   */
  public DriftReportAssert hasDatasetDrift() {
    isNotNull();
    if (!actual.datasetDrift()) {
      failWithMessage("Expected dataset drift but only %.3f of columns drifted (threshold %.3f):%n%s",
          actual.driftShare(), actual.shareThreshold(), render(actual));
    }
    return this;
  }

  /**
   * Navigates to the names of the drifted columns, most moved first.
   *
   * @return a list assertion
   */
  public ListAssert<String> driftedColumns() {
    isNotNull();
    return Assertions.assertThat(actual.driftedColumns())
        .as("drifted columns of%n%s", render(actual));
  }

  static String render(DriftReport report) {
    List<ColumnDrift> columns = report.columns();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, columns.size()); i++) {
      sb.append("  ").append(DriftReport.line(columns.get(i))).append(String.format("%n"));
    }
    if (columns.size() > SHOWN) {
      sb.append(String.format("  ... and %d more%n", columns.size() - SHOWN));
    }
    return sb.toString();
  }
}
