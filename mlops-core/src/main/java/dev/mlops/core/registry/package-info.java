/**
 * Model registries: {@link dev.mlops.core.registry.Registries#open(java.nio.file.Path)} for the
 * embedded, crash-safe, multi-process {@link dev.mlops.core.registry.FileModelRegistry}, and
 * {@link dev.mlops.core.registry.Registries#inMemory()} for unit tests.
 */
package dev.mlops.core.registry;
