package dev.mlops.api.registry;

import dev.mlops.api.gate.GateResult;
import dev.mlops.api.schema.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One registered version of a model, as the registry holds it. The artifact is immutable; tags,
 * metadata, metrics and the gate result may be updated, each update raising {@link #revision()}.
 *
 * <pre>{@code
 * ModelVersion v = registry.get(ModelRef.parse("churn@champion"));
 * v.version();                 // 3
 * v.metrics().get("auc");      // 0.91
 * v.gateResult().map(GateResult::passed);
 * v.attachments().get("onnx");  // an Artifact, read with registry.loadAttachment(v.ref(), "onnx")
 * }</pre>
 *
 * @param name the model's name
 * @param version the version number, from 1
 * @param revision 1 when registered, raised by each update of tags, metadata, metrics or gate result
 * @param created when it was registered
 * @param artifact the stored bytes' digest, size and codec type
 * @param attachments further stored bytes by name (such as an ONNX export under {@code onnx}), each
 *     with its digest, size and type, sorted by name; immutable like the artifact
 * @param metadata free text metadata, sorted by key
 * @param tags tags, sorted by key
 * @param metrics metric values, sorted by key
 * @param schema the data schema the model was trained and validated against, if recorded
 * @param gateResult the quality gate result recorded for this version, if any
 * @param lineage training data fingerprint, parent version and source
 * @param aliases the aliases pointing at this version when it was read, sorted
 */
public record ModelVersion(String name, int version, int revision, Instant created, Artifact artifact,
    Map<String, Artifact> attachments, Map<String, String> metadata, Map<String, String> tags,
    Map<String, Double> metrics, Optional<Schema> schema, Optional<GateResult> gateResult, Lineage lineage,
    List<String> aliases) {

  /**
   * Validates and copies the components.
   *
   * @param name the name
   * @param version the version
   * @param revision the revision
   * @param created the creation time
   * @param artifact the artifact
   * @param attachments the attachments by name
   * @param metadata the metadata
   * @param tags the tags
   * @param metrics the metrics
   * @param schema the schema
   * @param gateResult the gate result
   * @param lineage the lineage
   * @param aliases the aliases
   * @throws IllegalArgumentException if a name, key or value breaks {@link RegistryNames}' rules
   */
  public ModelVersion {
    RegistryNames.checkModelName(name);
    RegistryNames.checkVersion(version);
    if (revision < 1) {
      throw new IllegalArgumentException("revision starts at 1, was " + revision);
    }
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(artifact, "artifact");
    attachments = checkedAttachments(attachments);
    metadata = checkedMetadata(metadata);
    tags = checkedTags(tags);
    metrics = checkedMetrics(metrics);
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(gateResult, "gateResult");
    Objects.requireNonNull(lineage, "lineage");
    if (lineage.parentVersion() >= version) {
      throw new IllegalArgumentException("version " + name + "/" + version + " cannot have parent version "
          + lineage.parentVersion() + ": a parent is registered before its child");
    }
    aliases = List.copyOf(new java.util.TreeSet<>(Objects.requireNonNull(aliases, "aliases")));
    aliases.forEach(RegistryNames::checkAlias);
  }

  /**
   * A version without attachments (the form before attachments existed).
   *
   * @param name the name
   * @param version the version
   * @param revision the revision
   * @param created the creation time
   * @param artifact the artifact
   * @param metadata the metadata
   * @param tags the tags
   * @param metrics the metrics
   * @param schema the schema
   * @param gateResult the gate result
   * @param lineage the lineage
   * @param aliases the aliases
   * @throws IllegalArgumentException if a name, key or value breaks {@link RegistryNames}' rules
   */
  public ModelVersion(String name, int version, int revision, Instant created, Artifact artifact,
      Map<String, String> metadata, Map<String, String> tags, Map<String, Double> metrics, Optional<Schema> schema,
      Optional<GateResult> gateResult, Lineage lineage, List<String> aliases) {
    this(name, version, revision, created, artifact, Map.of(), metadata, tags, metrics, schema, gateResult, lineage,
        aliases);
  }

  /** @return a reference to this version by number */
  public ModelRef ref() {
    return ModelRef.version(name, version);
  }

  /**
   * This version with other aliases (the registry fills them in when it reads a version).
   *
   * @param newAliases the aliases
   * @return the copy
   */
  public ModelVersion withAliases(List<String> newAliases) {
    return new ModelVersion(name, version, revision, created, artifact, attachments, metadata, tags, metrics, schema,
        gateResult, lineage, newAliases);
  }

  static Map<String, String> checkedTags(Map<String, String> tags) {
    Map<String, String> out = new TreeMap<>();
    Objects.requireNonNull(tags, "tags").forEach((k, v) -> out.put(RegistryNames.checkKey(k),
        RegistryNames.checkTagValue(k, v)));
    return Collections.unmodifiableMap(out);
  }

  static Map<String, Artifact> checkedAttachments(Map<String, Artifact> attachments) {
    Map<String, Artifact> out = new TreeMap<>();
    Objects.requireNonNull(attachments, "attachments").forEach((k, v) -> out.put(
        RegistryNames.checkAttachmentName(k), Objects.requireNonNull(v, "attachment " + k)));
    return Collections.unmodifiableMap(out);
  }

  static Map<String, String> checkedMetadata(Map<String, String> metadata) {
    Map<String, String> out = new TreeMap<>();
    Objects.requireNonNull(metadata, "metadata").forEach((k, v) -> out.put(RegistryNames.checkKey(k),
        RegistryNames.checkMetadataValue(k, v)));
    return Collections.unmodifiableMap(out);
  }

  static Map<String, Double> checkedMetrics(Map<String, Double> metrics) {
    Map<String, Double> out = new TreeMap<>();
    Objects.requireNonNull(metrics, "metrics").forEach((k, v) -> out.put(RegistryNames.checkKey(k),
        RegistryNames.checkMetric(k, Objects.requireNonNull(v, "value of metric " + k))));
    return Collections.unmodifiableMap(out);
  }
}
