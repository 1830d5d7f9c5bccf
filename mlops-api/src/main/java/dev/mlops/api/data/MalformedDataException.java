package dev.mlops.api.data;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Input data that cannot be read as asked: a ragged CSV row, an unclosed quote, text where a
 * declared numeric column expects a number. The message says what was wrong, where (source, line,
 * column) and what was expected; the accessors give the same facts to code.
 *
 * <p>Example message: {@code loans.csv: line 12, column 3 'age': expected INTEGRAL but found "abc"}.
 */
public class MalformedDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final int column;
  private final String columnName;
  private final String problem;

  /**
   * Creates an exception.
   *
   * @param source the file or stream name, never null
   * @param line the 1-based line number where the problem is, or {@code -1} if unknown
   * @param column the 1-based column (field) number, or {@code -1} if the problem is not in one field
   * @param columnName the column's name, or null if unknown
   * @param problem what was wrong and what was expected, never null
   * @param cause the underlying exception, or null
   */
  public MalformedDataException(
      String source, long line, int column, String columnName, String problem, Throwable cause) {
    super(format(source, line, column, columnName, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(String source, long line, int column, String columnName, String problem) {
    StringBuilder sb = new StringBuilder(String.valueOf(source));
    if (line > 0) {
      sb.append(": line ").append(line);
    }
    if (column > 0) {
      sb.append(line > 0 ? ", " : ": ").append("column ").append(column);
      if (columnName != null) {
        sb.append(" '").append(columnName).append('\'');
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /**
   * Returns the name of the file or stream that was read.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line number of the problem.
   *
   * @return the line, or empty if unknown
   */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /**
   * Returns the 1-based column (field) number of the problem.
   *
   * @return the column number, or empty if the problem is not in one field
   */
  public OptionalInt column() {
    return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /**
   * Returns the name of the column of the problem.
   *
   * @return the column name, or empty if unknown
   */
  public Optional<String> columnName() {
    return Optional.ofNullable(columnName);
  }

  /**
   * Returns what was wrong and what was expected, without the location.
   *
   * @return the problem description
   */
  public String problem() {
    return problem;
  }
}
