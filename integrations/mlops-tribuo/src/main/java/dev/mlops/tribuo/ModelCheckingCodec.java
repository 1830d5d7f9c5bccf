package dev.mlops.tribuo;

import dev.mlops.api.registry.ArtifactCodec;
import dev.mlops.api.registry.Attachment;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Declares the methods of {@link ArtifactCodec} that take an artifact on a type variable, which
 * erases to {@code Object}: no compiler-made bridge method casts the argument, so a caller that
 * reaches a codec through raw types with something that is not a model gets the codec's clear
 * {@link IllegalArgumentException} instead of a bare {@link ClassCastException}.
 *
 * @param <M> the model type
 */
abstract class ModelCheckingCodec<M> implements ArtifactCodec<M> {
  ModelCheckingCodec() {}

  /**
   * Checks an artifact's class before any other use.
   *
   * @param artifact what the caller passed
   * @return the artifact as a model
   * @throws NullPointerException if artifact is null
   * @throws IllegalArgumentException if it is not a model of this codec
   */
  abstract M requireModel(Object artifact);

  abstract void writeModel(M model, OutputStream out) throws IOException;

  abstract Map<String, String> modelMetadata(M model);

  abstract Map<String, Attachment> modelAttachments(M model);

  abstract Optional<String> modelTrainingData(M model);

  /**
   * Writes a model.
   *
   * @param model the model
   * @param out where to write it
   * @throws IOException if writing fails
   * @throws NullPointerException if model is null
   * @throws IllegalArgumentException if model is not a model this codec stores
   */
  @Override
  public final void write(M model, OutputStream out) throws IOException {
    writeModel(requireModel(model), out);
  }

  /**
   * Describes a model as metadata.
   *
   * @param model the model
   * @return the metadata
   * @throws NullPointerException if model is null
   * @throws IllegalArgumentException if model is not a model this codec stores
   */
  @Override
  public final Map<String, String> metadata(M model) {
    return modelMetadata(requireModel(model));
  }

  /**
   * Files stored alongside a model.
   *
   * @param model the model
   * @return the attachments
   * @throws NullPointerException if model is null
   * @throws IllegalArgumentException if model is not a model this codec stores
   */
  @Override
  public final Map<String, Attachment> attachments(M model) {
    return modelAttachments(requireModel(model));
  }

  /**
   * The hash of the data a model was trained on, if its provenance records one.
   *
   * @param model the model
   * @return the hash, if known
   * @throws NullPointerException if model is null
   * @throws IllegalArgumentException if model is not a model this codec stores
   */
  @Override
  public final Optional<String> trainingData(M model) {
    return modelTrainingData(requireModel(model));
  }
}
