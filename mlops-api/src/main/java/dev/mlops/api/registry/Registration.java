package dev.mlops.api.registry;

import dev.mlops.api.gate.GateResult;
import dev.mlops.api.schema.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to record with a new version besides its artifact.
 *
 * <pre>{@code
 * Registration r = Registration.builder()
 *     .tag("team", "risk")
 *     .metric("auc", 0.91)
 *     .gateResult(gate.evaluate(candidate, champion))
 *     .lineage(new Lineage(dataHash, 2, "ci job 4411"))
 *     .attachment("onnx", "onnx", onnxBytes)
 *     .build();
 * }</pre>
 *
 * @param metadata free text metadata
 * @param tags tags
 * @param metrics metric values
 * @param schema the data schema, if any
 * @param gateResult the gate result, if any
 * @param lineage the lineage
 * @param attachments further bytes to store alongside the artifact, by name (at most
 *     {@value RegistryNames#MAX_ATTACHMENTS})
 */
public record Registration(Map<String, String> metadata, Map<String, String> tags, Map<String, Double> metrics,
    Optional<Schema> schema, Optional<GateResult> gateResult, Lineage lineage, Map<String, Attachment> attachments) {

  /**
   * Validates and copies the components.
   *
   * @param metadata the metadata
   * @param tags the tags
   * @param metrics the metrics
   * @param schema the schema
   * @param gateResult the gate result
   * @param lineage the lineage
   * @param attachments the attachments by name
   * @throws IllegalArgumentException if a key, value or attachment name breaks {@link RegistryNames}' rules, or
   *     there are more than {@value RegistryNames#MAX_ATTACHMENTS} attachments
   */
  public Registration {
    metadata = ModelVersion.checkedMetadata(metadata);
    tags = ModelVersion.checkedTags(tags);
    metrics = ModelVersion.checkedMetrics(metrics);
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(gateResult, "gateResult");
    Objects.requireNonNull(lineage, "lineage");
    Map<String, Attachment> checked = new TreeMap<>();
    Objects.requireNonNull(attachments, "attachments").forEach((k, v) -> checked.put(
        RegistryNames.checkAttachmentName(k), Objects.requireNonNull(v, "attachment " + k)));
    RegistryNames.checkAttachmentCount(checked.size());
    attachments = Collections.unmodifiableMap(checked);
  }

  /**
   * A registration without attachments (the form before attachments existed).
   *
   * @param metadata the metadata
   * @param tags the tags
   * @param metrics the metrics
   * @param schema the schema
   * @param gateResult the gate result
   * @param lineage the lineage
   * @throws IllegalArgumentException if a key or value breaks {@link RegistryNames}' rules
   */
  public Registration(Map<String, String> metadata, Map<String, String> tags, Map<String, Double> metrics,
      Optional<Schema> schema, Optional<GateResult> gateResult, Lineage lineage) {
    this(metadata, tags, metrics, schema, gateResult, lineage, Map.of());
  }

  /** @return a registration recording nothing but the artifact */
  public static Registration none() {
    return builder().build();
  }

  /** @return a new builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the parts of a {@link Registration}; every setter validates at once. */
  public static final class Builder {
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private Schema schema;
    private GateResult gateResult;
    private Lineage lineage = Lineage.NONE;
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a metadata entry.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(RegistryNames.checkKey(key), RegistryNames.checkMetadataValue(key, value));
      return this;
    }

    /**
     * Adds metadata entries.
     *
     * @param entries the entries
     * @return this
     */
    public Builder metadata(Map<String, String> entries) {
      Objects.requireNonNull(entries, "entries").forEach(this::metadata);
      return this;
    }

    /**
     * Adds a tag.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder tag(String key, String value) {
      tags.put(RegistryNames.checkKey(key), RegistryNames.checkTagValue(key, value));
      return this;
    }

    /**
     * Adds a metric value.
     *
     * @param key the metric's name
     * @param value a finite value
     * @return this
     */
    public Builder metric(String key, double value) {
      metrics.put(RegistryNames.checkKey(key), RegistryNames.checkMetric(key, value));
      return this;
    }

    /**
     * Records the data schema.
     *
     * @param value the schema
     * @return this
     */
    public Builder schema(Schema value) {
      this.schema = Objects.requireNonNull(value, "schema");
      return this;
    }

    /**
     * Records the quality gate result.
     *
     * @param value the result
     * @return this
     */
    public Builder gateResult(GateResult value) {
      this.gateResult = Objects.requireNonNull(value, "gateResult");
      return this;
    }

    /**
     * Records the lineage.
     *
     * @param value the lineage
     * @return this
     */
    public Builder lineage(Lineage value) {
      this.lineage = Objects.requireNonNull(value, "lineage");
      return this;
    }

    /**
     * Adds bytes to store alongside the artifact, content-addressed and verified on load like it
     * (read back with {@link ModelRegistry#loadAttachment}). The bytes are copied.
     *
     * @param name the attachment's name, unique within the version, by {@link RegistryNames#checkAttachmentName}'s
     *     rules
     * @param type what the bytes are (such as {@code onnx}), by {@link RegistryNames#checkKey}'s rules
     * @param bytes the bytes
     * @return this
     * @throws IllegalArgumentException if the name or type breaks the rules, the name was already added, or
     *     this would make more than {@value RegistryNames#MAX_ATTACHMENTS} attachments
     */
    public Builder attachment(String name, String type, byte[] bytes) {
      RegistryNames.checkAttachmentName(name);
      Attachment a = new Attachment(type, bytes);
      if (attachments.containsKey(name)) {
        throw new IllegalArgumentException("attachment " + RegistryNames.quote(name)
            + " was already added to this registration; attachment names are unique within a version");
      }
      RegistryNames.checkAttachmentCount(attachments.size() + 1);
      attachments.put(name, a);
      return this;
    }

    /** @return the registration */
    public Registration build() {
      return new Registration(metadata, tags, metrics, Optional.ofNullable(schema), Optional.ofNullable(gateResult),
          lineage, attachments);
    }
  }
}
