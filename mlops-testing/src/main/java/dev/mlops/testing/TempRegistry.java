package dev.mlops.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a fresh, empty model registry into a test method or constructor parameter of type
 * {@code ModelRegistry}, {@code FileModelRegistry} or {@code InMemoryModelRegistry}; it is closed
 * (and its directory deleted) after the test.
 *
 * <pre>{@code
 * @Test
 * void promotesTheChampion(@TempRegistry ModelRegistry registry) {
 *   registry.register("churn", "bytes", bytes, Registration.none());
 *   registry.setAlias("churn", "champion", 1);
 *   assertThat(registry).hasAlias("churn", "champion").pointingTo(1);
 * }
 * }</pre>
 */
@Target({ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(TemporaryRegistryExtension.class)
public @interface TempRegistry {
  /** @return whether to inject an in-memory registry instead of a file registry in a temp directory */
  boolean inMemory() default false;

  /** @return the actor the registry records in its audit log */
  String actor() default "test";
}
