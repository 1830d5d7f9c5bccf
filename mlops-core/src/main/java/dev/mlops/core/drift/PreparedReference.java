package dev.mlops.core.drift;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.common.Correction;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.core.internal.Welford;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reference table prepared once for many drift checks: each numeric column sorted once, with its
 * quantile bins and standard deviation; each categorical column counted once. Immutable and safe to
 * share between threads.
 *
 * <pre>{@code
 * PreparedReference reference = Drift.prepare(trainingTable, DriftOptions.defaults());
 * DriftReport today = reference.compare(servingBatch);
 * }</pre>
 */
public final class PreparedReference {
  private final DriftOptions options;
  private final Map<String, Prepared> columns = new LinkedHashMap<>();

  /** One reference column, prepared. */
  private record Prepared(ColumnType type, ColumnSample sample, NumericBins bins, double stddev) {}

  PreparedReference(Table reference, DriftOptions options) {
    this.options = options;
    for (Column c : reference.columns()) {
      ColumnSample sample = ColumnSample.of(c);
      NumericBins bins = null;
      double sd = Double.NaN;
      if (sample.numeric && sample.sorted.length > 0) {
        bins = NumericBins.fromReference(sample.sorted, options.bins());
        Welford w = new Welford();
        for (double x : sample.sorted) {
          w.add(x);
        }
        sd = w.sampleStddev();
      }
      columns.put(c.name(), new Prepared(c.type(), sample, bins, sd));
    }
  }

  /** @return the options the reference was prepared with */
  public DriftOptions options() {
    return options;
  }

  /** @return the reference's column names */
  public Set<String> columnNames() {
    return columns.keySet();
  }

  /**
   * Compares a current table with the reference, column by column (see {@link DriftOptions} for
   * the methods chosen). Never throws on bad data: a column absent on one side, with no value to
   * compare, or of another kind is reported as not tested, with the reason.
   *
   * @param current the current table
   * @return the report
   */
  public DriftReport compare(Table current) {
    requireNonNull(current, "current");
    List<ColumnDrift> results = new ArrayList<>();
    Set<String> missingRateChanged = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>(columns.keySet());
    names.addAll(current.columnNames());
    for (String name : names) {
      Prepared ref = columns.get(name);
      if (ref == null) {
        results.add(untested(name, current.column(name).type(), "not in the reference data", Double.NaN,
            nullFraction(current.column(name))));
        continue;
      }
      if (!current.hasColumn(name)) {
        results.add(untested(name, ref.type(), "missing from the current data", ref.sample().nullFraction(), Double.NaN));
        continue;
      }
      ColumnSample cur = ColumnSample.of(current.column(name));
      ColumnDrift result = compareColumn(name, ref, cur);
      results.add(result);
      if (ref.sample().size > 0 && cur.size > 0) {
        long[] refNulls = {ref.sample().nulls, ref.sample().size - ref.sample().nulls};
        long[] curNulls = {cur.nulls, cur.size - cur.nulls};
        if (CategoricalDrift.chiSquare(refNulls, curNulls).pValue() < options.alpha()) {
          missingRateChanged.add(name);
        }
      }
    }
    List<ColumnDrift> corrected = correct(results);
    long tested = corrected.stream().filter(ColumnDrift::tested).count();
    long drifted = corrected.stream().filter(ColumnDrift::drifted).count();
    double share = tested == 0 ? 0 : (double) drifted / tested;
    return new DriftReport(corrected, options.correction(), share, options.shareThreshold(),
        tested > 0 && share >= options.shareThreshold(),
        corrected.stream().filter(c -> missingRateChanged.contains(c.column())).toList());
  }

  /** Compares one current column with the reference column {@code name} (no correction). */
  ColumnDrift compareColumn(String name, Column current) {
    return compareColumn(name, columns.get(name), ColumnSample.of(current));
  }

  private static double nullFraction(Column c) {
    return c.size() == 0 ? 0 : (double) c.nullCount() / c.size();
  }

  private static ColumnDrift untested(String name, ColumnType type, String why, double refNulls, double curNulls) {
    return new ColumnDrift(name, type, null, Double.NaN, false, Double.NaN, refNulls, curNulls, why);
  }

  private ColumnDrift compareColumn(String name, Prepared ref, ColumnSample cur) {
    ColumnSample rs = ref.sample();
    double refNulls = rs.nullFraction();
    double curNulls = cur.nullFraction();
    boolean sameKind = ref.type().isNumeric() ? cur.type.isNumeric() : ref.type() == cur.type;
    if (!sameKind) {
      return untested(name, ref.type(), "reference is " + ref.type() + " but current is " + cur.type, refNulls,
          curNulls);
    }
    if (rs.compared() == 0 || cur.compared() == 0) {
      return untested(name, ref.type(), (rs.compared() == 0 ? "reference" : "current")
          + " has no " + (rs.numeric ? "finite " : "non-null ") + "value to compare", refNulls, curNulls);
    }
    DriftMethod method = options.methodFor(name, rs.numeric, rs.compared(), cur.compared());
    if (rs.numeric ? !method.appliesToNumeric() : !method.appliesToCategorical()) {
      return untested(name, ref.type(), method + " does not apply to " + ref.type() + " columns", refNulls, curNulls);
    }
    double threshold;
    try {
      threshold = options.thresholdFor(name, method);
    } catch (IllegalArgumentException e) {
      return untested(name, ref.type(), e.getMessage(), refNulls, curNulls);
    }
    String note = rs.nonFinite + cur.nonFinite > 0
        ? "left out NaN/infinite values: " + rs.nonFinite + " in reference, " + cur.nonFinite + " in current" : "";
    double statistic;
    double pValue = Double.NaN;
    double effect;
    if (rs.numeric) {
      double[] p = ref.bins().referenceProportions();
      double[] q = ref.bins().proportionsOfSorted(cur.sorted);
      effect = Distances.jensenShannon(p, q);
      switch (method) {
        case KOLMOGOROV_SMIRNOV -> {
          TestResult r = TwoSample.kolmogorovSmirnovSorted(rs.sorted, cur.sorted);
          statistic = r.statistic();
          pValue = r.pValue();
        }
        case MANN_WHITNEY, CRAMER_VON_MISES, ANDERSON_DARLING -> {
          TestResult r;
          try {
            r = method == DriftMethod.MANN_WHITNEY ? TwoSample.mannWhitney(rs.sorted, cur.sorted)
                : method == DriftMethod.CRAMER_VON_MISES ? TwoSample.cramerVonMises(rs.sorted, cur.sorted)
                : TwoSample.andersonDarling(rs.sorted, cur.sorted);
          } catch (IllegalArgumentException e) {
            return untested(name, ref.type(), e.getMessage(), refNulls, curNulls);
          }
          statistic = r.statistic();
          pValue = r.pValue();
        }
        case WASSERSTEIN -> statistic = TwoSample.cdfDistance(rs.sorted, cur.sorted, 1);
        case WASSERSTEIN_NORMED -> {
          double w = TwoSample.cdfDistance(rs.sorted, cur.sorted, 1);
          statistic = ref.stddev() > 0 ? w / ref.stddev() : w == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        case ENERGY_DISTANCE -> statistic = Math.sqrt(2 * TwoSample.cdfDistance(rs.sorted, cur.sorted, 2));
        default -> statistic = distance(method, p, q);
      }
    } else {
      Map<String, Integer> index = new LinkedHashMap<>();
      rs.counts.keySet().forEach(k -> index.putIfAbsent(k, index.size()));
      cur.counts.keySet().forEach(k -> index.putIfAbsent(k, index.size()));
      long[] a = new long[index.size()];
      long[] b = new long[index.size()];
      rs.counts.forEach((k, v) -> a[index.get(k)] = v);
      cur.counts.forEach((k, v) -> b[index.get(k)] = v);
      double[] p = CategoricalDrift.proportions(a);
      double[] q = CategoricalDrift.proportions(b);
      effect = Distances.jensenShannon(p, q);
      int unseen = index.size() - rs.counts.size();
      if (unseen > 0) {
        note = unseen + " categor" + (unseen == 1 ? "y" : "ies") + " not in the reference";
      }
      switch (method) {
        case CHI_SQUARE -> {
          TestResult r = CategoricalDrift.chiSquare(a, b);
          statistic = r.statistic();
          pValue = r.pValue();
        }
        case G_TEST -> {
          TestResult r = CategoricalDrift.gTest(a, b);
          statistic = r.statistic();
          pValue = r.pValue();
        }
        default -> statistic = distance(method, p, q);
      }
    }
    boolean drifted = method.hasPValue() ? pValue < threshold : statistic >= threshold;
    DriftScore score = new DriftScore(method, statistic, pValue, threshold, drifted, rs.compared(), cur.compared());
    return new ColumnDrift(name, ref.type(), score, pValue, drifted, effect, refNulls, curNulls, note);
  }

  private double distance(DriftMethod method, double[] p, double[] q) {
    return switch (method) {
      case PSI -> Distances.psi(p, q, options.epsilon());
      case KL_DIVERGENCE -> Distances.klDivergence(p, q, options.epsilon());
      case JENSEN_SHANNON -> Distances.jensenShannon(p, q);
      case HELLINGER -> Distances.hellinger(p, q);
      case TOTAL_VARIATION -> Distances.totalVariation(p, q);
      default -> throw new IllegalStateException("not a binned distance: " + method);
    };
  }

  /** Applies the multiple-testing correction to the p-value tests and recomputes their verdicts. */
  private List<ColumnDrift> correct(List<ColumnDrift> results) {
    List<Integer> tests = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ColumnDrift c = results.get(i);
      if (c.tested() && c.score().method().hasPValue()) {
        tests.add(i);
      }
    }
    double[] p = new double[tests.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = results.get(tests.get(i)).score().pValue();
    }
    double[] adjusted = Corrections.adjust(p, options.correction());
    List<ColumnDrift> out = new ArrayList<>(results);
    for (int i = 0; i < p.length; i++) {
      ColumnDrift c = results.get(tests.get(i));
      boolean drifted = adjusted[i] < c.score().threshold();
      out.set(tests.get(i), new ColumnDrift(c.column(), c.type(), c.score(), adjusted[i], drifted, c.effect(),
          c.referenceNullFraction(), c.currentNullFraction(), c.note()));
    }
    return out;
  }

}
