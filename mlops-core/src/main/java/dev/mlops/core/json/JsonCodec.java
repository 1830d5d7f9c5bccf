package dev.mlops.core.json;

/**
 * One JSON document type: how a value is written and read back. Every document carries
 * {@code formatVersion}; a reader rejects a version it does not know.
 *
 * @param <T> the value type
 */
interface JsonCodec<T> {
  /** @return the value type */
  Class<T> type();

  /**
   * Writes a value.
   *
   * @param value the value, not null
   * @return the JSON text, ending with a newline
   */
  String write(T value);

  /**
   * Reads a value.
   *
   * @param json the text
   * @param source the file or stream it came from, named in errors
   * @return the value
   * @throws dev.mlops.api.data.MalformedDataException naming the source and the JSON path of the
   *     first problem
   */
  T read(String json, String source);
}
