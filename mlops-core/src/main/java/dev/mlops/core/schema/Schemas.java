package dev.mlops.core.schema;

import static java.util.Objects.requireNonNull;

import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.data.Table;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.InferenceOptions;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.schema.SchemaChange;
import dev.mlops.api.schema.ValidationOptions;
import dev.mlops.api.schema.ValidationReport;
import dev.mlops.api.schema.Validator;
import dev.mlops.core.internal.AtomicFiles;
import dev.mlops.core.data.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Entry point for schema work: validation, inference, records, diffs and schema files.
 *
 * <pre>{@code
 * ValidationReport report = Schemas.validate(table, schema);          // one table
 * System.out.println(report.toText());
 * int[] quarantine = report.failingRows();
 *
 * Validator validator = Schemas.validator(schema);                    // many tables, any thread
 * for (Table batch : batches) {
 *   ValidationReport r = validator.validate(batch);
 * }
 * }</pre>
 *
 * <p>Validation never throws on bad data: a missing column, a wrong type, an out-of-range value are
 * {@link dev.mlops.api.schema.Violation}s in the report. Each field's column is scanned once for
 * all its row-level constraints; categorical constraints are judged once per distinct value.
 */
public final class Schemas {
  private Schemas() {}

  /**
   * Prepares a schema for validation with the {@linkplain ValidationOptions#defaults() default
   * options}: see {@link #validator(Schema, ValidationOptions)}.
   *
   * @param schema the schema
   * @return a reusable, thread-safe validator
   */
  public static Validator validator(Schema schema) {
    return validator(schema, ValidationOptions.defaults());
  }

  /**
   * Prepares a schema for validation: each field's constraints are resolved and its pattern
   * compiled once, here, and reused by every {@link Validator#validate(Table)}. The validator is
   * immutable and thread-safe; keep one per schema and options rather than calling
   * {@link #validate(Table, Schema, ValidationOptions)} per table.
   *
   * @param schema the schema
   * @param options environment, severity policy and examples per violation
   * @return a reusable, thread-safe validator
   */
  public static Validator validator(Schema schema, ValidationOptions options) {
    requireNonNull(schema, "schema");
    requireNonNull(options, "options");
    return new CompiledValidator(schema, options);
  }

  /**
   * Validates a table with the {@linkplain ValidationOptions#defaults() default options}.
   *
   * @param table the table
   * @param schema the schema
   * @return the report of every violation
   */
  public static ValidationReport validate(Table table, Schema schema) {
    return validate(table, schema, ValidationOptions.defaults());
  }

  /**
   * Validates a table once: {@code validator(schema, options).validate(table)}.
   *
   * @param table the table
   * @param schema the schema
   * @param options environment, severity policy and examples per violation
   * @return the report of every violation
   */
  public static ValidationReport validate(Table table, Schema schema, ValidationOptions options) {
    requireNonNull(table, "table");
    return validator(schema, options).validate(table);
  }

  /**
   * Validates a profile instead of rows, as TFDV validates statistics: the checks that need only
   * counts, moments, extremes and sketches run, so data that never sits in one JVM (a serving
   * window, merged shards) can be checked.
   *
   * <pre>{@code
   * TableProfile window = Profiles.merge(shardA, shardB);
   * ValidationReport report = Schemas.validate(window, schema, ValidationOptions.builder()
   *     .environment(Schema.SERVING).build());
   * }</pre>
   *
   * <p>Decided exactly: missing, unexpected and mistyped columns, null fraction, NaN, infinities,
   * whether any value is out of a range (exact extremes), mean and standard deviation, row count.
   * Estimated: how many values are out of a range and quantile bounds (KLL sketch, within its rank
   * error), domain shares (exact while a column has at most 192 distinct values, else the values
   * beyond the frequent items count as outside), distinct counts (HLL, about 1.6%). Not decidable
   * from a profile and skipped: {@code Pattern}, {@code Length}, {@code Unique} and table
   * constraints other than {@code RowCount}. Violations carry no example rows, and the report's
   * {@code failingRows()} is empty. To validate many profiles, use {@link #validator} and
   * {@link Validator#validate(TableProfile)}.
   *
   * @param profile the profile
   * @param schema the schema
   * @param options environment, severity policy and how many outside values to name
   * @return the report
   */
  public static ValidationReport validate(TableProfile profile, Schema schema, ValidationOptions options) {
    requireNonNull(profile, "profile");
    return validator(schema, options).validate(profile);
  }

  /**
   * Infers the schema of reference data with the {@linkplain InferenceOptions#defaults()
   * defaults}: see {@link #of(Table, InferenceOptions)}.
   *
   * @param reference the reference table
   * @return a schema the reference conforms to
   */
  public static Schema of(Table reference) {
    return of(reference, InferenceOptions.defaults());
  }

  /**
   * Infers the schema of reference data, as TFDV's {@code infer_schema} and Deequ's constraint
   * suggestion do: every column becomes a required field of its type; a column without nulls is
   * not-null, one with nulls may have its observed share plus {@code nullSlack}; numeric columns
   * get no-NaN/no-infinity when none are seen and a range (with {@code rangeSlack}); categorical
   * columns with few distinct values (at most {@code maxDomainSize}, and at most half the
   * values) get a domain; integral and categorical columns whose values are all distinct (over at
   * least {@code minRowsForUnique} values) are unique. The reference always conforms to the schema
   * inferred from it. Review the result before committing it: inference describes the data, not
   * what it should be.
   *
   * @param reference the reference table
   * @param options slack and thresholds
   * @return the inferred schema
   */
  public static Schema of(Table reference, InferenceOptions options) {
    requireNonNull(reference, "reference");
    requireNonNull(options, "options");
    return SchemaInference.infer(reference, options);
  }

  /**
   * Reads a schema from a record class: one required field per component, typed as
   * {@link Tables#fromRecords} types it, not-null unless the component is {@code Optional} or
   * annotated {@link dev.mlops.api.schema.annotation.NullsAllowed @NullsAllowed}; enum components get
   * their constants as a domain; {@link dev.mlops.api.schema.annotation.Range @Range},
   * {@link dev.mlops.api.schema.annotation.Domain @Domain} and
   * {@link dev.mlops.api.schema.annotation.Pattern @Pattern} add constraints. The schema is named
   * after the class.
   *
   * @param type the record class
   * @return the schema
   * @throws IllegalArgumentException if a component has no column type, or an annotation does not
   *     apply to it (the message names the component)
   */
  public static Schema fromRecord(Class<? extends Record> type) {
    return RecordSchemas.fromRecord(requireNonNull(type, "type"));
  }

  /**
   * Lists the differences between two schemas, each classified as breaking (a table that conformed
   * to {@code before} may fail {@code after}) or compatible. Fields are matched by name,
   * constraints by kind (quantile bounds by quantile). Code-only rules compare by identity.
   *
   * <pre>{@code
   * List<SchemaChange> changes = Schemas.diff(Schemas.read(oldFile), Schemas.read(newFile));
   * boolean safe = changes.stream().noneMatch(SchemaChange::breaking);
   * }</pre>
   *
   * @param before the old schema
   * @param after the new schema
   * @return the changes, fields in the old schema's order first; empty when the schemas are equal
   */
  public static List<SchemaChange> diff(Schema before, Schema after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    return SchemaDiffer.diff(before, after);
  }

  /**
   * Renders a schema as JSON (with {@code formatVersion} 1; domains sorted; infinite bounds left
   * out).
   *
   * @param schema the schema
   * @return the JSON text
   * @throws IllegalArgumentException if the schema holds a code-only rule (a Java predicate), or a
   *     pattern that RE2 does not accept (a file with it could not be read back)
   */
  public static String toJson(Schema schema) {
    return SchemaFiles.toJson(requireNonNull(schema, "schema"));
  }

  /**
   * Renders a schema as YAML, with the same content as {@link #toJson}.
   *
   * @param schema the schema
   * @return the YAML text
   * @throws IllegalArgumentException if the schema holds a code-only rule (a Java predicate), a
   *     pattern that RE2 does not accept (a file with it could not be read back), or is above the
   *     64 Mi code points a YAML schema may hold (write it as JSON)
   */
  public static String toYaml(Schema schema) {
    return SchemaFiles.toYaml(requireNonNull(schema, "schema"));
  }

  /**
   * Reads a schema from JSON.
   *
   * @param json the text
   * @return the schema
   * @throws MalformedDataException naming the JSON path of the first problem (an unknown key, a
   *     wrong type, an unsupported {@code formatVersion}, a contradictory constraint)
   */
  public static Schema fromJson(String json) {
    return SchemaFiles.fromJson(requireNonNull(json, "json"), "<json>");
  }

  /**
   * Reads a schema from YAML (at most 64 Mi code points). Aliases ({@code *name}) and duplicate keys
   * are refused with their line and column.
   *
   * @param yaml the text
   * @return the schema
   * @throws MalformedDataException naming the JSON path of the first problem, or the line and column
   *     of an alias or a duplicate key
   */
  public static Schema fromYaml(String yaml) {
    return SchemaFiles.fromYaml(requireNonNull(yaml, "yaml"), "<yaml>");
  }

  /**
   * Reads a schema file: YAML for {@code .yaml}/{@code .yml}, JSON otherwise. A YAML file may hold
   * up to 64 Mi code points (every file {@link #write} produces); a larger one is refused before it
   * is read into memory. YAML aliases ({@code *name}) are refused with their line and column.
   *
   * @param path the file
   * @return the schema
   * @throws IOException if the file cannot be read
   * @throws MalformedDataException naming the file and the JSON path of the first problem, or the
   *     line and column of a YAML alias, or a YAML file above the size limit
   */
  public static Schema read(Path path) throws IOException {
    requireNonNull(path, "path");
    if (isYaml(path)) {
      SchemaFiles.checkYamlFileSize(path, Files.size(path));
    }
    String text = Files.readString(path, StandardCharsets.UTF_8);
    return isYaml(path) ? SchemaFiles.fromYaml(text, path.toString()) : SchemaFiles.fromJson(text, path.toString());
  }

  /**
   * Writes a schema file atomically (a temporary file in the same folder, forced to disk, then
   * moved over the target): YAML for {@code .yaml}/{@code .yml}, JSON otherwise. A failure leaves
   * any previous file as it was.
   *
   * @param schema the schema
   * @param path the file
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if the schema holds a code-only rule, a pattern that RE2 does
   *     not accept, or is above the 64 Mi code points a YAML file may hold (so that every file
   *     written can be read back)
   */
  public static void write(Schema schema, Path path) throws IOException {
    requireNonNull(schema, "schema");
    requireNonNull(path, "path");
    byte[] bytes = (isYaml(path) ? toYaml(schema) : toJson(schema)).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(path, bytes);
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * Validates Java records (or JavaBeans) through {@link Tables#fromRecords}.
   *
   * @param rows the objects
   * @param type their class
   * @param schema the schema
   * @param options validation options
   * @param <T> the row type
   * @return the report; row indices are positions in {@code rows}
   */
  public static <T> ValidationReport validate(List<? extends T> rows, Class<T> type, Schema schema,
      ValidationOptions options) {
    return validate(Tables.fromRecords(rows, type), schema, options);
  }
}
