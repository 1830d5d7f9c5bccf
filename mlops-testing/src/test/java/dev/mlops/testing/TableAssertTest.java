package dev.mlops.testing;

import static dev.mlops.testing.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import dev.mlops.core.data.Columns;
import dev.mlops.core.data.Tables;
import org.junit.jupiter.api.Test;

class TableAssertTest {

  private final Table table = Tables.builder()
      .add(Columns.numericBuilder("age").add(31).addNull().add(Double.NaN).add(40).build())
      .categorical("class", "good", "bad", "good", "good")
      .build();

  @Test
  void passesOnATableThatMatches() {
    assertThat(table).hasRowCount(4).hasColumns("class").hasExactlyColumns("age", "class")
        .hasColumnOfType("class", ColumnType.CATEGORICAL).hasNoNulls("class");
  }

  @Test
  void rowCountFailureShowsBothCounts() {
    assertThatThrownBy(() -> assertThat(table).hasRowCount(5))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected table to have 5 rows but it has 4");
  }

  @Test
  void missingColumnFailureListsTheColumns() {
    assertThatThrownBy(() -> assertThat(table).hasColumns("age", "income"))
        .hasMessage("Expected table to have columns [age, income] but [income] missing; columns are [age, class]");
    assertThatThrownBy(() -> assertThat(table).hasColumnOfType("income", ColumnType.NUMERIC))
        .hasMessage("Expected table to have column 'income' but columns are [age, class]");
  }

  @Test
  void nullFailureNamesTheColumnAndRows() {
    assertThatThrownBy(() -> assertThat(table).hasNoNulls())
        .hasMessageContaining("'age': 1 null(s) of 4 rows, first at rows [1]");
  }

  @Test
  void typeAndFiniteFailures() {
    assertThatThrownBy(() -> assertThat(table).hasColumnOfType("age", ColumnType.INTEGRAL))
        .hasMessage("Expected column 'age' to be INTEGRAL but it is NUMERIC");
    assertThatThrownBy(() -> assertThat(table).hasOnlyFiniteValues("age"))
        .hasMessage("Expected column 'age' to hold only finite values but 1 are NaN or infinite, first at rows [2]");
  }

  @Test
  void nullTableFails() {
    assertThatThrownBy(() -> assertThat((Table) null).hasRowCount(0)).isInstanceOf(AssertionError.class);
  }
}
