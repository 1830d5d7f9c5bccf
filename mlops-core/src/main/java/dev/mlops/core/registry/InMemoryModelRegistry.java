package dev.mlops.core.registry;

import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.RegistryOptions;
import java.util.Objects;

/**
 * A registry held in memory, with the same semantics as the file registry (records are kept as
 * the same JSON bytes), for unit tests. {@link Registries#inMemory()} returns one as a
 * {@code ModelRegistry}; this type is public only for its corruption hooks, which the registry
 * contract tests use.
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
   * @throws IllegalArgumentException if the digest does not start with {@code sha256:}
   */
  public void corruptArtifactForTesting(String digest, byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (!Objects.requireNonNull(digest, "digest").startsWith("sha256:")) {
      throw new IllegalArgumentException("digest must start with sha256:, was " + digest);
    }
    ((MemoryStore) store()).corruptBlob(digest.substring("sha256:".length()), bytes);
  }

  /**
   * Test hook: replaces a version's stored manifest, as corruption on disk would, so that tests can
   * check that an unreadable manifest is reported and the other versions stay readable.
   *
   * @param version the version
   * @param bytes the bytes to store as its manifest
   */
  public void corruptManifestForTesting(ModelRef.Version version, byte[] bytes) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(bytes, "bytes");
    store().replaceVersion(version.name(), version.number(), bytes);
  }

  @Override
  public String toString() {
    return "InMemoryModelRegistry";
  }
}
