package dev.mlops.api.drift;

import dev.mlops.api.common.Correction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Drift of a table from its reference: one {@link ColumnDrift} per column, columns ranked by how
 * much they moved, the multiple-testing correction used, missing-value rate changes, and whether
 * the dataset as a whole drifted (the share of drifted columns reached the threshold). Columns not
 * tested (identifiers, timestamps, ignored columns, columns on one side only) are listed with the
 * reason and do not count in the share.
 *
 * @param columns per-column results, ranked: drifted first, then by effect size, largest first
 * @param correction the multiple-testing correction applied to p-value tests
 * @param shareThreshold the share of drifted columns from which the dataset drifted
 * @param missingRateChanges columns whose share of nulls changed significantly (two-proportion
 *     chi-square test at the report's significance level), with both shares; ignored columns are
 *     left out
 */
public record DriftReport(List<ColumnDrift> columns, Correction correction, double shareThreshold,
    List<ColumnDrift> missingRateChanges) {

  /** Ranks drifted columns first, then by effect size (largest first), then by name. */
  public static final Comparator<ColumnDrift> RANKING = Comparator.comparing(ColumnDrift::drifted).reversed()
      .thenComparing(Comparator.comparingDouble((ColumnDrift c) -> c.effect().orElse(-1)).reversed())
      .thenComparing(ColumnDrift::column);

  /**
   * Validates, ranks and copies the components.
   *
   * @param columns per-column results
   * @param correction the correction
   * @param shareThreshold the dataset threshold, in {@code (0, 1]}
   * @param missingRateChanges columns whose null share changed
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public DriftReport {
    List<ColumnDrift> ranked = new ArrayList<>(Objects.requireNonNull(columns, "columns"));
    ranked.sort(RANKING);
    columns = List.copyOf(ranked);
    Objects.requireNonNull(correction, "correction");
    missingRateChanges = List.copyOf(Objects.requireNonNull(missingRateChanges, "missingRateChanges"));
    if (!(shareThreshold > 0 && shareThreshold <= 1)) {
      throw new IllegalArgumentException("shareThreshold must be in (0, 1], was " + shareThreshold);
    }
  }

  /** @return the share of tested columns that drifted; 0 when no column was tested */
  public double driftShare() {
    long tested = columns.stream().filter(ColumnDrift::tested).count();
    return tested == 0 ? 0 : (double) columns.stream().filter(ColumnDrift::drifted).count() / tested;
  }

  /** @return whether the dataset drifted: some column was tested and {@code driftShare() >= shareThreshold()} */
  public boolean datasetDrift() {
    return columns.stream().anyMatch(ColumnDrift::tested) && driftShare() >= shareThreshold;
  }

  /** @return the names of the drifted columns, most moved first */
  public List<String> driftedColumns() {
    return columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
  }

  /**
   * Returns a column's result.
   *
   * @param name the column name
   * @return the result
   * @throws IllegalArgumentException if the report has no such column
   */
  public ColumnDrift column(String name) {
    Objects.requireNonNull(name, "name");
    return columns.stream().filter(c -> c.column().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in the drift report"));
  }

  /**
   * Renders the report for a person: the verdict, then one line per column, most moved first.
   *
   * @return the text
   */
  public String toText() {
    long tested = columns.stream().filter(ColumnDrift::tested).count();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Dataset drift: %s (%d of %d tested columns drifted, share %.3f, threshold %.3f; correction %s)%n",
        datasetDrift() ? "YES" : "no", driftedColumns().size(), tested, driftShare(), shareThreshold, correction));
    for (ColumnDrift c : columns) {
      sb.append("  ").append(line(c)).append(System.lineSeparator());
    }
    for (ColumnDrift c : missingRateChanges) {
      sb.append(String.format(Locale.ROOT, "  missing values in '%s' changed: %.4f -> %.4f%n", c.column(),
          c.nullFractions().reference().orElse(Double.NaN), c.nullFractions().current().orElse(Double.NaN)));
    }
    return sb.toString();
  }

  /**
   * Renders one column's result on a line: a tested column with its method, statistic, p-values,
   * effect and sizes (targets and predictions marked by their role), else {@code "not tested: "}
   * and the reason.
   *
   * @param c the column result
   * @return the line
   */
  public static String line(ColumnDrift c) {
    Objects.requireNonNull(c, "c");
    if (!(c.outcome() instanceof ColumnDrift.Tested t)) {
      return String.format(Locale.ROOT, "%-8s %s: not tested: %s", "-", c.column(), c.note());
    }
    DriftScore s = t.score();
    String p = s.pValue().isPresent()
        ? String.format(Locale.ROOT, ", p=%.4g, adjusted p=%.4g, alpha %s", s.pValue().getAsDouble(),
            t.adjustedPValue().getAsDouble(), s.threshold())
        : String.format(Locale.ROOT, ", threshold %s", s.threshold());
    String role = c.role() == ColumnRole.FEATURE ? "" : " (" + c.role().label() + ")";
    return String.format(Locale.ROOT, "%-8s %s%s: %s=%.4g%s, effect (JS) %.4f, n=%d/%d%s",
        t.drifted() ? "DRIFTED" : "ok", c.column(), role, s.method(), s.statistic(), p, t.effect(),
        s.sizes().reference(), s.sizes().current(), t.note().isEmpty() ? "" : " (" + t.note() + ")");
  }

  @Override
  public String toString() {
    return toText();
  }
}
