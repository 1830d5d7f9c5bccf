package dev.mlops.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mlops.api.data.MalformedDataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Not public API. Reads typed fields of a parsed JSON tree, failing with the source and the JSON
 * path of the first problem ({@code $.fields[2].type: expected a string, found number 3}). The
 * strict readers of schema files and registry records extend it.
 *
 * <p>Every JSON document is parsed by a {@linkplain #strictMapper() strict mapper}: content after the
 * document and a key given twice in one object are errors, never silently ignored or overwritten.
 */
public class JsonFields {
  private final String source;

  /**
   * Returns a new mapper that rejects content after the document
   * ({@link DeserializationFeature#FAIL_ON_TRAILING_TOKENS}) and a key repeated in one object
   * ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}). Every reader of mlops-java's JSON
   * parses with one.
   *
   * @return the mapper
   */
  public static JsonMapper strictMapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /**
   * The JSON path where a parse error happened ({@code $.fields[2].name} for a key given twice),
   * or {@code $} when it is at the top level or unknown.
   *
   * @param e the parse error
   * @return the path
   */
  public static String pathOf(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser parser)) {
      return "$";
    }
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add("." + c.getCurrentName());
      }
    }
    StringBuilder path = new StringBuilder("$");
    for (int i = parts.size() - 1; i >= 0; i--) {
      path.append(parts.get(i));
    }
    return path.toString();
  }

  /**
   * The problem of a parse error, prefixed with its JSON path when it is inside the document:
   * {@code "$.aliases.champion: Duplicate field 'champion'"}.
   *
   * @param e the parse error
   * @return the text
   */
  public static String problemOf(JsonProcessingException e) {
    String path = pathOf(e);
    return path.equals("$") ? e.getOriginalMessage() : path + ": " + e.getOriginalMessage();
  }

  /**
   * Creates a reader.
   *
   * @param source the file or stream the tree came from, named in errors
   */
  public JsonFields(String source) {
    this.source = source;
  }

  /** @return the source named in errors */
  public final String source() {
    return source;
  }

  /**
   * Makes the error for a problem at a path.
   *
   * @param path the JSON path
   * @param problem what is wrong
   * @return the exception, to throw
   */
  public final MalformedDataException fail(String path, String problem) {
    return new MalformedDataException(source, -1, -1, null, path + ": " + problem, null);
  }

  /**
   * Renders a node for an error message: strings quoted, other values with their JSON type.
   *
   * @param node the node
   * @return the text
   */
  public static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "\"" + node.asText() + "\"";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT) + (node.isValueNode() ? " " + node : "");
  }

  /**
   * Returns a present, non-null field.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the value
   */
  public final JsonNode required(JsonNode node, String path, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw fail(path + "." + key, "missing; it is required");
    }
    return v;
  }

  /**
   * Returns a required object field.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the object
   */
  public final JsonNode requiredObject(JsonNode node, String path, String key) {
    JsonNode v = required(node, path, key);
    if (!v.isObject()) {
      throw fail(path + "." + key, "expected an object, found " + describe(v));
    }
    return v;
  }

  /**
   * Checks that a node is an array.
   *
   * @param node the node
   * @param path its path
   * @return the node
   */
  public final JsonNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw fail(path, "expected an array, found " + describe(node));
    }
    return node;
  }

  /**
   * Returns a required string field.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the text
   */
  public final String text(JsonNode node, String path, String key) {
    JsonNode v = required(node, path, key);
    if (!v.isTextual()) {
      throw fail(path + "." + key, "expected a string, found " + describe(v));
    }
    return v.asText();
  }

  /**
   * Checks a document's {@code formatVersion}: present and exactly {@code supported}. A number
   * that does not fit an {@code int} (such as 4294967297, whose low 32 bits are 1) or has a
   * fraction is rejected, never narrowed.
   *
   * @param root the document
   * @param supported the one version this reader reads
   * @param message the problem for a wrong version, given the value found (null when absent)
   */
  public final void formatVersion(JsonNode root, int supported, Function<JsonNode, String> message) {
    JsonNode v = root.get("formatVersion");
    if (v == null || !v.isInt() || v.intValue() != supported) {
      throw fail("$.formatVersion", message.apply(v));
    }
  }

  /**
   * Returns a required whole-number field that fits an {@code int}.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the number
   */
  public final int intValue(JsonNode node, String path, String key) {
    JsonNode v = required(node, path, key);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw fail(path + "." + key, "expected a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
          + ", found " + describe(v));
    }
    return v.intValue();
  }

  /**
   * Returns a required whole-number field.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the number
   */
  public final long integer(JsonNode node, String path, String key) {
    JsonNode v = required(node, path, key);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw fail(path + "." + key, "expected a whole number, found " + describe(v));
    }
    return v.asLong();
  }

  /**
   * Returns an optional number field.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @param absent the value when the field is absent or null
   * @return the number
   */
  public final double number(JsonNode node, String path, String key, double absent) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isNumber()) {
      throw fail(path + "." + key, "expected a number, found " + describe(v));
    }
    return v.asDouble();
  }

  /**
   * Returns a number written by {@link JsonNumbers#put}: null for NaN, {@code "Infinity"} and
   * {@code "-Infinity"} for the infinities.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the number
   */
  public final double reportNumber(JsonNode node, String path, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isTextual() && (v.asText().equals("Infinity") || v.asText().equals("-Infinity"))) {
      return v.asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!v.isNumber()) {
      throw fail(path + "." + key, "expected a number, null or \"Infinity\", found " + describe(v));
    }
    return v.asDouble();
  }

  /**
   * Returns an optional boolean field.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @param absent the value when the field is absent or null
   * @return the boolean
   */
  public final boolean bool(JsonNode node, String path, String key, boolean absent) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isBoolean()) {
      throw fail(path + "." + key, "expected true or false, found " + describe(v));
    }
    return v.asBoolean();
  }

  /**
   * Returns a required enum field, matched ignoring case.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @param type the enum type
   * @param <E> the enum type
   * @return the constant
   */
  public final <E extends Enum<E>> E enumValue(JsonNode node, String path, String key, Class<E> type) {
    String text = text(node, path, key);
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw fail(path + "." + key, "\"" + text + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /**
   * Returns a required array of strings.
   *
   * @param node the object
   * @param path its path
   * @param key the field
   * @return the strings
   */
  public final List<String> strings(JsonNode node, String path, String key) {
    JsonNode v = array(required(node, path, key), path + "." + key);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw fail(path + "." + key + "[" + i + "]", "expected a string, found " + describe(v.get(i)));
      }
      out.add(v.get(i).asText());
    }
    return out;
  }
}
