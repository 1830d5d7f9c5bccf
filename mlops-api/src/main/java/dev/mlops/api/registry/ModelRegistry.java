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
import java.util.OptionalInt;

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
 *   registry.setAlias("churn", "champion", v.version());
 *   Model<Label> m = registry.load(ModelRef.parse("churn@champion"), TribuoCodec.classification());
 *   registry.rollback("churn", "champion");   // back to the previous champion
 * }
 * }</pre>
 *
 * <p>Errors: a missing model, version or alias is a {@link NoSuchElementException}; a failed
 * precondition a {@link VersionConflictException}; a refused promotion a
 * {@link PromotionRejectedException}; corrupted stored bytes an {@link IntegrityException}; an
 * unreadable stored record a {@code MalformedDataException} naming where it is; an I/O failure an
 * {@link UncheckedIOException}.
 */
public interface ModelRegistry extends AutoCloseable {

  /** For {@link #setAlias(String, String, int, int)}: the alias must not exist yet. */
  int ABSENT = 0;

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
      lineage = lineage.withTrainingData(codec.trainingData(model));
    }
    Registration merged = new Registration(metadata, registration.tags(), registration.metrics(),
        registration.schema(), registration.gateResult(), lineage, attachments);
    return register(name, codec.typeId(), out.toByteArray(), merged);
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
   * Resolves a reference to a version number without reading the version.
   *
   * @param ref the reference
   * @return the number
   * @throws NoSuchElementException if the alias is not set, or the numbered version does not exist
   *     or was deleted
   */
  int resolve(ModelRef ref);

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
   * Points an alias at a version, unconditionally (after the promotion policy allows it).
   *
   * @param name the model's name
   * @param alias the alias
   * @param version the live version to point at
   * @return the version it pointed at before, or {@link #ABSENT}
   * @throws PromotionRejectedException if the promotion policy refuses
   * @throws NoSuchElementException if the version does not exist or was deleted
   */
  int setAlias(String name, String alias, int version);

  /**
   * Points an alias at a version if it currently points at {@code expectedCurrent}.
   *
   * @param name the model's name
   * @param alias the alias
   * @param version the live version to point at
   * @param expectedCurrent the version it must point at now, or {@link #ABSENT} if it must not exist
   * @return the version it pointed at before
   * @throws VersionConflictException if it points elsewhere, naming both versions
   * @throws PromotionRejectedException if the promotion policy refuses
   */
  int setAlias(String name, String alias, int version, int expectedCurrent);

  /**
   * Removes an alias if it currently points at {@code expectedCurrent}.
   *
   * @param name the model's name
   * @param alias the alias
   * @param expectedCurrent the version it must point at now
   * @throws VersionConflictException if it points elsewhere or is not set
   */
  void removeAlias(String name, String alias, int expectedCurrent);

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
  int rollback(String name, String alias);

  /**
   * Changes a version's tags, metadata, metrics or gate result.
   *
   * @param name the model's name
   * @param version the version
   * @param update the change, possibly conditional on the current revision
   * @return the updated version
   * @throws VersionConflictException if the revision differs from the expected one, naming both
   */
  ModelVersion update(String name, int version, VersionUpdate update);

  /**
   * Sets one tag on a version.
   *
   * @param name the model's name
   * @param version the version
   * @param key the tag
   * @param value the value
   * @return the updated version
   */
  default ModelVersion setTag(String name, int version, String key, String value) {
    return update(name, version, VersionUpdate.builder().tag(key, value).build());
  }

  /**
   * Deletes a version. Its number stays reserved; its artifact and attachments are removed by the
   * next {@link #gc(boolean)} unless another live version holds the same bytes.
   *
   * @param name the model's name
   * @param version the version
   * @throws IllegalStateException if an alias points at it (remove or move the alias first)
   * @throws NoSuchElementException if it does not exist or was already deleted
   */
  void delete(String name, int version);

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
   * @param name the model's name
   * @param alias the alias
   * @param t the time
   * @return the version, or empty if the alias was not set then
   */
  OptionalInt aliasAt(String name, String alias, Instant t);

  /**
   * Removes stored artifacts and attachments that no live version references.
   *
   * @param dryRun if true, only report what would be removed
   * @return what was (or would be) removed
   */
  GcReport gc(boolean dryRun);

  /** Releases the registry's resources; the stored data stays. */
  @Override
  void close();
}
