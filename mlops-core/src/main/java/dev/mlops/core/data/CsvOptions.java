package dev.mlops.core.data;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.mlops.api.data.ColumnType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How {@link Tables#readCsv} reads a CSV file. Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * CsvOptions options = CsvOptions.builder()
 *     .delimiter(';')
 *     .nullTokens("", "NA", "?")
 *     .columnType("zip", ColumnType.CATEGORICAL)   // keep leading zeros
 *     .build();
 * }</pre>
 *
 * <p>Defaults: comma delimiter, double-quote quoting (a quote inside a quoted field is doubled),
 * no escape character, a header line, UTF-8 (a byte-order mark is skipped), null tokens
 * {@code ""}, {@code "NA"}, {@code "N/A"}, {@code "null"} and {@code "NULL"}, type inference on,
 * timestamps without an offset read in UTC, fields not trimmed, blank lines skipped, duplicate
 * header names rejected.
 *
 * <h2>Type inference</h2>
 * A column's type is the narrowest that every non-null value fits, tried in this order:
 * {@link ColumnType#BOOLEAN} ({@code true}/{@code false}, any case), {@link ColumnType#INTEGRAL}
 * (plain integer literals such as {@code -42} or {@code 007}, of magnitude at most 2<sup>53</sup>),
 * {@link ColumnType#NUMERIC} (decimal literals, exponents, and {@code NaN}, {@code Inf},
 * {@code Infinity} with an optional sign, any case), {@link ColumnType#TIMESTAMP} (ISO-8601
 * {@code 2024-03-01}, {@code 2024-03-01T10:15:30.5}, a space may replace the {@code T}, optional
 * {@code Z} or {@code +01:00}), then {@link ColumnType#CATEGORICAL}. A column with no non-null value
 * (all nulls, or a header-only file) is categorical. When a later value forces a column from a
 * typed reading to categorical, a file is read a second time with the final types; a one-shot
 * stream cannot be, and fails with a message asking for a declared type.
 */
public final class CsvOptions {
  /** What to do when two header cells carry the same name. */
  public enum DuplicateHeaders {
    /** Fail with an error naming both columns (the default). */
    FAIL,
    /** Keep the first name; rename later ones {@code name.1}, {@code name.2}, ... as pandas does. */
    RENAME
  }

  private static final CsvOptions DEFAULTS = builder().build();

  private final char delimiter;
  private final char quote;
  private final int escape;
  private final boolean header;
  private final ImmutableSet<String> nullTokens;
  private final boolean inferTypes;
  private final ImmutableMap<String, ColumnType> columnTypes;
  private final ZoneId timestampZone;
  private final Charset charset;
  private final boolean trimFields;
  private final boolean skipBlankLines;
  private final DuplicateHeaders duplicateHeaders;

  private CsvOptions(Builder b) {
    this.delimiter = b.delimiter;
    this.quote = b.quote;
    this.escape = b.escape;
    this.header = b.header;
    this.nullTokens = ImmutableSet.copyOf(b.nullTokens);
    this.inferTypes = b.inferTypes;
    this.columnTypes = ImmutableMap.copyOf(b.columnTypes);
    this.timestampZone = b.timestampZone;
    this.charset = b.charset;
    this.trimFields = b.trimFields;
    this.skipBlankLines = b.skipBlankLines;
    this.duplicateHeaders = b.duplicateHeaders;
  }

  /**
   * Returns the default options.
   *
   * @return the defaults
   */
  public static CsvOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the field delimiter */
  public char delimiter() {
    return delimiter;
  }

  /** @return the quote character */
  public char quote() {
    return quote;
  }

  /** @return the escape character, or {@code -1} when there is none */
  public int escape() {
    return escape;
  }

  /** @return whether the first line holds the column names */
  public boolean header() {
    return header;
  }

  /** @return the texts read as null */
  public Set<String> nullTokens() {
    return nullTokens;
  }

  /** @return whether undeclared columns get an inferred type (else they are categorical) */
  public boolean inferTypes() {
    return inferTypes;
  }

  /** @return the declared column types, by column name */
  public Map<String, ColumnType> columnTypes() {
    return columnTypes;
  }

  /** @return the zone of timestamps that carry no offset */
  public ZoneId timestampZone() {
    return timestampZone;
  }

  /** @return the character set of the file */
  public Charset charset() {
    return charset;
  }

  /** @return whether spaces around unquoted fields are removed */
  public boolean trimFields() {
    return trimFields;
  }

  /** @return whether blank lines are skipped */
  public boolean skipBlankLines() {
    return skipBlankLines;
  }

  /** @return the policy for repeated header names */
  public DuplicateHeaders duplicateHeaders() {
    return duplicateHeaders;
  }

  @Override
  public String toString() {
    return "CsvOptions{delimiter='" + delimiter + "', quote='" + quote + "', header=" + header
        + ", nullTokens=" + nullTokens + ", inferTypes=" + inferTypes + ", columnTypes=" + columnTypes
        + ", timestampZone=" + timestampZone + ", charset=" + charset + "}";
  }

  /** Builds {@link CsvOptions}; every setter validates its argument at once. */
  public static final class Builder {
    private char delimiter = ',';
    private char quote = '"';
    private int escape = -1;
    private boolean header = true;
    private Set<String> nullTokens = ImmutableSet.of("", "NA", "N/A", "null", "NULL");
    private boolean inferTypes = true;
    private final Map<String, ColumnType> columnTypes = new LinkedHashMap<>();
    private ZoneId timestampZone = ZoneOffset.UTC;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean trimFields;
    private boolean skipBlankLines = true;
    private DuplicateHeaders duplicateHeaders = DuplicateHeaders.FAIL;

    private Builder() {}

    /**
     * Sets the field delimiter (default {@code ,}).
     *
     * @param delimiter any character but a line break or the quote character
     * @return this builder
     */
    public Builder delimiter(char delimiter) {
      checkSpecial(delimiter, "delimiter");
      this.delimiter = delimiter;
      return this;
    }

    /**
     * Sets the quote character (default {@code "}).
     *
     * @param quote any character but a line break
     * @return this builder
     */
    public Builder quote(char quote) {
      checkSpecial(quote, "quote");
      this.quote = quote;
      return this;
    }

    /**
     * Sets an escape character (default: none; a quote inside a quoted field is doubled).
     *
     * @param escape any character but a line break
     * @return this builder
     */
    public Builder escape(char escape) {
      checkSpecial(escape, "escape");
      this.escape = escape;
      return this;
    }

    /**
     * Sets whether the first line holds the column names (default true). Without a header,
     * columns are named {@code column_1}, {@code column_2}, ...
     *
     * @param header whether there is a header line
     * @return this builder
     */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /**
     * Sets the texts read as null, replacing the defaults. Matching is exact (case-sensitive).
     *
     * @param tokens the null tokens; none at all is allowed
     * @return this builder
     */
    public Builder nullTokens(String... tokens) {
      requireNonNull(tokens, "tokens");
      for (String t : tokens) {
        requireNonNull(t, "a null token");
      }
      this.nullTokens = ImmutableSet.copyOf(tokens);
      return this;
    }

    /**
     * Sets whether undeclared columns get an inferred type (default true); when false they are
     * {@link ColumnType#CATEGORICAL}.
     *
     * @param inferTypes whether to infer
     * @return this builder
     */
    public Builder inferTypes(boolean inferTypes) {
      this.inferTypes = inferTypes;
      return this;
    }

    /**
     * Declares the type of a column. A value that does not fit fails the read with its line and
     * column. Declaring a column that is not in the file fails the read too.
     *
     * @param column the column name as in the header (or {@code column_N} without a header)
     * @param type its type
     * @return this builder
     * @throws IllegalStateException if the column was already declared with another type
     */
    public Builder columnType(String column, ColumnType type) {
      requireNonNull(column, "column");
      requireNonNull(type, "type");
      ColumnType before = columnTypes.putIfAbsent(column, type);
      if (before != null && before != type) {
        throw new IllegalStateException(
            "column '" + column + "' was already declared " + before + ", cannot declare it " + type);
      }
      return this;
    }

    /**
     * Declares the types of several columns.
     *
     * @param types column types by name
     * @return this builder
     */
    public Builder columnTypes(Map<String, ColumnType> types) {
      requireNonNull(types, "types").forEach(this::columnType);
      return this;
    }

    /**
     * Sets the zone of timestamps that carry no offset (default UTC).
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder timestampZone(ZoneId zone) {
      this.timestampZone = requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the character set (default UTF-8). Bytes that are not valid in it fail the read.
     *
     * @param charset the character set
     * @return this builder
     */
    public Builder charset(Charset charset) {
      this.charset = requireNonNull(charset, "charset");
      return this;
    }

    /**
     * Sets whether spaces around unquoted fields are removed (default false).
     *
     * @param trimFields whether to trim
     * @return this builder
     */
    public Builder trimFields(boolean trimFields) {
      this.trimFields = trimFields;
      return this;
    }

    /**
     * Sets whether blank lines are skipped (default true).
     *
     * @param skipBlankLines whether to skip them
     * @return this builder
     */
    public Builder skipBlankLines(boolean skipBlankLines) {
      this.skipBlankLines = skipBlankLines;
      return this;
    }

    /**
     * Sets what happens when two header cells carry the same name (default
     * {@link DuplicateHeaders#FAIL}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder duplicateHeaders(DuplicateHeaders policy) {
      this.duplicateHeaders = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     * @throws IllegalStateException if the delimiter, quote and escape characters are not distinct
     */
    public CsvOptions build() {
      if (delimiter == quote || delimiter == escape || quote == escape) {
        throw new IllegalStateException("delimiter '" + delimiter + "', quote '" + quote
            + "' and escape must be three different characters");
      }
      return new CsvOptions(this);
    }

    private static void checkSpecial(char c, String what) {
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException(what + " cannot be a line break");
      }
    }
  }
}
