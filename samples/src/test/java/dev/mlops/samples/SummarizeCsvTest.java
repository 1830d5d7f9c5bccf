package dev.mlops.samples;

import static dev.mlops.testing.MlopsAssertions.assertThat;

import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.Table;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bundled data reads with the types a person would expect, and the sample prints it. */
class SummarizeCsvTest {

  @Test
  void bundledCreditDataHasTheDocumentedShapeAndTypes() throws Exception {
    Table table = SummarizeCsv.readBundled();

    assertThat(table).hasRowCount(1000).hasNoNulls()
        .hasColumnOfType("duration", ColumnType.INTEGRAL)
        .hasColumnOfType("credit_amount", ColumnType.INTEGRAL)
        .hasColumnOfType("age", ColumnType.INTEGRAL)
        .hasColumnOfType("purpose", ColumnType.CATEGORICAL)
        .hasColumnOfType("class", ColumnType.CATEGORICAL);
    assertThat(table.columnCount()).isEqualTo(21);
    assertThat(table.categorical("class").dictionary()).containsExactlyInAnyOrder("good", "bad");
  }

  @Test
  void mainPrintsTheSummary() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      SummarizeCsv.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);

    assertThat(text).contains("1000 rows x 21 columns").contains("credit_amount").contains("good (700)");
  }
}
