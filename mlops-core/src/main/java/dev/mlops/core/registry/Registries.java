package dev.mlops.core.registry;

import dev.mlops.api.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens model registries.
 *
 * <pre>{@code
 * try (ModelRegistry registry = Registries.open(Path.of("models"))) {
 *   ...
 * }
 * ModelRegistry forTests = Registries.inMemory();
 * }</pre>
 */
public final class Registries {
  private Registries() {}

  /**
   * Opens (creating if needed) a file registry with the {@linkplain RegistryOptions#defaults()
   * default options}.
   *
   * @param dir the registry's directory: new, empty, or an existing registry
   * @return the registry
   * @throws UncheckedIOException if the directory cannot be created or read
   * @throws IllegalArgumentException if the directory is neither empty nor a registry
   */
  public static FileModelRegistry open(Path dir) {
    return open(dir, RegistryOptions.defaults());
  }

  /**
   * Opens (creating if needed) a file registry. Several registries, in this or other processes,
   * may open the same directory at once.
   *
   * @param dir the registry's directory
   * @param options the clock, actor, promotion policy and durability
   * @return the registry
   * @throws UncheckedIOException if the directory cannot be created or read
   * @throws IllegalArgumentException if the directory is neither empty nor a registry
   */
  public static FileModelRegistry open(Path dir, RegistryOptions options) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(options, "options");
    try {
      return new FileModelRegistry(FileStore.open(dir, options.durable()), options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open model registry " + dir, e);
    }
  }

  /** @return a new, empty in-memory registry with the default options */
  public static InMemoryModelRegistry inMemory() {
    return inMemory(RegistryOptions.defaults());
  }

  /**
   * Returns a new, empty in-memory registry.
   *
   * @param options the clock, actor and promotion policy
   * @return the registry
   */
  public static InMemoryModelRegistry inMemory(RegistryOptions options) {
    return new InMemoryModelRegistry(Objects.requireNonNull(options, "options"));
  }

  /**
   * The type id for raw bytes registered without a codec.
   */
  public static final String BYTES = "bytes";

  /** @return a codec storing byte arrays as they are, under type id {@value #BYTES} */
  public static dev.mlops.api.registry.ArtifactCodec<byte[]> bytesCodec() {
    return BytesCodec.INSTANCE;
  }
}
