package dev.mlops.core.schema;

import dev.mlops.api.schema.Violation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The failing rows of one row-level check, gathered during a scan. */
final class Finding {
  private final int maxExamples;
  long count;
  final List<Violation.Example> examples = new ArrayList<>();
  final BitSet rows = new BitSet();

  Finding(int maxExamples) {
    this.maxExamples = maxExamples;
  }

  /** Records a failing row; returns whether the caller should add an example for it. */
  boolean fail(int row) {
    count++;
    rows.set(row);
    return examples.size() < maxExamples;
  }

  void example(int row, String value) {
    examples.add(new Violation.Example(row, value));
  }

  void failWithExample(int row, String value) {
    if (fail(row)) {
      example(row, value);
    }
  }
}
