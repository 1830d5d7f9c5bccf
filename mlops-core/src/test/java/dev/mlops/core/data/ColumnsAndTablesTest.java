package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import dev.mlops.api.data.BooleanColumn;
import dev.mlops.api.data.CategoricalColumn;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.NumericColumn;
import dev.mlops.api.data.Table;
import dev.mlops.api.data.TimestampColumn;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ColumnsAndTablesTest {

  @Test
  void numericColumnKeepsNullsApartFromNan() {
    NumericColumn c = Columns.numericBuilder("x").add(1.5).addNull().add(Double.NaN)
        .add(Double.NEGATIVE_INFINITY).build();

    assertThat(c.size()).isEqualTo(4);
    assertThat(c.nullCount()).isEqualTo(1);
    assertThat(c.isNull(1)).isTrue();
    assertThat(c.isNull(2)).isFalse();
    assertThat(c.getDouble(2)).isNaN();
    assertThat(c.get(1)).isNull();
    assertThat(c.get(3)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(c.type()).isEqualTo(ColumnType.NUMERIC);
    assertThat(c.toDoubleArray()).hasSize(4);
  }

  @Test
  void integralBuilderRejectsFractionsAndNonFiniteValuesNamingTheRow() {
    assertThatThrownBy(() -> Columns.numericBuilder("n").integral().add(1).add(2.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'n' is declared integral but row 1 holds 2.5");
    assertThatThrownBy(() -> Columns.numericBuilder("n").integral().add(Double.POSITIVE_INFINITY).build())
        .hasMessageContaining("row 0 holds Infinity");
    assertThat(Columns.numericBuilder("n").integral().add(3).addNull().build().type())
        .isEqualTo(ColumnType.INTEGRAL);
  }

  @Test
  void integralFactoryRejectsValuesADoubleCannotHoldExactly() {
    assertThatThrownBy(() -> Columns.integral("id", 1, (1L << 53) + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("2^53");
  }

  @Test
  void categoricalColumnIsDictionaryEncodedInFirstSeenOrder() {
    CategoricalColumn c = Columns.categorical("city", "Lyon", null, "Zürich", "Lyon");

    assertThat(c.dictionary()).containsExactly("Lyon", "Zürich");
    assertThat(c.code(0)).isEqualTo(0);
    assertThat(c.code(1)).isEqualTo(CategoricalColumn.NULL_CODE);
    assertThat(c.code(3)).isEqualTo(0);
    assertThat(c.getString(2)).isEqualTo("Zürich");
    assertThat(c.nullCount()).isEqualTo(1);
  }

  @Test
  void categoricalColumnHandlesHugeCardinality() {
    CategoricalColumnBuilder b = Columns.categoricalBuilder("id", 200_000);
    for (int i = 0; i < 200_000; i++) {
      b.add("user-" + i);
    }
    CategoricalColumn c = b.build();

    assertThat(c.dictionarySize()).isEqualTo(200_000);
    assertThat(c.getString(199_999)).isEqualTo("user-199999");
  }

  @Test
  void booleanColumnCountsTruesAndNulls() {
    BooleanColumn c = Columns.booleanBuilder("b").add(true).addNull().add(false).add(true).build();

    assertThat(c.trueCount()).isEqualTo(2);
    assertThat(c.nullCount()).isEqualTo(1);
    assertThat(c.getBoolean(1)).isFalse();
    assertThat(c.get(1)).isNull();
    assertThat(c.get(3)).isEqualTo(true);
  }

  @Test
  void booleanColumnsSpanManyWords() {
    BooleanColumnBuilder b = Columns.booleanBuilder("b");
    for (int i = 0; i < 1000; i++) {
      if (i % 7 == 0) {
        b.addNull();
      } else {
        b.add(i % 3 == 0);
      }
    }
    BooleanColumn c = b.build();

    assertThat(c.nullCount()).isEqualTo(143);
    assertThat(c.isNull(994)).isTrue();
    assertThat(c.getBoolean(993)).isTrue();
    assertThat(c.getBoolean(995)).isFalse();
  }

  @Test
  void timestampColumnKeepsMicrosecondsAndDatesBeforeTheEpoch() {
    Instant before = Instant.parse("1969-12-31T23:59:59.999999Z");
    TimestampColumn c = Columns.timestamp("t", before, null, Instant.parse("9999-12-31T00:00:00Z"));

    assertThat(c.getEpochMicros(0)).isEqualTo(-1);
    assertThat(c.getInstant(0)).isEqualTo(before);
    assertThat(c.getInstant(1)).isNull();
    assertThat(c.getInstant(2)).isEqualTo(Instant.parse("9999-12-31T00:00:00Z"));
  }

  @Test
  void timestampBeyondTheMicrosecondRangeIsRejected() {
    assertThatThrownBy(() -> Columns.timestamp("t", Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the range of microsecond timestamps");
  }

  @Test
  void rowIndexOutOfRangeIsAnIndexError() {
    NumericColumn c = Columns.numeric("x", 1, 2);

    assertThatThrownBy(() -> c.getDouble(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.isNull(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void builderIsSingleUse() {
    NumericColumnBuilder b = Columns.numericBuilder("x").add(1);
    b.build();

    assertThatThrownBy(() -> b.add(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("builder of column 'x' was already built");
  }

  @Test
  void emptyColumnNameIsRejected() {
    assertThatThrownBy(() -> Columns.numeric("", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a column name must not be empty");
  }

  @Test
  void tableLooksUpColumnsByNameAndListsKnownNamesWhenMissing() {
    Table t = Tables.builder().numeric("x", 1, 2).categorical("k", "a", "b").build();

    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.columnNames()).containsExactly("x", "k");
    assertThat(t.hasColumn("k")).isTrue();
    assertThat(t.column(1).name()).isEqualTo("k");
    assertThatThrownBy(() -> t.column("y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column 'y' in table; columns are [x, k]");
    assertThatThrownBy(() -> t.numeric("k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'k' is CATEGORICAL, not a NumericColumn");
  }

  @Test
  void findColumnReturnsTheColumnOrEmpty() {
    Table t = Tables.builder().numeric("x", 1, 2).categorical("k", "a", "b").build();

    assertThat(t.findColumn("k")).map(c -> c.type()).contains(ColumnType.CATEGORICAL);
    assertThat(t.findColumn("y")).isEmpty();
    assertThatThrownBy(() -> t.findColumn(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void integralDeclaredTwiceIsRejected() {
    assertThatThrownBy(() -> Columns.numericBuilder("n").integral().integral())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("column 'n' was already declared integral");
  }

  @Test
  void nullMasksAndBooleanValuesSurviveCompaction() {
    BooleanColumnBuilder b = Columns.booleanBuilder("b", 10_000);
    for (int i = 0; i < 130; i++) {
      if (i % 7 == 0) {
        b.addNull();
      } else {
        b.add(i % 2 == 0);
      }
    }
    BooleanColumn c = b.build();

    assertThat(c.size()).isEqualTo(130);
    assertThat(c.nullCount()).isEqualTo(19);
    assertThat(c.isNull(126)).isTrue();
    assertThat(c.isNull(129)).isFalse();
    assertThat(c.getBoolean(128)).isTrue();
    assertThat(c.trueCount()).isEqualTo(55);
    assertThat(Columns.booleanBuilder("f").add(false).add(false).build().trueCount()).isZero();
  }

  @Test
  void tableBuilderRejectsDuplicateNamesAndUnequalLengths() {
    assertThatThrownBy(() -> Tables.builder().numeric("x", 1).numeric("x", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate column name 'x'");
    assertThatThrownBy(() -> Tables.builder().numeric("x", 1, 2).categorical("k", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'k' has 1 rows but column 'x' has 2");
  }

  @Test
  void emptyTableHasNoRows() {
    Table t = Tables.builder().build();

    assertThat(t.rowCount()).isZero();
    assertThat(t.columns()).isEmpty();
  }

  @Test
  void tablesAndColumnsCompareByValue() {
    Table a = Tables.builder().numeric("x", 1, Double.NaN).categorical("k", "a", null).build();
    Table b = Tables.builder().numeric("x", 1, Double.NaN).categorical("k", "a", null).build();
    Table c = Tables.builder().numeric("x", 1, 2).categorical("k", "a", null).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    assertThat(a.toString()).isEqualTo("Table[2 rows x 2 columns: [x, k]]");
    assertThat(a.column("x").toString()).isEqualTo("x NUMERIC[2]{1.0, NaN}");
  }

  @Test
  void publicFactoriesRejectNullArguments() {
    NullPointerTester tester = new NullPointerTester();
    tester.testAllPublicStaticMethods(Columns.class);
    tester.testAllPublicInstanceMethods(Tables.builder());
    tester.testAllPublicInstanceMethods(CsvOptions.builder());
  }
}
