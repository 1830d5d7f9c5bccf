package dev.mlops.core.monitor;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.profile.ColumnProfile;
import dev.mlops.api.profile.TableProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The columns a monitor records: the reference profile's, plus the prediction column if it lacks one. */
final class ColumnLayout {
  static final byte NUMERIC = 0;
  static final byte CATEGORICAL = 1;
  static final byte BOOLEAN = 2;
  static final byte TIMESTAMP = 3;

  /** Every recorded column and its type, in recording order (the accumulators' column indices). */
  final Map<String, ColumnType> columns;
  final String[] names;
  /** Per column, one of the kinds above: how a value is read. */
  final byte[] kinds;
  final int predictionIndex;
  /** Whether the reference profile has the prediction column (so the scores are tested for drift). */
  final boolean predictionMonitored;
  /** The reference profile's columns, without a prediction column the monitor added. */
  final List<String> referenceColumns;

  ColumnLayout(TableProfile reference, String predictionColumn) {
    Map<String, ColumnType> all = new LinkedHashMap<>();
    for (ColumnProfile c : reference.columns()) {
      all.put(c.name(), c.type());
    }
    referenceColumns = List.copyOf(all.keySet());
    predictionMonitored = all.containsKey(predictionColumn);
    if (!predictionMonitored) {
      all.put(predictionColumn, ColumnType.NUMERIC);
    }
    columns = Collections.unmodifiableMap(all);
    names = all.keySet().toArray(new String[0]);
    kinds = new byte[names.length];
    int p = -1;
    for (int i = 0; i < names.length; i++) {
      ColumnType t = all.get(names[i]);
      kinds[i] = t.isNumeric() ? NUMERIC : t == ColumnType.TIMESTAMP ? TIMESTAMP : t == ColumnType.BOOLEAN ? BOOLEAN
          : CATEGORICAL;
      if (names[i].equals(predictionColumn)) {
        p = i;
      }
    }
    if (kinds[p] != NUMERIC) {
      throw new IllegalArgumentException("prediction column '" + predictionColumn + "' is "
          + all.get(predictionColumn) + " in the reference profile; it must be numeric (the score)");
    }
    predictionIndex = p;
  }

  String predictionColumn() {
    return names[predictionIndex];
  }
}
