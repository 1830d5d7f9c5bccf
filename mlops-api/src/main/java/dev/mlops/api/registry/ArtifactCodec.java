package dev.mlops.api.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Writes models of one type to bytes and reads them back, so the registry can store any model
 * type. The registry records the {@link #typeId()} with each version and refuses to read a
 * version with a codec of another type. Implementations must not use Java serialization.
 *
 * <pre>{@code
 * ArtifactCodec<String> text = new ArtifactCodec<>() {
 *   public String typeId() { return "text"; }
 *   public void write(String model, OutputStream out) throws IOException {
 *     out.write(model.getBytes(StandardCharsets.UTF_8));
 *   }
 *   public String read(InputStream in) throws IOException {
 *     return new String(in.readAllBytes(), StandardCharsets.UTF_8);
 *   }
 * };
 * }</pre>
 *
 * @param <T> the model type
 */
public interface ArtifactCodec<T> {

  /** @return the id recorded with each version this codec writes, by {@link RegistryNames#checkKey}'s rules */
  String typeId();

  /**
   * Writes a model.
   *
   * @param model the model
   * @param out where to write; not closed by the codec
   * @throws IOException if writing fails
   */
  void write(T model, OutputStream out) throws IOException;

  /**
   * Reads a model written by {@link #write}. The registry calls this only on bytes whose digest
   * verified.
   *
   * @param in the bytes; not closed by the codec
   * @return the model
   * @throws IOException if the bytes cannot be read as a model of this type
   */
  T read(InputStream in) throws IOException;

  /**
   * Metadata the codec derives from the model, recorded with the version (entries given in the
   * {@link Registration} win). None by default.
   *
   * @param model the model
   * @return the metadata
   */
  default Map<String, String> metadata(T model) {
    return Map.of();
  }

  /**
   * Further bytes the codec derives from the model, stored alongside the artifact by name (such as
   * an export of the model to another format); attachments given in the {@link Registration}
   * win over these on a name clash. None by default. A codec that cannot derive an attachment for
   * a model should leave it out (and say why in its {@link #metadata}) rather than fail the
   * registration.
   *
   * @param model the model
   * @return the attachments by name
   */
  default Map<String, Attachment> attachments(T model) {
    return Map.of();
  }

  /**
   * A fingerprint of the model's training data, recorded as lineage when the registration gives
   * none. Empty (unknown) by default.
   *
   * @param model the model
   * @return the fingerprint (not empty), or empty if unknown
   */
  default Optional<String> trainingData(T model) {
    return Optional.empty();
  }
}
