package dev.mlops.testing;

import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.core.registry.InMemoryModelRegistry;
import dev.mlops.core.registry.Registries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link TempRegistry}: resolves annotated registry parameters with a
 * new registry (a file registry in a new temp directory, or an in-memory one), closed and deleted
 * when the test's extension context closes (JUnit Jupiter 5.13 or later, which closes stored
 * {@link AutoCloseable} values).
 */
public final class TemporaryRegistryExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TemporaryRegistryExtension.class);

  /** Creates the extension (JUnit does, through {@link TempRegistry}). */
  public TemporaryRegistryExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return parameter.isAnnotated(TempRegistry.class)
        && (type == ModelRegistry.class || type == InMemoryModelRegistry.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TempRegistry settings = parameter.findAnnotation(TempRegistry.class).orElseThrow();
    Class<?> type = parameter.getParameter().getType();
    boolean inMemory = type == InMemoryModelRegistry.class || settings.storage() == TempRegistry.Storage.MEMORY;
    RegistryOptions options = RegistryOptions.builder().actor(settings.actor()).build();
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    String key = "registry-" + parameter.getIndex() + "-" + System.identityHashCode(parameter.getDeclaringExecutable());
    if (inMemory) {
      ModelRegistry registry = Registries.inMemory(options);
      store.put(key, new Closer(registry, null));
      return registry;
    }
    try {
      Path dir = Files.createTempDirectory("mlops-registry-");
      ModelRegistry registry = Registries.open(dir, options);
      store.put(key, new Closer(registry, dir));
      return registry;
    } catch (IOException e) {
      throw new ParameterResolutionException("cannot create a temporary registry directory", e);
    }
  }

  /** Closes the registry and deletes its directory when JUnit closes the store (JUnit 5.13+ closes AutoCloseables). */
  private record Closer(ModelRegistry registry, Path dir) implements AutoCloseable {
    @Override
    public void close() {
      registry.close();
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete temporary registry " + dir, e);
        }
      }
    }
  }
}
