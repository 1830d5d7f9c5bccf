package dev.mlops.core.registry;

/**
 * A registry held in memory, with the same semantics as {@link FileModelRegistry} (records are
 * kept as the same JSON bytes), for unit tests. Opened with {@link Registries#inMemory()}.
 *
 * <pre>{@code
 * ModelRegistry registry = Registries.inMemory();
 * registry.register("churn", "bytes", new byte[] {1, 2, 3}, Registration.none());
 * }</pre>
 */
public final class InMemoryModelRegistry extends StoreRegistry {

  InMemoryModelRegistry(RegistryOptions options) {
    super(new MemoryStore(), options);
  }

  /**
   * Test hook: replaces an artifact's stored bytes, as corruption on disk would, so that tests can
   * check that loading detects it.
   *
   * @param digest the artifact's digest ({@code sha256:...})
   * @param bytes the bytes to store under it
   */
  public void corruptArtifactForTesting(String digest, byte[] bytes) {
    java.util.Objects.requireNonNull(bytes, "bytes");
    if (!java.util.Objects.requireNonNull(digest, "digest").startsWith("sha256:")) {
      throw new IllegalArgumentException("digest must start with sha256:, was " + digest);
    }
    ((MemoryStore) store()).corruptBlob(digest.substring("sha256:".length()), bytes);
  }

  @Override
  public String toString() {
    return "InMemoryModelRegistry";
  }
}
