package dev.mlops.api.data;

import dev.mlops.api.internal.BuilderCalls;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How {@code Tables.readCsv} (in {@code dev.mlops.core.data}) reads a CSV file. Immutable; built
 * with {@link #builder()}.
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
 * header names rejected. Each builder setting may be given once: a second call, or a call that
 * contradicts an earlier one, throws {@link IllegalStateException} naming both.
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
  private final Optional<Character> escape;
  private final boolean header;
  private final Set<String> nullTokens;
  private final boolean inferTypes;
  private final Map<String, ColumnType> columnTypes;
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
    this.nullTokens = Collections.unmodifiableSet(new LinkedHashSet<>(b.nullTokens));
    this.inferTypes = b.inferTypes;
    this.columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(b.columnTypes));
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

  /** @return the escape character, or empty when there is none (a quote is escaped by doubling it) */
  public Optional<Character> escape() {
    return escape;
  }

  /** @return whether the first line holds the column names */
  public boolean header() {
    return header;
  }

  /** @return the texts read as null, in the order given */
  public Set<String> nullTokens() {
    return nullTokens;
  }

  /** @return whether undeclared columns get an inferred type (else they are categorical) */
  public boolean inferTypes() {
    return inferTypes;
  }

  /** @return the declared column types, by column name, in the order declared */
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

  /**
   * Builds {@link CsvOptions}; every setter validates its argument at once, and each setting may be
   * given once.
   */
  public static final class Builder {
    private char delimiter = ',';
    private char quote = '"';
    private Optional<Character> escape = Optional.empty();
    private boolean header = true;
    private Set<String> nullTokens = new LinkedHashSet<>(Arrays.asList("", "NA", "N/A", "null", "NULL"));
    private boolean inferTypes = true;
    private final Map<String, ColumnType> columnTypes = new LinkedHashMap<>();
    private ZoneId timestampZone = ZoneOffset.UTC;
    private Charset charset = StandardCharsets.UTF_8;
    private boolean trimFields;
    private boolean skipBlankLines = true;
    private DuplicateHeaders duplicateHeaders = DuplicateHeaders.FAIL;
    private final BuilderCalls calls = new BuilderCalls();

    private Builder() {}


    /**
     * Sets the field delimiter (default {@code ,}).
     *
     * @param delimiter any character but a line break, the quote or the escape character
     * @return this builder
     * @throws IllegalArgumentException if {@code delimiter} is a line break
     * @throws IllegalStateException if called twice, or {@code delimiter} is the quote or escape
     *     character set before
     */
    public Builder delimiter(char delimiter) {
      checkSpecial(delimiter, "delimiter");
      String call = "delimiter('" + delimiter + "')";
      checkClash(call, delimiter, "quote", "escape");
      calls.once("delimiter", call);
      this.delimiter = delimiter;
      return this;
    }

    /**
     * Sets the quote character (default {@code "}).
     *
     * @param quote any character but a line break, the delimiter or the escape character
     * @return this builder
     * @throws IllegalArgumentException if {@code quote} is a line break
     * @throws IllegalStateException if called twice, or {@code quote} is the delimiter or escape
     *     character set before
     */
    public Builder quote(char quote) {
      checkSpecial(quote, "quote");
      String call = "quote('" + quote + "')";
      checkClash(call, quote, "delimiter", "escape");
      calls.once("quote", call);
      this.quote = quote;
      return this;
    }

    /**
     * Sets an escape character (default: none; a quote inside a quoted field is doubled).
     *
     * @param escape any character but a line break, the delimiter or the quote character
     * @return this builder
     * @throws IllegalArgumentException if {@code escape} is a line break
     * @throws IllegalStateException if called twice, or {@code escape} is the delimiter or quote
     *     character set before
     */
    public Builder escape(char escape) {
      checkSpecial(escape, "escape");
      String call = "escape('" + escape + "')";
      checkClash(call, escape, "delimiter", "quote");
      calls.once("escape", call);
      this.escape = Optional.of(escape);
      return this;
    }

    private void checkClash(String call, char c, String... others) {
      for (String other : others) {
        String before = calls.find(other).orElse(null);
        boolean same = switch (other) {
          case "delimiter" -> delimiter == c;
          case "quote" -> quote == c;
          default -> escape.isPresent() && escape.get() == c;
        };
        if (before != null && same) {
          throw new IllegalStateException(other + " was already set by " + before + "; cannot also call " + call
              + ": the delimiter, quote and escape characters must differ");
        }
      }
    }

    /**
     * Reads a file without a header line (default: the first line holds the column names).
     * Columns are then named {@code column_1}, {@code column_2}, ...
     *
     * @return this builder
     * @throws IllegalStateException if called twice, or after {@link #duplicateHeaders}
     */
    public Builder noHeader() {
      String before = calls.find("duplicateHeaders").orElse(null);
      if (before != null) {
        throw new IllegalStateException("duplicateHeaders was already set by " + before
            + "; cannot also call noHeader(): a file without a header has no names to repeat");
      }
      calls.once("header", "noHeader()");
      this.header = false;
      return this;
    }

    /**
     * Sets the texts read as null, replacing the defaults. Matching is exact (case-sensitive).
     *
     * @param tokens the null tokens; none at all is allowed
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder nullTokens(String... tokens) {
      Objects.requireNonNull(tokens, "tokens");
      for (String t : tokens) {
        Objects.requireNonNull(t, "a null token");
      }
      calls.once("nullTokens", "nullTokens(" + Arrays.toString(tokens) + ")");
      this.nullTokens = new LinkedHashSet<>(Arrays.asList(tokens));
      return this;
    }

    /**
     * Reads every undeclared column as {@link ColumnType#CATEGORICAL} (default: undeclared columns
     * get an inferred type).
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder noTypeInference() {
      calls.once("inferTypes", "noTypeInference()");
      this.inferTypes = false;
      return this;
    }

    /**
     * Declares the type of a column. A value that does not fit fails the read with its line and
     * column. Declaring a column that is not in the file fails the read too.
     *
     * @param column the column name as in the header (or {@code column_N} without a header)
     * @param type its type
     * @return this builder
     * @throws IllegalStateException if the column was already declared
     */
    public Builder columnType(String column, ColumnType type) {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(type, "type");
      ColumnType before = columnTypes.putIfAbsent(column, type);
      if (before != null) {
        throw new IllegalStateException("column '" + column + "' was already declared " + before
            + "; cannot also declare it " + type);
      }
      return this;
    }

    /**
     * Declares the types of several columns.
     *
     * @param types column types by name
     * @return this builder
     * @throws IllegalStateException if a column was already declared
     */
    public Builder columnTypes(Map<String, ColumnType> types) {
      Objects.requireNonNull(types, "types").forEach(this::columnType);
      return this;
    }

    /**
     * Sets the zone of timestamps that carry no offset (default UTC).
     *
     * @param zone the zone
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder timestampZone(ZoneId zone) {
      Objects.requireNonNull(zone, "zone");
      calls.once("timestampZone", "timestampZone(" + zone + ")");
      this.timestampZone = zone;
      return this;
    }

    /**
     * Sets the character set (default UTF-8). Bytes that are not valid in it fail the read.
     *
     * @param charset the character set
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder charset(Charset charset) {
      Objects.requireNonNull(charset, "charset");
      calls.once("charset", "charset(" + charset + ")");
      this.charset = charset;
      return this;
    }

    /**
     * Removes the spaces around unquoted fields (default: fields are kept as written).
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder trimFields() {
      calls.once("trimFields", "trimFields()");
      this.trimFields = true;
      return this;
    }

    /**
     * Keeps blank lines, as rows of empty fields (default: blank lines are skipped).
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder keepBlankLines() {
      calls.once("skipBlankLines", "keepBlankLines()");
      this.skipBlankLines = false;
      return this;
    }

    /**
     * Sets what happens when two header cells carry the same name (default
     * {@link DuplicateHeaders#FAIL}).
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalStateException if called twice, or after {@link #noHeader()}
     */
    public Builder duplicateHeaders(DuplicateHeaders policy) {
      Objects.requireNonNull(policy, "policy");
      String call = "duplicateHeaders(" + policy + ")";
      String before = calls.find("header").orElse(null);
      if (before != null) {
        throw new IllegalStateException("header was already set by " + before + "; cannot also call " + call
            + ": a file without a header has no names to repeat");
      }
      calls.once("duplicateHeaders", call);
      this.duplicateHeaders = policy;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return immutable options
     * @throws IllegalStateException if the delimiter, quote and escape characters are not distinct
     *     (one was set to another's default)
     */
    public CsvOptions build() {
      if (delimiter == quote || (escape.isPresent() && (escape.get() == delimiter || escape.get() == quote))) {
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
