/**
 * The model registry: a {@link dev.mlops.api.registry.ModelRegistry} keeps numbered, immutable
 * {@link dev.mlops.api.registry.ModelVersion}s of named models, with aliases such as
 * {@code churn@champion}, tags, metadata, metrics, lineage and an audit log of
 * {@link dev.mlops.api.registry.RegistryEvent}s. Artifacts are bytes written and read by an
 * {@link dev.mlops.api.registry.ArtifactCodec}, so the registry stores any model type. A version is
 * named by a {@link dev.mlops.api.registry.ModelRef} ({@code churn/3} or {@code churn@champion});
 * compare-and-set alias moves state what they expect with an {@link dev.mlops.api.registry.Expect}.
 *
 * <pre>{@code
 * try (ModelRegistry registry = Registries.open(Path.of("models"), RegistryOptions.defaults())) {
 *   ModelVersion v = registry.register("churn", model, codec,
 *       Registration.builder().metric("auc", 0.91).gateResult(gate).build());
 *   registry.setAlias(v.ref(), "champion", Expect.absent());
 *   Model<Label> champion = registry.load(ModelRef.parse("churn@champion"), codec);
 * }
 * }</pre>
 *
 * <p>{@code dev.mlops.core.registry.Registries} opens the file-backed and in-memory registries.
 */
package dev.mlops.api.registry;
