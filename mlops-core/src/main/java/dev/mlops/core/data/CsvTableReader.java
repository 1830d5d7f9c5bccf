package dev.mlops.core.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlops.api.data.Column;
import dev.mlops.api.data.ColumnType;
import dev.mlops.api.data.CsvOptions;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams a CSV file into a {@link Table} with Jackson's CSV parser: one pass, values go straight
 * into primitive column builders, so memory is that of the resulting table (8 bytes a numeric cell,
 * 4 a categorical one, plus distinct strings) and not of the text. Tokenizing runs on a second
 * thread that hands bounded batches of rows to the calling thread, which converts them.
 */
final class CsvTableReader {

  /** Where CSV text comes from. */
  interface Source {
    /** Name used in error messages (the file path, or a caller-supplied name). */
    String name();

    /** Opens a fresh reader over the text. */
    Reader open() throws IOException;

    /** Whether {@link #open()} may be called more than once. */
    boolean reopenable();

    static Source of(Path path, Charset charset) {
      return new Source() {
        @Override
        public String name() {
          return path.toString();
        }

        @Override
        public Reader open() throws IOException {
          return decode(Files.newInputStream(path), charset);
        }

        @Override
        public boolean reopenable() {
          return true;
        }
      };
    }

    static Source of(InputStream in, String name, Charset charset) {
      return new Source() {
        private boolean opened;

        @Override
        public String name() {
          return name;
        }

        @Override
        public Reader open() {
          if (opened) {
            throw new IllegalStateException("stream " + name + " can only be read once");
          }
          opened = true;
          return decode(in, charset);
        }

        @Override
        public boolean reopenable() {
          return false;
        }
      };
    }

    static Source of(String text, String name) {
      return new Source() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public Reader open() {
          return new StringReader(text);
        }

        @Override
        public boolean reopenable() {
          return true;
        }
      };
    }
  }

  private final Source source;
  private final CsvOptions options;
  private final CsvFactory factory;

  CsvTableReader(Source source, CsvOptions options) {
    this.source = source;
    this.options = options;
    this.factory = CsvFactory.builder()
        .configure(CsvParser.Feature.SKIP_EMPTY_LINES, options.skipBlankLines())
        .configure(CsvParser.Feature.TRIM_SPACES, options.trimFields())
        .build();
  }

  Table read() throws IOException {
    Pass first = new Pass(options.columnTypes(), options.inferTypes());
    Table table = first.run();
    if (table != null) {
      return table;
    }
    CsvColumn forced = first.firstReread();
    if (!source.reopenable()) {
      throw new MalformedDataException(source.name(), forced.rereadLine, first.indexOf(forced) + 1, forced.name,
          "column was read as " + forced.rereadFrom + " from earlier rows but this value is not "
              + forced.rereadFrom + ", so it is CATEGORICAL; a one-shot stream cannot be read a second time:"
              + " declare the column's type (CsvOptions.Builder.columnType) or read from a file",
          null);
    }
    Map<String, ColumnType> finalTypes = new LinkedHashMap<>();
    for (CsvColumn c : first.columns) {
      finalTypes.put(c.name, c.type());
    }
    Table second = new Pass(finalTypes, false).run();
    if (second == null) {
      throw new IllegalStateException("second read of " + source.name() + " did not settle the column types");
    }
    return second;
  }

  /** One read of the source with a given set of declared types. */
  private final class Pass {
    private final Map<String, ColumnType> declared;
    private final boolean infer;
    private final List<CsvColumn> columns = new ArrayList<>();
    private long headerLine = 1;
    private final int maxNullTokenLength =
        options.nullTokens().stream().mapToInt(String::length).max().orElse(-1);

    Pass(Map<String, ColumnType> declared, boolean infer) {
      this.declared = declared;
      this.infer = infer;
    }

    /** Returns the table, or null when a column must be read again with its final type. */
    Table run() throws IOException {
      CsvSchema schema = CsvSchema.emptySchema()
          .withColumnSeparator(options.delimiter())
          .withQuoteChar(options.quote())
          .withoutHeader();
      schema = options.escape().isPresent() ? schema.withEscapeChar(options.escape().get()) : schema.withoutEscapeChar();
      int rows = 0;
      try (Reader reader = openText();
          CsvParser parser = factory.createParser(reader)) {
        parser.setSchema(schema);
        List<String> firstRow;
        try {
          if (parser.nextToken() == null) {
            if (options.header()) {
              throw new MalformedDataException(source.name(), 1, -1, null,
                  "the file is empty: expected a header line with the column names", null);
            }
            checkDeclaredColumnsExist();
            return new ColumnarTable(0, List.of());
          }
          firstRow = readRow(parser);
        } catch (JsonProcessingException e) {
          throw parseFailure(e, 0, -1);
        } catch (CharacterCodingException e) {
          throw badBytes(e, 1);
        }
        createColumns(firstRow, headerLine);
        CsvColumn[] cols = columns.toArray(new CsvColumn[0]);
        if (!options.header()) {
          for (int i = 0; i < cols.length; i++) {
            add(cols[i], firstRow.get(i), options.nullTokens(), headerLine, i);
          }
          rows++;
        }
        Tokenizer tokenizer = new Tokenizer(parser, cols.length);
        Thread thread = new Thread(tokenizer, "mlops-csv-tokenizer");
        thread.setDaemon(true);
        thread.start();
        try {
          rows = consume(tokenizer, cols, rows);
        } finally {
          tokenizer.cancel();
          joinBriefly(thread);
        }
      }
      if (firstReread() != null) {
        return null;
      }
      List<Column> built = new ArrayList<>(columns.size());
      for (CsvColumn c : columns) {
        built.add(c.build());
      }
      return new ColumnarTable(rows, built);
    }

    /**
     * Turns the tokenizer's batches into column values, in file order: a value that does not fit
     * is reported before a malformed row that comes after it.
     */
    private int consume(Tokenizer tokenizer, CsvColumn[] cols, int rows) throws IOException {
      int n = cols.length;
      Set<String> nullTokens = options.nullTokens();
      while (true) {
        Batch batch = tokenizer.take();
        if (batch.rows > Integer.MAX_VALUE - 8 - rows) {
          throw new MalformedDataException(source.name(), batch.lines[0], -1, null,
              "more rows than a table can hold (" + (Integer.MAX_VALUE - 8) + ")", null);
        }
        String[] cells = batch.cells;
        for (int r = 0; r < batch.rows; r++) {
          long line = batch.lines[r];
          int base = r * n;
          for (int i = 0; i < n; i++) {
            add(cols[i], cells[base + i], nullTokens, line, i);
          }
        }
        rows += batch.rows;
        if (batch.failure != null) {
          throw rethrow(batch.failure);
        }
        if (batch.last) {
          return rows;
        }
      }
    }

    private IOException rethrow(Throwable failure) {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return (IOException) failure;
    }

    private void add(CsvColumn column, String text, Set<String> nullTokens, long line, int index) {
      if (text.length() <= maxNullTokenLength && nullTokens.contains(text)) {
        column.addNull();
        return;
      }
      try {
        column.add(text, line);
      } catch (CsvColumn.Mismatch m) {
        throw new MalformedDataException(source.name(), line, index + 1, column.name, m.getMessage(), null);
      }
    }

    private MalformedDataException raggedRow(CsvParser parser, long rowLine, int n) throws IOException {
      int found = n + 1;
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        found++;
      }
      return new MalformedDataException(source.name(), rowLine, n + 1, null,
          "expected " + n + " fields as in the header but found " + found
              + " (a delimiter inside an unquoted value?)", null);
    }

    private MalformedDataException parseFailure(JsonProcessingException e, long rowLine, int field) {
      JsonLocation at = e.getLocation();
      long line = rowLine > 0 ? rowLine : at != null ? at.getLineNr() : -1;
      String name = field >= 0 && field < columns.size() ? columns.get(field).name : null;
      String what = e.getOriginalMessage();
      if (what != null && what.toLowerCase(Locale.ROOT).contains("quote")) {
        what = "unclosed quote: the quoted field starting on this line has no closing "
            + options.quote() + " (the parser reached " + (at == null ? "the end" : "line " + at.getLineNr())
            + "); expected a closing quote, with quotes inside the field doubled";
      } else {
        what = "malformed CSV: " + what;
      }
      return new MalformedDataException(source.name(), line, field >= 0 ? field + 1 : -1, name, what, e);
    }

    private List<String> readRow(CsvParser parser) throws IOException {
      List<String> cells = new ArrayList<>();
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        if (cells.isEmpty()) {
          headerLine = parser.currentTokenLocation().getLineNr();
        }
        cells.add(parser.getText());
      }
      return cells;
    }

    private void createColumns(List<String> firstRow, long line) {
      List<String> names = new ArrayList<>(firstRow.size());
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < firstRow.size(); i++) {
        String name = options.header() ? firstRow.get(i) : "column_" + (i + 1);
        if (name.isEmpty()) {
          name = "column_" + (i + 1);
        }
        Integer before = seen.putIfAbsent(name, i);
        if (before != null) {
          if (options.duplicateHeaders() == CsvOptions.DuplicateHeaders.FAIL) {
            throw new MalformedDataException(source.name(), line, i + 1, name,
                "duplicate column name, also column " + (before + 1)
                    + "; expected unique names (or CsvOptions.Builder.duplicateHeaders(RENAME))", null);
          }
          String renamed;
          int k = 1;
          do {
            renamed = name + "." + k++;
          } while (seen.containsKey(renamed) || firstRow.contains(renamed));
          seen.put(renamed, i);
          name = renamed;
        }
        names.add(name);
      }
      checkDeclaredColumnsExist(names);
      for (String name : names) {
        columns.add(new CsvColumn(name, declared.get(name), infer, options.timestampZone()));
      }
    }

    private void checkDeclaredColumnsExist() {
      checkDeclaredColumnsExist(List.of());
    }

    private void checkDeclaredColumnsExist(List<String> names) {
      Set<String> missing = new LinkedHashSet<>(declared.keySet());
      names.forEach(missing::remove);
      if (!missing.isEmpty()) {
        throw new MalformedDataException(source.name(), headerLine, -1, null,
            "declared column" + (missing.size() > 1 ? "s " : " ") + missing + " not in the "
                + (options.header() ? "header" : "file") + "; columns are " + names, null);
      }
    }

    /** Opens the source past a byte-order mark; bytes that do not decode there fail on line 1. */
    private Reader openText() throws IOException {
      Reader raw = source.open();
      try {
        return skipByteOrderMark(raw);
      } catch (CharacterCodingException e) {
        raw.close();
        throw badBytes(e, 1);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }

    private MalformedDataException badBytes(CharacterCodingException e, long line) {
      return new MalformedDataException(source.name(), line, -1, null,
          "bytes that are not valid " + options.charset() + " near this line (" + e.getMessage()
              + "); expected text in " + options.charset() + " (see CsvOptions.Builder.charset)", e);
    }

    /**
     * Runs Jackson's tokenizer on its own thread and hands rows over in bounded batches, so that
     * tokenizing and converting use both cores; at most {@link #QUEUED} batches wait at a time.
     */
    private final class Tokenizer implements Runnable {
      private final CsvParser parser;
      private final int n;
      private final int batchRows;
      private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
      private volatile boolean cancelled;

      Tokenizer(CsvParser parser, int n) {
        this.parser = parser;
        this.n = n;
        this.batchRows = Math.max(16, BATCH_CELLS / Math.max(1, n));
      }

      @Override
      public void run() {
        Batch batch = new Batch(batchRows, n);
        long rowLine = headerLine;
        int field = -1;
        try {
          while (!cancelled && parser.nextToken() == JsonToken.START_ARRAY) {
            // Jackson places a row's start at the end of the previous row; the first value corrects it.
            rowLine = parser.currentTokenLocation().getLineNr() + 1;
            field = 0;
            int base = batch.rows * n;
            JsonToken t;
            while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
              if (field == 0) {
                rowLine = parser.currentTokenLocation().getLineNr();
              }
              if (field >= n) {
                throw raggedRow(parser, rowLine, n);
              }
              batch.cells[base + field++] = parser.getText();
            }
            if (t != JsonToken.END_ARRAY) {
              throw new MalformedDataException(source.name(), rowLine, field + 1, null,
                  "unexpected " + t + " in a CSV row", null);
            }
            if (field < n) {
              throw new MalformedDataException(source.name(), rowLine, -1, null,
                  "expected " + n + " fields as in the header but found " + field
                      + " (the row ends before column " + (field + 1) + " '" + columns.get(field).name + "')",
                  null);
            }
            field = -1;
            batch.lines[batch.rows++] = rowLine;
            if (batch.rows == batchRows) {
              put(batch);
              batch = new Batch(batchRows, n);
            }
          }
        } catch (JsonProcessingException e) {
          batch.failure = parseFailure(e, rowLine, field);
        } catch (CharacterCodingException e) {
          batch.failure = badBytes(e, rowLine);
        } catch (IOException | RuntimeException | Error e) {
          batch.failure = e;
        }
        batch.last = true;
        put(batch);
      }

      private void put(Batch batch) {
        try {
          while (!cancelled) {
            if (queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
              return;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      Batch take() throws InterruptedIOException {
        try {
          return queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading " + source.name());
        }
      }

      void cancel() {
        cancelled = true;
        queue.clear();
      }
    }

    CsvColumn firstReread() {
      CsvColumn first = null;
      for (CsvColumn c : columns) {
        if (c.needsReread && (first == null || c.rereadLine < first.rereadLine)) {
          first = c;
        }
      }
      return first;
    }

    int indexOf(CsvColumn column) {
      return columns.indexOf(column);
    }
  }

  /** Cells per batch handed from the tokenizer thread to the converting thread. */
  private static final int BATCH_CELLS = 1 << 16;
  /** Batches that may wait between the two threads: bounds the memory of a read. */
  private static final int QUEUED = 4;

  /** Rows of cells, row-major, with the line each row starts on. */
  private static final class Batch {
    final String[] cells;
    final long[] lines;
    int rows;
    boolean last;
    Throwable failure;

    Batch(int rows, int n) {
      this.cells = new String[rows * n];
      this.lines = new long[rows];
    }
  }

  /** Waits for the tokenizer to stop using the parser before it is closed. */
  private static void joinBriefly(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Reader decode(InputStream in, Charset charset) {
    return new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static Reader skipByteOrderMark(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }
}
