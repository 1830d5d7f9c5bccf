package dev.mlops.api.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stored bytes of a model version: their SHA-256 digest, size and the codec that wrote them.
 *
 * @param digest {@code sha256:} followed by 64 lower-case hex digits
 * @param size the size in bytes
 * @param type the {@linkplain ArtifactCodec#typeId() codec type id} that wrote the bytes
 */
public record Artifact(String digest, long size, String type) {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  /**
   * Validates the components.
   *
   * @param digest the digest
   * @param size the size
   * @param type the type id
   * @throws IllegalArgumentException if the digest is malformed, the size negative or the type id
   *     breaks {@link RegistryNames#checkKey}'s rules
   */
  public Artifact {
    Objects.requireNonNull(digest, "digest");
    if (!DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("artifact digest must be sha256: and 64 lower-case hex digits, was "
          + RegistryNames.quote(digest));
    }
    if (size < 0) {
      throw new IllegalArgumentException("artifact size must be >= 0, was " + size);
    }
    RegistryNames.checkKey(Objects.requireNonNull(type, "type"));
  }

  /** @return the 64 hex digits of the digest */
  public String hex() {
    return digest.substring("sha256:".length());
  }
}
