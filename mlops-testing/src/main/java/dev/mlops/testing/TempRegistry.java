package dev.mlops.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a fresh, empty model registry into a test method or constructor parameter of type
 * {@code ModelRegistry} (or {@code InMemoryModelRegistry}, for its corruption hook); it is closed
 * (and its directory deleted) after the test.
 *
 * <pre>{@code
 * @Test
 * void promotesTheChampion(@TempRegistry ModelRegistry registry) {
 *   ModelVersion v = registry.register("churn", "bytes", bytes, Registration.none());
 *   registry.setAlias(v.ref(), "champion");
 *   assertThat(registry).hasAlias("churn", "champion").pointingTo(1);
 * }
 *
 * @Test
 * void fast(@TempRegistry(storage = TempRegistry.Storage.MEMORY) ModelRegistry registry) { ... }
 * }</pre>
 */
@Target({ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(TemporaryRegistryExtension.class)
public @interface TempRegistry {
  /** Where an injected registry keeps its records. */
  enum Storage {
    /** A file registry in a new temporary directory (the default), deleted after the test. */
    FILES,
    /** An in-memory registry, with the same semantics. */
    MEMORY
  }

  /** @return where the registry keeps its records; an {@code InMemoryModelRegistry} parameter is always in memory */
  Storage storage() default Storage.FILES;

  /** @return the actor the registry records in its audit log */
  String actor() default "test";
}
