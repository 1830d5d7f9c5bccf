package dev.mlops.api.registry;

import java.util.Arrays;
import java.util.Objects;

/**
 * Extra bytes to store alongside a new version's artifact, such as an ONNX export of the model.
 * Given through {@link Registration.Builder#attachment} or a codec's
 * {@link ArtifactCodec#attachments}; once stored, a version lists it as an {@link Artifact} in
 * {@link ModelVersion#attachments()} and {@link ModelRegistry#loadAttachment} reads it back,
 * verified. The bytes are copied in and out, so an attachment never changes.
 *
 * <pre>{@code
 * Attachment onnx = new Attachment("onnx", onnxBytes);
 * }</pre>
 */
public final class Attachment {
  private final String type;
  private final byte[] bytes;

  /**
   * Creates an attachment, copying the bytes.
   *
   * @param type what the bytes are (such as {@code onnx}), by {@link RegistryNames#checkKey}'s rules
   * @param bytes the bytes
   * @throws IllegalArgumentException if the type breaks the rules
   */
  public Attachment(String type, byte[] bytes) {
    this.type = RegistryNames.checkKey(Objects.requireNonNull(type, "type"));
    this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  /** @return what the bytes are, such as {@code onnx} */
  public String type() {
    return type;
  }

  /** @return a copy of the bytes */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** @return the number of bytes */
  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attachment a && a.type.equals(type) && Arrays.equals(a.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Attachment[type=" + type + ", " + bytes.length + " bytes]";
  }
}
