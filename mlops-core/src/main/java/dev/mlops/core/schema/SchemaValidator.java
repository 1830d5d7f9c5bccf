package dev.mlops.core.schema;

import com.google.re2j.Matcher;
import dev.mlops.api.common.Severity;
import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.data.TimestampColumn;
import dev.mlops.api.schema.FieldConstraint;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.TableConstraint;
import dev.mlops.api.schema.UnexpectedColumns;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Violation;
import dev.mlops.api.schema.ViolationKind;
import dev.mlops.core.internal.ArrayBacked;
import dev.mlops.core.internal.Quantiles;
import dev.mlops.core.internal.Welford;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a table against a schema: one scan per column that checks all of that field's
 * row-level constraints at once, then the aggregate and table-level constraints. Never throws on
 * bad data; every problem becomes a {@link Violation}.
 */
final class SchemaValidator {
  private final Table table;
  private final Schema schema;
  private final ValidationOptions options;
  private final List<FieldPlan> plans;
  private final List<Violation> violations = new ArrayList<>();
  private final BitSet errorRows = new BitSet();
  private final BitSet warningRows = new BitSet();

  SchemaValidator(Table table, CompiledValidator validator) {
    this.table = table;
    this.schema = validator.schema();
    this.options = validator.options();
    this.plans = validator.plans();
  }

  ValidationReport run() {
    for (FieldPlan plan : plans) {
      FieldSpec field = plan.field;
      if (!table.hasColumn(field.name())) {
        if (field.required() && !field.absentIn().contains(options.environment())) {
          report(ViolationKind.MISSING_COLUMN, field.name(), "required field", Severity.ERROR, 1, 0,
              "a column '" + field.name() + "' of type " + field.type(),
              "no such column; columns are " + table.columnNames(), null);
        }
        continue;
      }
      validateField(plan, table.column(field.name()));
    }
    if (schema.unexpectedColumns() != UnexpectedColumns.IGNORE) {
      Severity severity = schema.unexpectedColumns() == UnexpectedColumns.ERROR ? Severity.ERROR : Severity.WARNING;
      for (Column c : table.columns()) {
        if (schema.findField(c.name()).isEmpty()) {
          report(ViolationKind.UNEXPECTED_COLUMN, c.name(), "unexpected columns " + schema.unexpectedColumns(),
              severity, 1, 0, "only the schema's fields", "a " + c.type() + " column not in the schema", null);
        }
      }
    }
    for (TableConstraint c : schema.tableConstraints()) {
      validateTable(c);
    }
    return new ValidationReport(schema.name(), options.environment(), table.rowCount(), violations, errorRows,
        warningRows);
  }

  // ---------------------------------------------------------------- reporting

  private void report(ViolationKind kind, String field, String rule, Severity declared, long failing, long checked,
      String expected, String actual, Finding rows) {
    Severity severity = options.severityPolicy().apply(declared);
    List<Violation.Example> examples = rows == null ? List.of() : rows.examples;
    violations.add(new Violation(kind, field, rule, severity, new Violation.Counts(failing, checked),
        new Violation.Evidence(expected, actual, examples)));
    if (rows != null) {
      (severity == Severity.ERROR ? errorRows : warningRows).or(rows.rows);
    }
  }

  private void reportRows(ViolationKind kind, String field, String rule, Severity declared, long checked,
      String expected, String actualPrefix, Finding finding) {
    report(kind, field, rule, declared, finding.count, checked, expected,
        actualPrefix + finding.count + " of " + checked, finding);
  }

  private void checkDistinct(String field, FieldConstraint.MaxDistinct maxDistinct, long distinct, String values) {
    if (maxDistinct != null && distinct > maxDistinct.max()) {
      report(ViolationKind.TOO_MANY_DISTINCT, field, "max distinct " + maxDistinct.max(), maxDistinct.severity(),
          1, 1, "at most " + maxDistinct.max() + " distinct " + values, distinct + " distinct " + values, null);
    }
  }

  private void reportRepeats(String field, FieldConstraint.Unique unique, long checked, Finding repeats) {
    reportRows(ViolationKind.NOT_UNIQUE, field, "unique", unique.severity(), checked, "no repeated value",
        "rows sharing a value: ", repeats);
  }

  private Finding finding() {
    return new Finding(options.maxExamples());
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static String fmt(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : format(v);
  }

  /**
   * What is wrong with a column statistic (mean, stddev, quantile) that must lie in
   * {@code [min, max]}, or null when it does: out of bounds, or undefined (no finite value; a
   * standard deviation of a single value).
   */
  static String statisticProblem(ViolationKind kind, String what, double value, double min, double max, long n) {
    if (Double.isNaN(value)) {
      return n == 0 || kind == ViolationKind.STDDEV_OUT_OF_RANGE
          ? "no " + what + ": " + n + " finite value" + (n == 1 ? "" : "s") : null;
    }
    return value < min || value > max ? what + " " + value + " over " + n + " finite values" : null;
  }

  // ---------------------------------------------------------------- fields

  private void validateField(FieldPlan plan, Column column) {
    FieldSpec field = plan.field;
    if (!typeMatches(field.type(), column)) {
      report(ViolationKind.TYPE_MISMATCH, field.name(), "type " + field.type(), Severity.ERROR, column.size(),
          column.size(), field.type().toString(), column.type().toString(), null);
      return;
    }
    int n = column.size();
    FieldConstraint.NullFraction nulls = plan.nulls;
    if (nulls != null && n > 0 && (double) column.nullCount() / n > nulls.max()) {
      Finding f = finding();
      for (int i = 0; i < n; i++) {
        if (column.isNull(i)) {
          f.failWithExample(i, null);
        }
      }
      report(ViolationKind.NULL_FRACTION, field.name(), "max null fraction " + format(nulls.max()),
          nulls.severity(), f.count, n, "at most " + format(nulls.max()) + " null",
          String.format(Locale.ROOT, "%d nulls of %d (%.4g)", f.count, n, (double) f.count / n), f);
    }
    if (column instanceof NumericColumn num) {
      new NumericCheck(plan, num).run();
    } else if (column instanceof CategoricalColumn cat) {
      new CategoricalCheck(plan, cat).run();
    } else {
      validateOther(plan, column);
    }
  }

  private static boolean typeMatches(ColumnType expected, Column column) {
    ColumnType actual = column.type();
    if (expected.isNumeric()) {
      // An INTEGRAL field accepts a NUMERIC column whose values are whole: that is checked per value.
      return actual.isNumeric();
    }
    return expected == actual;
  }

  /** Boolean and timestamp columns: uniqueness and distinct count. */
  private void validateOther(FieldPlan plan, Column column) {
    FieldSpec field = plan.field;
    FieldConstraint.Unique unique = plan.unique;
    FieldConstraint.MaxDistinct maxDistinct = plan.maxDistinct;
    if (unique == null && maxDistinct == null) {
      return;
    }
    int n = column.size();
    long[] keys = new long[n - column.nullCount()];
    int[] rows = new int[keys.length];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!column.isNull(i)) {
        rows[k] = i;
        keys[k++] = column instanceof BooleanColumn b ? (b.getBoolean(i) ? 1 : 0) : ((TimestampColumn) column).getEpochMicros(i);
      }
    }
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    long distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    checkDistinct(field.name(), maxDistinct, distinct, "values");
    if (unique != null && distinct < sorted.length) {
      Finding f = finding();
      Set<Long> repeated = new HashSet<>();
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i] == sorted[i - 1]) {
          repeated.add(sorted[i]);
        }
      }
      for (int i = 0; i < keys.length; i++) {
        if (repeated.contains(keys[i])) {
          f.failWithExample(rows[i], String.valueOf(column.get(rows[i])));
        }
      }
      reportRepeats(field.name(), unique, keys.length, f);
    }
  }

  /** All row-level numeric checks in one pass over the primitive values. */
  private final class NumericCheck {
    private final FieldPlan plan;
    private final FieldSpec field;
    private final NumericColumn column;

    NumericCheck(FieldPlan plan, NumericColumn column) {
      this.plan = plan;
      this.field = plan.field;
      this.column = column;
    }

    void run() {
      double[] v = ArrayBacked.doubles(column);
      int n = column.size();
      boolean hasNulls = column.nullCount() > 0;
      FieldConstraint.NoNaN noNaN = plan.noNaN;
      FieldConstraint.NoInfinity noInf = plan.noInfinity;
      FieldConstraint.Range range = plan.range;
      boolean wholeCheck = field.type() == ColumnType.INTEGRAL && !column.isIntegral();
      // Exclusive bounds become inclusive ones on the neighbouring double: x > lo <=> x >= nextUp(lo).
      double lo = range == null ? Double.NEGATIVE_INFINITY : range.minInclusive() ? range.min() : Math.nextUp(range.min());
      double hi = range == null ? Double.POSITIVE_INFINITY : range.maxInclusive() ? range.max() : Math.nextDown(range.max());
      // Pass 1: counts only, no branch on a constraint inside the loop. Null rows hold NaN.
      long nanOrNull = 0;
      long outside = 0;
      long infinite = 0;
      long fractional = 0;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (x != x) {
          nanOrNull++;
        } else {
          if (!(x >= lo && x <= hi)) {
            outside++;
          }
          if (x - x != 0) {
            infinite++;
          } else if (wholeCheck && x != Math.rint(x)) {
            fractional++;
          }
        }
      }
      long nanCount = nanOrNull - column.nullCount();
      long checkedForRange = n - nanOrNull;
      long finite = checkedForRange - infinite;
      long present = n - column.nullCount();
      boolean reportNaN = noNaN != null && nanCount > 0;
      boolean reportInf = noInf != null && infinite > 0;
      boolean reportRange = range != null && outside > 0;
      if (reportNaN || reportInf || reportRange || fractional > 0) {
        // Pass 2, only when something failed: the rows and examples.
        Finding nan = finding();
        Finding inf = finding();
        Finding out = finding();
        Finding notWhole = finding();
        for (int i = 0; i < n; i++) {
          double x = v[i];
          if (x != x) {
            if (reportNaN && !(hasNulls && column.isNull(i))) {
              nan.failWithExample(i, "NaN");
            }
            continue;
          }
          if (reportRange && !(x >= lo && x <= hi)) {
            out.failWithExample(i, fmt(x));
          }
          if (x - x != 0) {
            if (reportInf) {
              inf.failWithExample(i, fmt(x));
            }
          } else if (fractional > 0 && x != Math.rint(x)) {
            notWhole.failWithExample(i, fmt(x));
          }
        }
        if (fractional > 0) {
          reportRows(ViolationKind.TYPE_MISMATCH, field.name(), "type INTEGRAL", Severity.ERROR, finite,
              "whole numbers", "fractional values: ", notWhole);
        }
        if (reportNaN) {
          reportRows(ViolationKind.NAN, field.name(), "no NaN", noNaN.severity(), present, "no NaN", "NaN values: ", nan);
        }
        if (reportInf) {
          reportRows(ViolationKind.INFINITE, field.name(), "no infinity", noInf.severity(), present,
              "finite values", "infinite values: ", inf);
        }
        if (reportRange) {
          reportRows(ViolationKind.OUT_OF_RANGE, field.name(), "range " + range, range.severity(), checkedForRange,
              "values in " + range, "values outside: ", out);
        }
      }
      aggregates(v, n, hasNulls, finite, nanCount);
    }

    /** Mean, standard deviation, quantiles, distinct count and uniqueness over the finite values. */
    private void aggregates(double[] v, int n, boolean hasNulls, long finite, long nanCount) {
      FieldConstraint.MeanBetween mean = plan.mean;
      FieldConstraint.StddevBetween sd = plan.stddev;
      List<FieldConstraint.QuantileBetween> quantiles = plan.quantiles;
      FieldConstraint.Unique unique = plan.unique;
      FieldConstraint.MaxDistinct maxDistinct = plan.maxDistinct;
      if (mean != null || sd != null) {
        Welford moments = new Welford();
        for (int i = 0; i < n; i++) {
          double x = v[i];
          if (x - x == 0) {
            moments.add(x);
          }
        }
        long k = moments.count();
        if (mean != null) {
          checkStatistic(ViolationKind.MEAN_OUT_OF_RANGE, "mean", moments.mean(), mean.min(), mean.max(),
              mean.severity(), k);
        }
        if (sd != null) {
          checkStatistic(ViolationKind.STDDEV_OUT_OF_RANGE, "stddev", moments.sampleStddev(), sd.min(), sd.max(),
              sd.severity(), k);
        }
      }
      if (quantiles.isEmpty() && unique == null && maxDistinct == null) {
        return;
      }
      if (quantiles.isEmpty() && denseWholeNumbers(v, n, finite, unique, maxDistinct)) {
        return;
      }
      double[] sorted = new double[(int) finite];
      int k = 0;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (x - x == 0) {
          sorted[k++] = x == 0.0 ? 0.0 : x;
        }
      }
      Arrays.sort(sorted);
      for (FieldConstraint.QuantileBetween q : quantiles) {
        checkStatistic(ViolationKind.QUANTILE_OUT_OF_RANGE, "quantile " + format(q.q()), Quantiles.linear(sorted, q.q()),
            q.min(), q.max(), q.severity(), finite);
      }
      if (unique == null && maxDistinct == null) {
        return;
      }
      long distinct = 0;
      Set<Double> repeated = new HashSet<>();
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          distinct++;
        } else {
          repeated.add(sorted[i]);
        }
      }
      checkDistinct(field.name(), maxDistinct, distinct, "finite values");
      if (unique != null && !repeated.isEmpty()) {
        Finding f = finding();
        for (int i = 0; i < n; i++) {
          double x = v[i];
          if (x - x == 0 && repeated.contains(x == 0.0 ? 0.0 : x)) {
            f.failWithExample(i, fmt(x));
          }
        }
        reportRepeats(field.name(), unique, finite, f);
      }
    }

    /**
     * Distinct count and uniqueness without sorting when the finite values are whole numbers in a
     * span of at most 8 per value (identifiers, counts, codes): a bitset over the span finds
     * repeats in two linear passes. Returns false, having done nothing, for other data.
     */
    private boolean denseWholeNumbers(double[] v, int n, long finite, FieldConstraint.Unique unique,
        FieldConstraint.MaxDistinct maxDistinct) {
      if (finite == 0) {
        return false;
      }
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (x - x == 0) {
          if (x != Math.rint(x)) {
            return false;
          }
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      double span = hi - lo + 1;
      if (span > 8.0 * finite + 64 || span > Integer.MAX_VALUE - 64) {
        return false;
      }
      BitSet seen = new BitSet((int) span);
      BitSet repeated = new BitSet();
      long distinct = 0;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (x - x == 0) {
          int k = (int) (x - lo);
          if (seen.get(k)) {
            repeated.set(k);
          } else {
            seen.set(k);
            distinct++;
          }
        }
      }
      checkDistinct(field.name(), maxDistinct, distinct, "finite values");
      if (unique != null && !repeated.isEmpty()) {
        Finding f = finding();
        for (int i = 0; i < n; i++) {
          double x = v[i];
          if (x - x == 0 && repeated.get((int) (x - lo))) {
            f.failWithExample(i, fmt(x));
          }
        }
        reportRepeats(field.name(), unique, finite, f);
      }
      return true;
    }

    private void checkStatistic(ViolationKind kind, String what, double value, double min, double max,
        Severity severity, long n) {
      String problem = statisticProblem(kind, what, value, min, max, n);
      if (problem != null) {
        String rule = what + " in [" + fmt(min) + ", " + fmt(max) + "]";
        report(kind, field.name(), rule, severity, 1, 1, rule, problem, null);
      }
    }
  }

  /** All categorical checks: each dictionary entry is judged once, then the codes are scanned. */
  private final class CategoricalCheck {
    private static final int DOMAIN = 1;
    private static final int PATTERN = 2;
    private static final int LENGTH = 4;
    private static final int REPEATED = 8;

    private final FieldPlan plan;
    private final FieldSpec field;
    private final CategoricalColumn column;

    CategoricalCheck(FieldPlan plan, CategoricalColumn column) {
      this.plan = plan;
      this.field = plan.field;
      this.column = column;
    }

    void run() {
      FieldConstraint.Domain domain = plan.domain;
      FieldConstraint.Pattern pattern = plan.pattern;
      FieldConstraint.Length length = plan.length;
      FieldConstraint.Unique unique = plan.unique;
      FieldConstraint.MaxDistinct maxDistinct = plan.maxDistinct;
      if (domain == null && pattern == null && length == null && unique == null && maxDistinct == null) {
        return;
      }
      int[] codes = ArrayBacked.codes(column);
      int n = column.size();
      int d = column.dictionarySize();
      int[] counts = new int[d];
      for (int i = 0; i < n; i++) {
        int c = codes[i];
        if (c >= 0) {
          counts[c]++;
        }
      }
      byte[] flags = new byte[d];
      // The pattern was compiled with the validator; a matcher is cheap and not shareable between threads.
      Matcher matcher = pattern == null ? null : plan.compiledPattern.matcher("");
      long present = 0;
      long outOfDomain = 0;
      long distinct = 0;
      for (int c = 0; c < d; c++) {
        if (counts[c] == 0) {
          continue;
        }
        distinct++;
        present += counts[c];
        String s = column.dictionaryValue(c);
        if (domain != null && !domain.values().contains(s)) {
          flags[c] |= DOMAIN;
          outOfDomain += counts[c];
        }
        if (matcher != null && !matcher.reset(s).matches()) {
          flags[c] |= PATTERN;
        }
        if (length != null) {
          int len = s.codePointCount(0, s.length());
          if (len < length.min() || len > length.max()) {
            flags[c] |= LENGTH;
          }
        }
        if (unique != null && counts[c] > 1) {
          flags[c] |= REPEATED;
        }
      }
      checkDistinct(field.name(), maxDistinct, distinct, "values");
      boolean domainFails = domain != null && present > 0 && (double) (present - outOfDomain) / present < domain.mostly();
      int active = (domainFails ? DOMAIN : 0) | (pattern != null ? PATTERN : 0) | (length != null ? LENGTH : 0)
          | (unique != null ? REPEATED : 0);
      boolean any = false;
      for (int c = 0; c < d && !any; c++) {
        any = (flags[c] & active) != 0;
      }
      if (!any) {
        return;
      }
      Finding inDomain = finding();
      Finding badPattern = finding();
      Finding badLength = finding();
      Finding repeated = finding();
      for (int i = 0; i < n; i++) {
        int c = codes[i];
        if (c < 0) {
          continue;
        }
        int f = flags[c] & active;
        if (f == 0) {
          continue;
        }
        if ((f & DOMAIN) != 0) {
          inDomain.failWithExample(i, column.dictionaryValue(c));
        }
        if ((f & PATTERN) != 0) {
          badPattern.failWithExample(i, column.dictionaryValue(c));
        }
        if ((f & LENGTH) != 0) {
          badLength.failWithExample(i, column.dictionaryValue(c));
        }
        if ((f & REPEATED) != 0) {
          repeated.failWithExample(i, column.dictionaryValue(c));
        }
      }
      if (domainFails) {
        report(ViolationKind.NOT_IN_DOMAIN, field.name(), "domain " + sortedDomain(domain)
                + (domain.mostly() < 1 ? " mostly " + format(domain.mostly()) : ""), domain.severity(),
            inDomain.count, present, "at least " + format(domain.mostly()) + " of values in the domain",
            String.format(Locale.ROOT, "%d of %d outside (in-domain share %.4g)", inDomain.count, present,
                (double) (present - inDomain.count) / present), inDomain);
      }
      if (badPattern.count > 0) {
        reportRows(ViolationKind.PATTERN_MISMATCH, field.name(), "pattern " + pattern.regex(), pattern.severity(),
            present, "values matching /" + pattern.regex() + "/", "values not matching: ", badPattern);
      }
      if (badLength.count > 0) {
        reportRows(ViolationKind.LENGTH_OUT_OF_RANGE, field.name(), "length [" + length.min() + ", " + length.max() + "]",
            length.severity(), present, length.min() + " to " + length.max() + " characters",
            "values of another length: ", badLength);
      }
      if (repeated.count > 0) {
        reportRepeats(field.name(), unique, present, repeated);
      }
    }

    private String sortedDomain(FieldConstraint.Domain domain) {
      List<String> values = new ArrayList<>(domain.values());
      values.sort(null);
      return values.size() <= 10 ? values.toString() : values.subList(0, 10) + "... (" + values.size() + " values)";
    }
  }

  // ---------------------------------------------------------------- table constraints

  private void validateTable(TableConstraint constraint) {
    if (constraint instanceof TableConstraint.RowCount rc) {
      int rows = table.rowCount();
      if (rows < rc.min() || rows > rc.max()) {
        report(ViolationKind.ROW_COUNT, "", "row count [" + rc.min() + ", " + rc.max() + "]", rc.severity(), 1, 1,
            rc.min() + " to " + rc.max() + " rows", rows + " rows", null);
      }
    } else if (constraint instanceof TableConstraint.UniqueTogether u) {
      uniqueTogether(u);
    } else if (constraint instanceof TableConstraint.Compare cmp) {
      compare(cmp);
    } else if (constraint instanceof TableConstraint.RowRule rule) {
      rowRule(rule);
    } else if (constraint instanceof TableConstraint.ColumnRule rule) {
      columnRule(rule);
    }
  }

  private boolean present(List<String> fields) {
    for (String f : fields) {
      if (!table.hasColumn(f)) {
        return false;
      }
    }
    return true;
  }

  private void uniqueTogether(TableConstraint.UniqueTogether u) {
    if (!present(u.fields())) {
      return;
    }
    Column[] columns = u.fields().stream().map(table::column).toArray(Column[]::new);
    Map<List<Object>, Integer> first = new HashMap<>();
    BitSet repeatedRows = new BitSet();
    long checked = 0;
    rows:
    for (int i = 0; i < table.rowCount(); i++) {
      Object[] key = new Object[columns.length];
      for (int c = 0; c < columns.length; c++) {
        Object value = columns[c].get(i);
        if (value == null || (value instanceof Double d && d.isNaN())) {
          continue rows;
        }
        key[c] = value instanceof Double d && d == 0.0 ? (Object) 0.0 : value;
      }
      checked++;
      Integer before = first.putIfAbsent(Arrays.asList(key), i);
      if (before != null) {
        repeatedRows.set(before);
        repeatedRows.set(i);
      }
    }
    if (repeatedRows.isEmpty()) {
      return;
    }
    Finding f = finding();
    String joined = String.join(", ", u.fields());
    repeatedRows.stream().forEach(row -> {
      if (f.fail(row)) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
          sb.append(c == 0 ? "" : ", ").append(columns[c].get(row));
        }
        f.example(row, sb.toString());
      }
    });
    reportRows(ViolationKind.NOT_UNIQUE, joined, "unique together (" + joined + ")", u.severity(), checked,
        "no repeated combination", "rows sharing a combination: ", f);
  }

  private void compare(TableConstraint.Compare cmp) {
    if (!present(List.of(cmp.left(), cmp.right()))) {
      return;
    }
    Column left = table.column(cmp.left());
    Column right = table.column(cmp.right());
    String rule = cmp.name() + " (" + cmp.left() + " " + cmp.op().symbol() + " " + cmp.right() + ")";
    String field = cmp.left() + ", " + cmp.right();
    boolean sameKind = (left.type().isNumeric() && right.type().isNumeric()) || left.type() == right.type();
    if (!sameKind) {
      report(ViolationKind.TYPE_MISMATCH, field, rule, Severity.ERROR, 1, 1, "two columns of one kind",
          left.type() + " and " + right.type(), null);
      return;
    }
    Finding f = finding();
    long checked = 0;
    for (int i = 0; i < table.rowCount(); i++) {
      if (left.isNull(i) || right.isNull(i)) {
        continue;
      }
      int c;
      if (left instanceof NumericColumn l) {
        double a = l.getDouble(i);
        double b = ((NumericColumn) right).getDouble(i);
        if (Double.isNaN(a) || Double.isNaN(b)) {
          continue;
        }
        c = Double.compare(a == 0.0 ? 0.0 : a, b == 0.0 ? 0.0 : b);
      } else if (left instanceof TimestampColumn l) {
        c = Long.compare(l.getEpochMicros(i), ((TimestampColumn) right).getEpochMicros(i));
      } else if (left instanceof BooleanColumn l) {
        c = Boolean.compare(l.getBoolean(i), ((BooleanColumn) right).getBoolean(i));
      } else {
        c = ((CategoricalColumn) left).getString(i).compareTo(((CategoricalColumn) right).getString(i));
      }
      checked++;
      if (!cmp.op().holds(c) && f.fail(i)) {
        f.example(i, render(left, i) + " " + cmp.op().symbol() + " " + render(right, i));
      }
    }
    if (f.count > 0) {
      reportRows(ViolationKind.CROSS_COLUMN, field, rule, cmp.severity(), checked,
          cmp.left() + " " + cmp.op().symbol() + " " + cmp.right(), "rows breaking it: ", f);
    }
  }

  private void rowRule(TableConstraint.RowRule rule) {
    Finding f = finding();
    long threw = 0;
    RuntimeException firstThrown = null;
    for (int i = 0; i < table.rowCount(); i++) {
      boolean ok;
      try {
        ok = rule.predicate().test(table, i);
      } catch (RuntimeException e) {
        ok = false;
        threw++;
        if (firstThrown == null) {
          firstThrown = e;
        }
      }
      if (!ok) {
        f.failWithExample(i, "row " + i);
      }
    }
    if (f.count > 0) {
      String actual = "rows failing: " + f.count + " of " + table.rowCount()
          + (threw > 0 ? " (the predicate threw on " + threw + ", first " + firstThrown + ")" : "");
      report(ViolationKind.ROW_PREDICATE, "", rule.name(), rule.severity(), f.count, table.rowCount(),
          "every row passes '" + rule.name() + "'", actual, f);
    }
  }

  private void columnRule(TableConstraint.ColumnRule rule) {
    if (!table.hasColumn(rule.field())) {
      return;
    }
    String actual;
    try {
      if (rule.predicate().test(table.column(rule.field()))) {
        return;
      }
      actual = "the column fails it";
    } catch (RuntimeException e) {
      actual = "the predicate threw " + e;
    }
    report(ViolationKind.COLUMN_PREDICATE, rule.field(), rule.name(), rule.severity(), 1, 1,
        "the column passes '" + rule.name() + "'", actual, null);
  }

  private static String render(Column column, int row) {
    if (column instanceof NumericColumn n) {
      return fmt(n.getDouble(row));
    }
    return String.valueOf(column.get(row));
  }
}
