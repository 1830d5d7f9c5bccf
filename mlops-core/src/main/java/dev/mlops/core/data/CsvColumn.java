package dev.mlops.core.data;

import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Accumulates one CSV column, either with a declared type or inferring one as values arrive
 * (see {@link CsvOptions} for the rules). Widening INTEGRAL to NUMERIC keeps the values read so far;
 * a widening to CATEGORICAL from a typed reading cannot (the original text is gone), so the column
 * is then marked for a second read and stops storing values.
 */
final class CsvColumn {
  /** Raised on a value that does not fit a declared type; the reader adds the location. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  final String name;
  private final ColumnType declared;
  private final ZoneId zone;
  private final NumberText numbers = new NumberText();

  private ColumnType state;
  private int leadingNulls;
  private NumericColumnBuilder numeric;
  private CategoricalColumnBuilder categorical;
  private BooleanColumnBuilder bool;
  private TimestampColumnBuilder timestamp;

  /** True once a typed column had to become categorical: its values must be read again. */
  boolean needsReread;
  /** Line of the value that forced the re-read. */
  long rereadLine;
  /** Type the column had before it was forced to categorical. */
  ColumnType rereadFrom;

  CsvColumn(String name, ColumnType declared, boolean infer, ZoneId zone) {
    this.name = name;
    this.declared = declared != null ? declared : infer ? null : ColumnType.CATEGORICAL;
    this.zone = zone;
    if (this.declared != null) {
      start(this.declared);
    }
  }

  ColumnType type() {
    return state == null ? ColumnType.CATEGORICAL : state;
  }

  void addNull() {
    if (state == null) {
      leadingNulls++;
      return;
    }
    switch (state) {
      case INTEGRAL, NUMERIC -> numeric.addNull();
      case CATEGORICAL -> {
        if (categorical != null) {
          categorical.addNull();
        }
      }
      case BOOLEAN -> bool.addNull();
      case TIMESTAMP -> timestamp.addNull();
    }
  }

  void add(String text, long line) throws Mismatch {
    if (state == null) {
      start(classify(text));
    }
    switch (state) {
      case INTEGRAL -> addIntegral(text, line);
      case NUMERIC -> addNumeric(text, line);
      case CATEGORICAL -> {
        if (categorical != null) {
          categorical.add(text);
        }
      }
      case BOOLEAN -> {
        int b = NumberText.parseBoolean(text);
        if (b >= 0) {
          bool.add(b == 1);
        } else {
          mismatch(text, line, "true or false");
        }
      }
      case TIMESTAMP -> addTimestamp(text, line);
    }
  }

  private void addIntegral(String text, long line) throws Mismatch {
    int kind = numbers.parse(text);
    if (kind == NumberText.WHOLE) {
      numeric.add(numbers.value);
    } else if (kind == NumberText.NONE) {
      mismatch(text, line, "a whole number");
    } else if (declared == ColumnType.INTEGRAL) {
      if (NumericColumnBuilder.isWhole(numbers.value)) {
        numeric.add(numbers.value);
      } else {
        mismatch(text, line, "a whole number");
      }
    } else {
      numeric.widenToNumeric();
      state = ColumnType.NUMERIC;
      numeric.add(numbers.value);
    }
  }

  private void addNumeric(String text, long line) throws Mismatch {
    if (numbers.parse(text) == NumberText.NONE) {
      mismatch(text, line, "a number");
    } else {
      numeric.add(numbers.value);
    }
  }

  private void addTimestamp(String text, long line) throws Mismatch {
    if (Timestamps.looksLikeTimestamp(text)) {
      try {
        timestamp.addEpochMicros(Timestamps.parseToEpochMicros(text, zone));
        return;
      } catch (DateTimeException | ArithmeticException e) {
        // fall through to the mismatch
      }
    }
    mismatch(text, line, "an ISO-8601 date or date-time");
  }

  /** A value does not fit: fail for a declared type, else give up the typed reading. */
  private void mismatch(String text, long line, String expected) throws Mismatch {
    if (declared != null) {
      throw new Mismatch("expected " + declared + " (" + expected + ") but found \"" + abbreviate(text) + "\"");
    }
    needsReread = true;
    rereadLine = line;
    rereadFrom = state;
    state = ColumnType.CATEGORICAL;
    numeric = null;
    bool = null;
    timestamp = null;
    categorical = null;
  }

  private ColumnType classify(String text) {
    if (NumberText.parseBoolean(text) >= 0) {
      return ColumnType.BOOLEAN;
    }
    int kind = numbers.parse(text);
    if (kind == NumberText.WHOLE) {
      return ColumnType.INTEGRAL;
    }
    if (kind == NumberText.REAL) {
      return ColumnType.NUMERIC;
    }
    if (Timestamps.looksLikeTimestamp(text)) {
      try {
        Timestamps.parseToEpochMicros(text, zone);
        return ColumnType.TIMESTAMP;
      } catch (DateTimeException | ArithmeticException e) {
        return ColumnType.CATEGORICAL;
      }
    }
    return ColumnType.CATEGORICAL;
  }

  private void start(ColumnType type) {
    state = type;
    Runnable addNull = switch (type) {
      case INTEGRAL, NUMERIC -> {
        numeric = Columns.numericBuilder(name, 1024).integralIf(type == ColumnType.INTEGRAL);
        yield numeric::addNull;
      }
      case CATEGORICAL -> {
        categorical = Columns.categoricalBuilder(name, 1024);
        yield categorical::addNull;
      }
      case BOOLEAN -> {
        bool = Columns.booleanBuilder(name, 1024);
        yield bool::addNull;
      }
      case TIMESTAMP -> {
        timestamp = Columns.timestampBuilder(name, 1024);
        yield timestamp::addNull;
      }
    };
    for (int i = 0; i < leadingNulls; i++) {
      addNull.run();
    }
    leadingNulls = 0;
  }

  Column build() {
    if (needsReread) {
      throw new IllegalStateException("column '" + name + "' must be read again");
    }
    if (state == null) {
      start(ColumnType.CATEGORICAL);
    }
    return switch (state) {
      case INTEGRAL, NUMERIC -> numeric.build();
      case CATEGORICAL -> categorical.build();
      case BOOLEAN -> bool.build();
      case TIMESTAMP -> timestamp.build();
    };
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
