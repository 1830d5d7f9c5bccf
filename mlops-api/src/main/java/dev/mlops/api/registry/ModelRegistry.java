package dev.mlops.api.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Named models with numbered, immutable versions, aliases, tags, metrics, lineage and an audit
 * log. Version numbers of a model start at 1, increase, and are never reused, even after a
 * deletion. Every method is safe to call from several threads; implementations document whether
 * several processes may share one registry.
 *
 * <pre>{@code
 * try (ModelRegistry registry = Registries.open(Path.of("models"))) {
 *   ModelVersion v = registry.register("churn", model, TribuoCodec.classification(),
 *       Registration.builder().gateResult(gateResult).build());
 *   registry.setAlias(v.ref(), "champion", Expect.version(2));   // only if @champion is still churn/2
 *   Model<Label> m = registry.load(ModelRef.parse("churn@champion"), TribuoCodec.classification());
 *   registry.rollback("churn", "champion");   // back to the previous champion
 * }
 * }</pre>
 *
 * <p>Methods that concern one version take a {@link ModelRef}: a number ({@code churn/3}) or an
 * alias ({@code churn@champion}), resolved under the registry's write lock when the method changes
 * something. Methods that concern a whole model take its name.
 *
 * <p>Errors: a missing model, version or alias is a {@link NoSuchElementException}; a failed
 * precondition ({@link Expect}, an expected revision) a {@link VersionConflictException}; a refused promotion a
 * {@link PromotionRejectedException}; corrupted stored bytes an {@link IntegrityException}; an
 * unreadable stored record a {@code MalformedDataException} naming where it is; an I/O failure an
 * {@link UncheckedIOException}.
 */
public interface ModelRegistry extends AutoCloseable {

  /**
   * Registers a new version from stored bytes.
   *
   * @param name the model's name (created on first registration)
   * @param type the codec type id of the bytes
   * @param artifact the bytes
   * @param registration what else to record
   * @return the new version, numbered one above the highest number ever assigned to this model
   */
  ModelVersion register(String name, String type, byte[] artifact, Registration registration);

  /**
   * Registers a new version of a model, written by a codec. The codec's
   * {@linkplain ArtifactCodec#metadata metadata}, {@linkplain ArtifactCodec#attachments attachments}
   * and {@linkplain ArtifactCodec#trainingData training data fingerprint} are recorded unless the
   * registration gives its own (entries of the registration win, by key or name).
   *
   * @param name the model's name
   * @param model the model
   * @param codec the codec
   * @param registration what else to record
   * @param <T> the model type
   * @return the new version
   */
  default <T> ModelVersion register(String name, T model, ArtifactCodec<T> codec, Registration registration) {
    RegistryNames.checkModelName(name);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(registration, "registration");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      codec.write(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException("codec " + codec.typeId() + " could not write the model for " + name, e);
    }
    Map<String, Attachment> attachments = new LinkedHashMap<>(codec.attachments(model));
    attachments.putAll(registration.attachments());
    Map<String, String> metadata = new LinkedHashMap<>(codec.metadata(model));
    metadata.putAll(registration.metadata());
    Lineage lineage = registration.lineage();
    if (lineage.trainingData().isEmpty()) {
      Optional<String> fingerprint = Objects.requireNonNull(codec.trainingData(model), "codec.trainingData");
      if (fingerprint.isPresent()) {
        lineage = lineage.withTrainingData(fingerprint.get());
      }
    }
    Registration.Builder merged = Registration.builder().metadata(metadata).lineage(lineage);
    registration.tags().forEach(merged::tag);
    registration.metrics().forEach(merged::metric);
    registration.schema().ifPresent(merged::schema);
    registration.gateResult().ifPresent(merged::gateResult);
    attachments.forEach((attachmentName, a) -> merged.attachment(attachmentName, a.type(), a.bytes()));
    return register(name, codec.typeId(), out.toByteArray(), merged.build());
  }

  /**
   * Finds a version by number or alias; deleted versions are not found.
   *
   * @param ref the reference
   * @return the version with its current aliases, or empty
   */
  Optional<ModelVersion> find(ModelRef ref);

  /**
   * Returns a version by number or alias.
   *
   * @param ref the reference
   * @return the version with its current aliases
   * @throws NoSuchElementException if there is no such live version, saying what is missing
   */
  default ModelVersion get(ModelRef ref) {
    return find(ref).orElseThrow(() -> new NoSuchElementException("no live model version " + ref));
  }

  /**
   * Resolves a reference to the version it names, without reading the version: an alias to the
   * number it points at now (a pinned reference that later alias moves do not change), a number
   * to itself once it is known to be live.
   *
   * <pre>{@code
   * ModelRef.Version serving = registry.resolve(ModelRef.parse("churn@champion"));   // churn/3
   * }</pre>
   *
   * @param ref the reference
   * @return the version, by number
   * @throws NoSuchElementException if the alias is not set, or the numbered version does not exist
   *     or was deleted
   */
  ModelRef.Version resolve(ModelRef ref);

  /**
   * Reads a version's bytes, verifying them against the recorded digest.
   *
   * @param ref the reference
   * @return the bytes
   * @throws IntegrityException if the bytes do not match the digest
   * @throws NoSuchElementException if there is no such live version
   */
  byte[] loadArtifact(ModelRef ref);

  /**
   * Reads one of a version's attachments, verifying its bytes against the recorded digest.
   *
   * <pre>{@code
   * byte[] onnx = registry.loadAttachment(ModelRef.parse("churn@champion"), "onnx");
   * }</pre>
   *
   * @param ref the reference
   * @param name the attachment's name, a key of {@link ModelVersion#attachments()}
   * @return the bytes
   * @throws IntegrityException if the bytes do not match the digest, naming where they were read
   * @throws NoSuchElementException if there is no such live version, or it has no attachment of
   *     that name (the message lists the ones it has)
   */
  byte[] loadAttachment(ModelRef ref, String name);

  /**
   * Loads a version's model with a codec, after verifying its bytes.
   *
   * @param ref the reference
   * @param codec the codec, whose type id must be the one recorded with the version
   * @param <T> the model type
   * @return the model
   * @throws IllegalArgumentException if the version was stored by a codec of another type
   * @throws IntegrityException if the bytes do not match the digest
   */
  default <T> T load(ModelRef ref, ArtifactCodec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    ModelVersion v = get(ref);
    if (!v.artifact().type().equals(codec.typeId())) {
      throw new IllegalArgumentException("model " + v.ref() + " was stored as type '" + v.artifact().type()
          + "' but is being read with a codec for '" + codec.typeId() + "'");
    }
    byte[] bytes = loadArtifact(v.ref());
    try {
      return codec.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("codec " + codec.typeId() + " could not read " + v.ref(), e);
    }
  }

  /** @return the names of all registered models, sorted */
  List<String> modelNames();

  /**
   * Returns a model's aliases and version range.
   *
   * @param name the model's name
   * @return the model
   * @throws NoSuchElementException if no version of it was ever registered
   */
  RegisteredModel model(String name);

  /**
   * Returns a model's live versions, by number.
   *
   * @param name the model's name
   * @return the versions with their aliases; empty if the model is unknown
   */
  List<ModelVersion> versions(String name);

  /**
   * Returns the live versions matching a query, by name then number, with their aliases and tags.
   *
   * @param query the query
   * @return the matches
   */
  List<ModelVersion> search(ModelQuery query);

  /**
   * Points an alias at a version, whatever it points at now (after the promotion policy allows
   * it); the same as {@code setAlias(target, alias, Expect.any())}.
   *
   * <pre>{@code
   * registry.setAlias(v.ref(), "staging");
   * }</pre>
   *
   * @param target the live version to point at, by number or by another alias of the same model
   * @param alias the alias, of the target's model
   * @return the version it pointed at before, or empty if it was not set
   * @throws PromotionRejectedException if the promotion policy refuses
   * @throws NoSuchElementException if the target does not exist or was deleted
   */
  default Optional<ModelRef.Version> setAlias(ModelRef target, String alias) {
    return setAlias(target, alias, Expect.any());
  }

  /**
   * Points an alias at a version if it currently points where {@code expected} says
   * (compare-and-set), after the promotion policy allows it.
   *
   * <pre>{@code
   * registry.setAlias(ModelRef.version("churn", 1), "champion", Expect.absent());   // the first champion
   * registry.setAlias(ModelRef.version("churn", 2), "champion", Expect.version(1)); // 1 -> 2, unless moved meanwhile
   * }</pre>
   *
   * @param target the live version to point at, by number or by another alias of the same model
   *     (resolved under the write lock)
   * @param alias the alias, of the target's model
   * @param expected where the alias must point now: {@link Expect#absent()}, {@link Expect#version(int)}
   *     or {@link Expect#any()}
   * @return the version it pointed at before, or empty if it was not set
   * @throws VersionConflictException if it points elsewhere, naming what was expected and what it found
   * @throws PromotionRejectedException if the promotion policy refuses
   * @throws NoSuchElementException if the target does not exist or was deleted
   */
  Optional<ModelRef.Version> setAlias(ModelRef target, String alias, Expect expected);

  /**
   * Removes an alias if it currently points where {@code expected} says.
   *
   * <pre>{@code
   * registry.removeAlias("churn", "staging", Expect.version(4));
   * }</pre>
   *
   * @param name the model's name
   * @param alias the alias
   * @param expected where it must point now: {@link Expect#version(int)}, or {@link Expect#any()} to
   *     remove it wherever it points
   * @return the version it pointed at
   * @throws VersionConflictException if it points elsewhere than the expected version or is not set, naming both
   * @throws NoSuchElementException if it is not set and {@code expected} is {@link Expect#any()}
   * @throws IllegalArgumentException if {@code expected} is {@link Expect#absent()}, which no removal can meet
   */
  ModelRef.Version removeAlias(String name, String alias, Expect expected);

  /**
   * Moves an alias back to the version it pointed at before its last move, as the audit log
   * records it. Rolling back twice returns to where it started.
   *
   * @param name the model's name
   * @param alias the alias
   * @return the version it now points at
   * @throws IllegalStateException if the alias has no earlier target
   * @throws NoSuchElementException if the earlier target was deleted
   */
  ModelRef.Version rollback(String name, String alias);

  /**
   * Changes a version's tags, metadata, metrics or gate result.
   *
   * <pre>{@code
   * registry.update(ModelRef.version("churn", 3), VersionUpdate.builder().tag("stage", "prod").build());
   * }</pre>
   *
   * @param ref the live version, by number or alias (resolved under the write lock)
   * @param update the change, possibly conditional on the current revision
   * @return the updated version
   * @throws VersionConflictException if the revision differs from the expected one, naming both
   * @throws NoSuchElementException if there is no such live version
   */
  ModelVersion update(ModelRef ref, VersionUpdate update);

  /**
   * Sets one tag on a version.
   *
   * @param ref the live version, by number or alias
   * @param key the tag
   * @param value the value
   * @return the updated version
   * @throws NoSuchElementException if there is no such live version
   */
  default ModelVersion setTag(ModelRef ref, String key, String value) {
    return update(ref, VersionUpdate.builder().tag(key, value).build());
  }

  /**
   * Deletes a version. Its number stays reserved; its artifact and attachments are removed by the
   * next {@link #gc()} unless another live version holds the same bytes.
   *
   * @param ref the version, by number (an alias always points at a version it protects from deletion)
   * @throws IllegalStateException if an alias points at it (remove or move the alias first)
   * @throws NoSuchElementException if it does not exist or was already deleted
   */
  void delete(ModelRef ref);

  /**
   * Returns a model's audit log, oldest first.
   *
   * @param name the model's name
   * @return the events
   */
  List<RegistryEvent> history(String name);

  /**
   * Answers "which version did this alias point at at time {@code t}" from the audit log.
   *
   * <pre>{@code
   * Optional<ModelRef.Version> then = registry.aliasAt("churn", "champion", incident.time());
   * then.map(registry::get);   // the model that was serving
   * }</pre>
   *
   * @param name the model's name
   * @param alias the alias
   * @param t the time
   * @return the version, or empty if the alias was not set then
   */
  Optional<ModelRef.Version> aliasAt(String name, String alias, Instant t);

  /**
   * Reports the stored artifacts and attachments that no live version references, and removes
   * nothing; {@link #gc()} removes what it reports.
   *
   * @return what {@link #gc()} would remove now
   */
  GcReport gcPreview();

  /**
   * Removes stored artifacts and attachments that no live version references.
   *
   * @return what was removed
   */
  GcReport gc();

  /** Releases the registry's resources; the stored data stays. */
  @Override
  void close();
}
