package dev.mlops.core.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.profile.TableProfile;
import dev.mlops.api.schema.Schema;
import dev.mlops.core.internal.AtomicFiles;
import dev.mlops.core.internal.JsonFields;
import dev.mlops.core.schema.Schemas;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one JSON entry point for every result, profile and schema: {@link #toJson} and
 * {@link #fromJson} convert, {@link #write} and {@link #read} do the same with a file (written
 * atomically). Every document carries {@code formatVersion}; a reader rejects a version it does not
 * know, naming the one it supports. The same value always gives the same bytes.
 *
 * <pre>{@code
 * MlopsJson.write(Drift.compare(reference, current), Path.of("drift.json"));
 * DriftReport again = MlopsJson.read(Path.of("drift.json"), DriftReport.class);
 * }</pre>
 *
 * <p>Supported types: {@link #supportedTypes()}.
 */
public final class MlopsJson {
  private static final ObjectMapper JSON = JsonFields.strictMapper();
  private static final List<JsonCodec<?>> CODECS = List.of(
      new ValidationReportJson(),
      new DriftReportJson(),
      new GateResultJson(),
      new ProfileJson(),
      new SchemaCodec());

  private MlopsJson() {}

  /**
   * The types this codec writes and reads.
   *
   * @return the types, in a fixed order
   */
  public static List<Class<?>> supportedTypes() {
    return CODECS.stream().<Class<?>>map(JsonCodec::type).toList();
  }

  /**
   * Renders a value as JSON.
   *
   * @param value a value of one of the {@linkplain #supportedTypes() supported types}
   * @return the JSON text, ending with a newline
   * @throws IllegalArgumentException if the value's type is not supported, naming the ones that are
   */
  public static String toJson(Object value) {
    requireNonNull(value, "value");
    return writeWith(codecFor(value), value);
  }

  /**
   * Reads a value from JSON.
   *
   * @param json the text
   * @param type the expected type, one of the {@linkplain #supportedTypes() supported types}
   * @param <T> the type
   * @return the value
   * @throws IllegalArgumentException if the type is not supported
   * @throws MalformedDataException if the text is not valid JSON of that type and a known
   *     {@code formatVersion}, naming the JSON path of the first problem
   */
  public static <T> T fromJson(String json, Class<T> type) {
    requireNonNull(json, "json");
    return type.cast(codecFor(requireNonNull(type, "type")).read(json, "<" + type.getSimpleName() + " json>"));
  }

  /**
   * Writes a value as a JSON file, atomically: a reader sees the previous file or the whole new
   * one, never half of it.
   *
   * @param value a value of one of the supported types
   * @param path the file; its folder must exist
   * @throws IOException if the file cannot be written; any previous file is then unchanged
   * @throws IllegalArgumentException if the value's type is not supported
   */
  public static void write(Object value, Path path) throws IOException {
    requireNonNull(value, "value");
    requireNonNull(path, "path");
    AtomicFiles.write(path, writeWith(codecFor(value), value).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a value from a JSON file.
   *
   * @param path the file
   * @param type the expected type
   * @param <T> the type
   * @return the value
   * @throws IOException if the file cannot be read
   * @throws MalformedDataException naming the file and the JSON path of the first problem
   */
  public static <T> T read(Path path, Class<T> type) throws IOException {
    requireNonNull(path, "path");
    JsonCodec<?> codec = codecFor(requireNonNull(type, "type"));
    byte[] bytes = Files.readAllBytes(path);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedDataException(path.toString(), -1, -1, null, "not UTF-8 text: " + e.getMessage(), e);
    }
    return type.cast(codec.read(text, path.toString()));
  }

  @SuppressWarnings("unchecked")
  private static <T> String writeWith(JsonCodec<T> codec, Object value) {
    return codec.write((T) value);
  }

  private static JsonCodec<?> codecFor(Object value) {
    for (JsonCodec<?> codec : CODECS) {
      if (codec.type().isInstance(value)) {
        return codec;
      }
    }
    throw unsupported(value.getClass());
  }

  private static JsonCodec<?> codecFor(Class<?> type) {
    for (JsonCodec<?> codec : CODECS) {
      if (codec.type().equals(type)) {
        return codec;
      }
    }
    throw unsupported(type);
  }

  private static IllegalArgumentException unsupported(Class<?> type) {
    return new IllegalArgumentException("no JSON form for " + type.getName() + "; supported: "
        + CODECS.stream().map(c -> c.type().getSimpleName()).collect(Collectors.joining(", ")));
  }

  /** Parses JSON text to a tree, failing with the source and line. */
  static JsonNode parse(String json, String source) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new MalformedDataException(source, -1, -1, null, "$: expected a JSON object", null);
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new MalformedDataException(source, e.getLocation() == null ? -1 : e.getLocation().getLineNr(), -1, null,
          "not valid JSON: " + JsonFields.problemOf(e), e);
    }
  }

  /** Rejects a document whose {@code formatVersion} is missing or not the supported one. */
  static void checkVersion(JsonFields fields, JsonNode root, int supported) {
    fields.formatVersion(root, supported, found -> "this reader supports formatVersion " + supported + ", found "
        + (found == null ? "none" : JsonFields.describe(found)));
  }

  /** Schemas keep their own reviewed file format, which this codec delegates to. */
  private static final class SchemaCodec implements JsonCodec<Schema> {
    @Override
    public Class<Schema> type() {
      return Schema.class;
    }

    @Override
    public String write(Schema schema) {
      return Schemas.toJson(schema);
    }

    @Override
    public Schema read(String json, String source) {
      try {
        return Schemas.fromJson(json);
      } catch (MalformedDataException e) {
        throw new MalformedDataException(source, e.line().orElse(-1), e.column().orElse(-1), e.columnName().orElse(null),
            e.problem(), e);
      }
    }
  }
}
