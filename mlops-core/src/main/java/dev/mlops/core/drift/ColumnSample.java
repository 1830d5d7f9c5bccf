package dev.mlops.core.drift;

import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.TimestampColumn;
import dev.mlops.core.internal.ArrayBacked;
import dev.mlops.core.internal.DoubleSort;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comparable values of one column: sorted finite numbers (numeric and timestamp columns), or
 * counts per category (categorical and boolean columns); nulls and non-finite numbers are counted
 * apart.
 */
final class ColumnSample {
  final String name;
  final ColumnType type;
  final boolean numeric;
  final int size;
  final int nulls;
  /** Numeric: NaN and infinities left out of the comparison. */
  final int nonFinite;
  /** Numeric: the finite values, ascending. */
  final double[] sorted;
  /** Categorical: count per category, in first-seen order. */
  final Map<String, Long> counts;

  private ColumnSample(Column column, boolean numeric, int size, int nulls, int nonFinite, double[] sorted,
      Map<String, Long> counts) {
    this.name = column.name();
    this.type = column.type();
    this.numeric = numeric;
    this.size = size;
    this.nulls = nulls;
    this.nonFinite = nonFinite;
    this.sorted = sorted;
    this.counts = counts;
  }

  static ColumnSample of(Column column) {
    int n = column.size();
    int nulls = column.nullCount();
    if (column instanceof NumericColumn num) {
      double[] v = ArrayBacked.doubles(num);
      double[] finite = new double[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        double x = v[i];
        if (x - x == 0) {
          finite[k++] = x;
        }
      }
      double[] sorted = Arrays.copyOf(finite, k);
      DoubleSort.sort(sorted);
      return new ColumnSample(column, true, n, nulls, n - nulls - k, sorted, null);
    }
    if (column instanceof TimestampColumn ts) {
      double[] values = new double[n - nulls];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (!ts.isNull(i)) {
          values[k++] = ts.getEpochMicros(i);
        }
      }
      DoubleSort.sort(values);
      return new ColumnSample(column, true, n, nulls, 0, values, null);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    if (column instanceof CategoricalColumn cat) {
      long[] byCode = new long[cat.dictionarySize()];
      int[] codes = ArrayBacked.codes(cat);
      for (int i = 0; i < n; i++) {
        if (codes[i] >= 0) {
          byCode[codes[i]]++;
        }
      }
      for (int c = 0; c < byCode.length; c++) {
        if (byCode[c] > 0) {
          counts.put(cat.dictionaryValue(c), byCode[c]);
        }
      }
    } else {
      BooleanColumn b = (BooleanColumn) column;
      long trues = b.trueCount();
      long falses = n - nulls - trues;
      if (falses > 0) {
        counts.put("false", falses);
      }
      if (trues > 0) {
        counts.put("true", trues);
      }
    }
    return new ColumnSample(column, false, n, nulls, 0, null, counts);
  }

  /** Values compared: finite numbers, or non-null categories. */
  long compared() {
    return numeric ? sorted.length : size - nulls;
  }

  double nullFraction() {
    return size == 0 ? 0 : (double) nulls / size;
  }
}
