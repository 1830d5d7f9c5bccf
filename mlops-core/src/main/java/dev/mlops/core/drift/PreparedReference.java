package dev.mlops.core.drift;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.api.drift.ColumnDrift;
import dev.mlops.api.drift.ColumnRole;
import dev.mlops.api.drift.DriftMethod;
import dev.mlops.api.drift.DriftOptions;
import dev.mlops.api.drift.DriftReport;
import dev.mlops.api.drift.DriftScore;
import dev.mlops.api.drift.DriftStatistic;
import dev.mlops.api.drift.DriftTest;
import dev.mlops.core.internal.Welford;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A reference table prepared once for many drift checks: each column's role decided, each tested
 * numeric column sorted once, with its quantile bins and standard deviation, each tested
 * categorical column counted once. Immutable and safe to share between threads (a
 * {@link DriftTest} of your own must be too).
 *
 * <pre>{@code
 * PreparedReference reference = PreparedReference.of(trainingTable, DriftOptions.defaults());
 * DriftReport today = reference.compare(servingBatch);
 * }</pre>
 */
public final class PreparedReference {
  /** The automatic identifier rule: at least this many non-null reference values, all distinct. */
  static final int IDENTIFIER_MIN_VALUES = 1000;
  /** The automatic identifier rule: integral values span less than this many times their number. */
  static final int IDENTIFIER_MAX_SPREAD = 100;

  private final DriftOptions options;
  private final Map<String, Prepared> columns = new LinkedHashMap<>();

  /**
   * One reference column, prepared: its role (with the reason when it is not tested), its size and
   * nulls; for a tested column its sample, bins and standard deviation, and the column itself when
   * a user's test needs it.
   */
  private record Prepared(ColumnType type, ColumnRole role, String untestedReason, int size, int nulls,
      ColumnSample sample, NumericBins bins, double stddev, Column column) {

    double nullFraction() {
      return size == 0 ? 0 : (double) nulls / size;
    }
  }

  private PreparedReference(Table reference, DriftOptions options) {
    this.options = options;
    for (Column c : reference.columns()) {
      columns.put(c.name(), prepare(c));
    }
  }

  /**
   * Prepares a reference table for repeated comparisons: decides each column's role, and sorts or
   * counts each tested column once.
   *
   * @param reference the reference table
   * @param options roles, methods, thresholds, correction
   * @return the prepared reference
   */
  public static PreparedReference of(Table reference, DriftOptions options) {
    requireNonNull(reference, "reference");
    requireNonNull(options, "options");
    return new PreparedReference(reference, options);
  }

  private Prepared prepare(Column c) {
    Optional<ColumnRole> set = options.findRole(c.name());
    if (set.isPresent() && !set.get().tested()) {
      return untested(c, set.get(), set.get().label());
    }
    if (set.isEmpty() && c.type() == ColumnType.TIMESTAMP) {
      return untested(c, ColumnRole.TIMESTAMP, ColumnRole.TIMESTAMP.label());
    }
    ColumnSample sample = ColumnSample.of(c);
    if (set.isEmpty() && looksLikeIdentifier(c.type(), sample)) {
      return untested(c, ColumnRole.IDENTIFIER, ColumnRole.IDENTIFIER.label() + " (all " + sample.compared()
          + " reference values are distinct)");
    }
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
    return new Prepared(c.type(), set.orElse(ColumnRole.FEATURE), "", c.size(), c.nullCount(), sample, bins, sd,
        options.findTest(c.name()).isPresent() ? c : null);
  }

  private static Prepared untested(Column c, ColumnRole role, String reason) {
    return new Prepared(c.type(), role, reason, c.size(), c.nullCount(), null, null, Double.NaN, null);
  }

  /**
   * The automatic identifier rule (see {@link DriftOptions}): a categorical or integral column with
   * at least {@value #IDENTIFIER_MIN_VALUES} values, all distinct, integral values spanning less
   * than {@value #IDENTIFIER_MAX_SPREAD} times their number. Floating-point columns never qualify.
   */
  private static boolean looksLikeIdentifier(ColumnType type, ColumnSample sample) {
    long n = sample.compared();
    if (n < IDENTIFIER_MIN_VALUES) {
      return false;
    }
    if (type == ColumnType.CATEGORICAL) {
      return sample.counts.size() == n;
    }
    if (type != ColumnType.INTEGRAL) {
      return false;
    }
    double[] v = sample.sorted;
    for (int i = 1; i < v.length; i++) {
      if (v[i] == v[i - 1]) {
        return false;
      }
    }
    return v[v.length - 1] - v[0] < (double) IDENTIFIER_MAX_SPREAD * n;
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
   * Returns a reference column's role: the one set in the options, else the automatic one.
   *
   * @param column a reference column
   * @return the role
   * @throws IllegalArgumentException if the reference has no such column (the message lists them)
   */
  public ColumnRole role(String column) {
    Prepared p = columns.get(requireNonNull(column, "column"));
    if (p == null) {
      throw new IllegalArgumentException("no column '" + column + "' in the reference; it has " + columns.keySet());
    }
    return p.role();
  }

  /**
   * Compares a current table with the reference, column by column (see {@link DriftOptions} for
   * the roles and methods). Never throws on bad data: a column absent on one side, with no value
   * to compare, or of another kind is reported as not tested, with the reason.
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
        Column cur = current.column(name);
        ColumnRole role = options.findRole(name).orElse(ColumnRole.FEATURE);
        results.add(untested(name, cur.type(), role, OptionalDouble.empty(), OptionalDouble.of(nullFraction(cur)),
            role.tested() ? "not in the reference data" : role.label()));
        continue;
      }
      if (!current.hasColumn(name)) {
        results.add(untested(name, ref.type(), ref.role(), OptionalDouble.of(ref.nullFraction()),
            OptionalDouble.empty(), ref.role().tested() ? "missing from the current data" : ref.untestedReason()));
        continue;
      }
      Column cur = current.column(name);
      results.add(ref.role().tested() ? compareColumn(name, ref, cur)
          : untested(name, ref.type(), ref.role(), OptionalDouble.of(ref.nullFraction()),
              OptionalDouble.of(nullFraction(cur)), ref.untestedReason()));
      if (ref.role() != ColumnRole.IGNORED && ref.size() > 0 && cur.size() > 0) {
        long[] refNulls = {ref.nulls(), ref.size() - ref.nulls()};
        long[] curNulls = {cur.nullCount(), cur.size() - cur.nullCount()};
        if (CategoricalDrift.chiSquare(refNulls, curNulls).pValue() < options.alpha()) {
          missingRateChanged.add(name);
        }
      }
    }
    List<ColumnDrift> corrected = correct(results);
    return new DriftReport(corrected, options.correction(), options.shareThreshold(),
        corrected.stream().filter(c -> missingRateChanged.contains(c.column())).toList());
  }

  /** Compares one current column with the reference column {@code name} (no correction). */
  ColumnDrift compareColumn(String name, Column current) {
    Prepared ref = columns.get(name);
    return compareColumn(name, ref, current);
  }

  private static double nullFraction(Column c) {
    return c.size() == 0 ? 0 : (double) c.nullCount() / c.size();
  }

  private static ColumnDrift untested(String name, ColumnType type, ColumnRole role, OptionalDouble refNulls,
      OptionalDouble curNulls, String why) {
    return new ColumnDrift(name, type, role, new ColumnDrift.NullFractions(refNulls, curNulls),
        new ColumnDrift.NotTested(why));
  }

  private ColumnDrift compareColumn(String name, Prepared ref, Column current) {
    ColumnSample rs = ref.sample();
    ColumnSample cur = ColumnSample.of(current);
    OptionalDouble refNulls = OptionalDouble.of(rs.nullFraction());
    OptionalDouble curNulls = OptionalDouble.of(cur.nullFraction());
    ColumnRole role = ref.role();
    boolean sameKind = ref.type().isNumeric() ? cur.type.isNumeric() : ref.type() == cur.type;
    if (!sameKind) {
      return untested(name, ref.type(), role, refNulls, curNulls,
          "reference is " + ref.type() + " but current is " + cur.type);
    }
    if (rs.compared() == 0 || cur.compared() == 0) {
      return untested(name, ref.type(), role, refNulls, curNulls, (rs.compared() == 0 ? "reference" : "current")
          + " has no " + (rs.numeric ? "finite " : "non-null ") + "value to compare");
    }
    Optional<DriftTest> own = options.findTest(name);
    Optional<DriftMethod> builtIn = own.isPresent() ? Optional.empty()
        : Optional.of(options.methodFor(name, ref.type(), rs.compared(), cur.compared()));
    boolean applies = own.isPresent() ? own.get().appliesTo(ref.type())
        : rs.numeric ? builtIn.get().appliesToNumeric() : builtIn.get().appliesToCategorical();
    if (!applies) {
      return untested(name, ref.type(), role, refNulls, curNulls, own.map(DriftTest::name)
          .orElseGet(() -> builtIn.get().name()) + " does not apply to " + ref.type() + " columns");
    }
    String note = rs.nonFinite + cur.nonFinite > 0
        ? "left out NaN/infinite values: " + rs.nonFinite + " in reference, " + cur.nonFinite + " in current" : "";
    double effect;
    Measured measured;
    try {
      if (rs.numeric) {
        double[] p = ref.bins().referenceProportions();
        double[] q = ref.bins().proportionsOfSorted(cur.sorted);
        effect = Distances.jensenShannon(p, q);
        measured = own.isPresent() ? custom(own.get(), ref.column(), current)
            : numeric(name, builtIn.get(), ref, cur, p, q);
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
        measured = own.isPresent() ? custom(own.get(), ref.column(), current)
            : categorical(name, builtIn.get(), a, b, p, q);
      }
    } catch (IllegalArgumentException e) {
      return untested(name, ref.type(), role, refNulls, curNulls, e.getMessage());
    }
    DriftStatistic statistic = measured.statistic();
    DriftScore score = new DriftScore(measured.name(), builtIn, statistic.value(),
        statistic.pValue(), measured.threshold(), new DriftScore.SampleSizes(rs.compared(), cur.compared()));
    return new ColumnDrift(name, ref.type(), role, new ColumnDrift.NullFractions(refNulls, curNulls),
        new ColumnDrift.Tested(score, statistic.pValue(), effect, note));
  }

  /** A statistic with the name and threshold of the method that measured it. */
  private record Measured(String name, DriftStatistic statistic, double threshold) {}

  private static Measured custom(DriftTest test, Column reference, Column current) {
    DriftStatistic s = requireNonNull(test.measure(reference, current),
        () -> "test " + test.name() + " returned null for column '" + reference.name() + "'");
    return new Measured(test.name(), s, test.threshold());
  }

  /** @throws IllegalArgumentException if the method cannot take the samples, or has no threshold */
  private Measured numeric(String name, DriftMethod method, Prepared ref, ColumnSample cur, double[] p, double[] q) {
    ColumnSample rs = ref.sample();
    double threshold = options.thresholdFor(name, method);
    DriftStatistic s = switch (method) {
      case KOLMOGOROV_SMIRNOV -> test(TwoSample.kolmogorovSmirnovSorted(rs.sorted, cur.sorted));
      case MANN_WHITNEY -> test(TwoSample.mannWhitney(rs.sorted, cur.sorted));
      case CRAMER_VON_MISES -> test(TwoSample.cramerVonMises(rs.sorted, cur.sorted));
      case ANDERSON_DARLING -> test(TwoSample.andersonDarling(rs.sorted, cur.sorted));
      case WASSERSTEIN -> DriftStatistic.distance(TwoSample.cdfDistance(rs.sorted, cur.sorted, 1));
      case WASSERSTEIN_NORMED -> {
        double w = TwoSample.cdfDistance(rs.sorted, cur.sorted, 1);
        yield DriftStatistic.distance(ref.stddev() > 0 ? w / ref.stddev() : w == 0 ? 0 : Double.POSITIVE_INFINITY);
      }
      case ENERGY_DISTANCE -> DriftStatistic.distance(Math.sqrt(2 * TwoSample.cdfDistance(rs.sorted, cur.sorted, 2)));
      default -> DriftStatistic.distance(distance(method, p, q));
    };
    return new Measured(method.name(), s, threshold);
  }

  /** @throws IllegalArgumentException if the method has no threshold */
  private Measured categorical(String name, DriftMethod method, long[] a, long[] b, double[] p, double[] q) {
    double threshold = options.thresholdFor(name, method);
    DriftStatistic s = switch (method) {
      case CHI_SQUARE -> test(CategoricalDrift.chiSquare(a, b));
      case G_TEST -> test(CategoricalDrift.gTest(a, b));
      default -> DriftStatistic.distance(distance(method, p, q));
    };
    return new Measured(method.name(), s, threshold);
  }

  private static DriftStatistic test(TestResult r) {
    return DriftStatistic.withPValue(r.statistic(), r.pValue());
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

  /** Applies the multiple-testing correction to the scores with a p-value and recomputes their verdicts. */
  private List<ColumnDrift> correct(List<ColumnDrift> results) {
    List<Integer> tests = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ColumnDrift c = results.get(i);
      if (c.findScore().filter(s -> s.pValue().isPresent()).isPresent()) {
        tests.add(i);
      }
    }
    double[] p = new double[tests.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = results.get(tests.get(i)).score().pValue().getAsDouble();
    }
    double[] adjusted = Corrections.adjust(p, options.correction());
    List<ColumnDrift> out = new ArrayList<>(results);
    for (int i = 0; i < p.length; i++) {
      ColumnDrift c = results.get(tests.get(i));
      ColumnDrift.Tested t = (ColumnDrift.Tested) c.outcome();
      out.set(tests.get(i), new ColumnDrift(c.column(), c.type(), c.role(), c.nullFractions(),
          new ColumnDrift.Tested(t.score(), OptionalDouble.of(adjusted[i]), t.effect(), t.note())));
    }
    return out;
  }
}
