/**
 * Model registries: {@link dev.mlops.core.registry.Registries#open(java.nio.file.Path)} for the
 * embedded, crash-safe, multi-process file registry, and
 * {@link dev.mlops.core.registry.Registries#inMemory()} for unit tests. Both are returned as
 * {@link dev.mlops.api.registry.ModelRegistry}.
 */
package dev.mlops.core.registry;
