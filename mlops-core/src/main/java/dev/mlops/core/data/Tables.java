package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Entry point for building and reading {@link Table}s.
 *
 * <pre>{@code
 * Table loans = Tables.readCsv(Path.of("credit-g.csv"));
 * Table people = Tables.fromRecords(List.of(new Person("Ada", 36)), Person.class);
 * Table small = Tables.builder().numeric("x", 1, 2, 3).categorical("k", "a", "b", "a").build();
 * System.out.println(TableSummary.of(loans));
 * }</pre>
 */
public final class Tables {
  private Tables() {}

  /**
   * Returns a builder that assembles a table from columns.
   *
   * @return a new builder
   */
  public static TableBuilder builder() {
    return new TableBuilder();
  }

  /**
   * Reads a CSV file with the {@linkplain CsvOptions#defaults() default options}.
   *
   * @param path the file
   * @return the table
   * @throws IOException if the file cannot be read
   * @throws MalformedDataException if the content is not valid CSV or does not fit the options;
   *     the message names the file, line and column
   */
  public static Table readCsv(Path path) throws IOException {
    return readCsv(path, CsvOptions.defaults());
  }

  /**
   * Reads a CSV file, streaming it into columns: memory grows with the table, not the text.
   *
   * @param path the file
   * @param options how to read it
   * @return the table
   * @throws IOException if the file cannot be read
   * @throws MalformedDataException if the content is not valid CSV or does not fit the options;
   *     the message names the file, line and column
   */
  public static Table readCsv(Path path, CsvOptions options) throws IOException {
    requireNonNull(path, "path");
    requireNonNull(options, "options");
    return new CsvTableReader(CsvTableReader.Source.of(path, options.charset()), options).read();
  }

  /**
   * Reads CSV from a stream, which is read once and closed. If type inference finds that a column
   * must be categorical only after typed values, a stream cannot be read again and the read fails
   * asking for the column's type to be declared; read from a {@link Path} to avoid that.
   *
   * @param in the stream
   * @param sourceName the name used in error messages
   * @param options how to read it
   * @return the table
   * @throws IOException if the stream cannot be read
   * @throws MalformedDataException if the content is not valid CSV or does not fit the options
   */
  public static Table readCsv(InputStream in, String sourceName, CsvOptions options) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    requireNonNull(options, "options");
    return new CsvTableReader(CsvTableReader.Source.of(in, sourceName, options.charset()), options).read();
  }

  /**
   * Converts CSV text held in a string into a table (handy in tests).
   *
   * @param csv the CSV text
   * @param options how to read it
   * @return the table
   * @throws MalformedDataException if the content is not valid CSV or does not fit the options;
   *     the source is named {@code <string>}
   */
  public static Table fromCsv(String csv, CsvOptions options) {
    requireNonNull(csv, "csv");
    requireNonNull(options, "options");
    try {
      return new CsvTableReader(CsvTableReader.Source.of(csv, "<string>"), options).read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds a table from Java records or JavaBeans, one row per object and one column per record
   * component (in declaration order) or bean property (as Jackson sees it, so {@code @JsonProperty}
   * renames apply). Numbers, booleans, strings, enums, {@code java.time} values and their
   * {@code Optional}s are supported; a null value or an empty optional is a null.
   *
   * @param rows the objects
   * @param type their class
   * @param <T> the row type
   * @return the table
   * @throws IllegalArgumentException if a property has an unsupported type or a row is null
   */
  public static <T> Table fromRecords(List<? extends T> rows, Class<T> type) {
    return ObjectTables.fromObjects(rows, type);
  }

  /**
   * Copies the given rows, in the given order (a row may repeat, as in a bootstrap sample).
   *
   * <pre>{@code
   * Table train = Tables.select(table, trainRows);
   * }</pre>
   *
   * @param table the table
   * @param rows row indexes
   * @return a new table with the same columns and types
   * @throws IndexOutOfBoundsException naming the position of a row that is not in the table
   */
  public static Table select(Table table, int[] rows) {
    requireNonNull(table, "table");
    requireNonNull(rows, "rows");
    return RowSelection.select(table, rows);
  }

  /**
   * Copies every row but the given ones, in order: quarantine with
   * {@code Tables.dropRows(table, report.failingRows())}.
   *
   * @param table the table
   * @param rows row indexes to leave out (repeats are fine)
   * @return a new table with the same columns and types
   * @throws IndexOutOfBoundsException naming the position of a row that is not in the table
   */
  public static Table dropRows(Table table, int[] rows) {
    requireNonNull(table, "table");
    requireNonNull(rows, "rows");
    return RowSelection.drop(table, rows);
  }

  /**
   * Builds a table from map rows. Columns appear in the order their keys are first seen; a key
   * absent from a row is a null there. A column's type comes from its non-null values (integers and
   * floating-point numbers together make a NUMERIC column); a column whose values are all null is
   * CATEGORICAL.
   *
   * @param rows the rows
   * @return the table
   * @throws IllegalArgumentException if a column mixes types, a value has no column type, or a key
   *     or row is null
   */
  public static Table fromMaps(List<? extends Map<String, ?>> rows) {
    return ObjectTables.fromMaps(rows);
  }
}
