package dev.mlops.core.schema;

import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.schema.FieldSpec;
import dev.mlops.api.schema.InferenceOptions;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.internal.ArrayBacked;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Infers a schema from reference data (see {@link Schemas#of(Table, InferenceOptions)}). */
final class SchemaInference {
  private SchemaInference() {}

  static Schema infer(Table table, InferenceOptions options) {
    Schema.Builder schema = Schema.builder();
    for (Column column : table.columns()) {
      FieldSpec.Builder f = FieldSpec.builder(column.name(), column.type());
      int n = column.size();
      int nulls = column.nullCount();
      if (n > 0) {
        double observed = (double) nulls / n;
        f.maxNullFraction(nulls == 0 ? 0 : Math.min(1.0, observed + options.nullSlack()));
      }
      if (column instanceof NumericColumn num) {
        numeric(f, num, options);
      } else if (column instanceof CategoricalColumn cat) {
        categorical(f, cat, options);
      }
      schema.field(f.build());
    }
    return schema.build();
  }

  private static void numeric(FieldSpec.Builder f, NumericColumn column, InferenceOptions options) {
    double[] v = ArrayBacked.doubles(column);
    int n = column.size();
    boolean hasNulls = column.nullCount() > 0;
    long nan = 0;
    long inf = 0;
    boolean posInf = false;
    boolean negInf = false;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int finite = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x != x) {
        if (!(hasNulls && column.isNull(i))) {
          nan++;
        }
      } else if (Double.isInfinite(x)) {
        inf++;
        posInf |= x > 0;
        negInf |= x < 0;
      } else {
        finite++;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    if (nan == 0) {
      f.noNaN();
    }
    if (inf == 0) {
      f.noInfinity();
    }
    if (options.inferRanges() && finite > 0) {
      double slack = (max - min) * options.rangeSlack();
      double lo = min - slack;
      double hi = max + slack;
      if (min >= 0 && lo < 0) {
        lo = 0;
      }
      if (column.isIntegral()) {
        lo = Math.floor(lo);
        hi = Math.ceil(hi);
      }
      // infinities seen in the reference stay inside the range
      f.between(negInf ? Double.NEGATIVE_INFINITY : lo, posInf ? Double.POSITIVE_INFINITY : hi);
    }
    if (column.isIntegral() && finite >= options.minRowsForUnique() && inf == 0 && nan == 0) {
      double[] sorted = new double[finite];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(v[i])) {
          sorted[k++] = v[i];
        }
      }
      Arrays.sort(sorted);
      boolean distinct = true;
      for (int i = 1; i < sorted.length && distinct; i++) {
        distinct = sorted[i] != sorted[i - 1];
      }
      if (distinct) {
        f.unique();
      }
    }
  }

  private static void categorical(FieldSpec.Builder f, CategoricalColumn column, InferenceOptions options) {
    int[] codes = ArrayBacked.codes(column);
    int[] counts = new int[column.dictionarySize()];
    int present = 0;
    for (int i = 0; i < column.size(); i++) {
      if (codes[i] >= 0) {
        counts[codes[i]]++;
        present++;
      }
    }
    Set<String> values = new LinkedHashSet<>();
    boolean allDistinct = true;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        values.add(column.dictionaryValue(c));
        allDistinct &= counts[c] == 1;
      }
    }
    if (!values.isEmpty() && values.size() <= options.maxDomainSize() && values.size() * 2 <= present) {
      f.domain(values, options.domainMostly());
    }
    if (allDistinct && present >= options.minRowsForUnique()) {
      f.unique();
    }
  }
}
