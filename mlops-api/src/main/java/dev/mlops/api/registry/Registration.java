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
 *     .lineage(Lineage.builder().trainingData(dataHash).parentVersion(2).source("ci job 4411").build())
 *     .attachment("onnx", "onnx", onnxBytes)
 *     .build();
 * }</pre>
 */
public final class Registration {
  private static final Registration NONE = builder().build();

  private final Map<String, String> metadata;
  private final Map<String, String> tags;
  private final Map<String, Double> metrics;
  private final Optional<Schema> schema;
  private final Optional<GateResult> gateResult;
  private final Lineage lineage;
  private final Map<String, Attachment> attachments;

  private Registration(Builder b) {
    this.metadata = Collections.unmodifiableMap(new TreeMap<>(b.metadata));
    this.tags = Collections.unmodifiableMap(new TreeMap<>(b.tags));
    this.metrics = Collections.unmodifiableMap(new TreeMap<>(b.metrics));
    this.schema = Optional.ofNullable(b.schema);
    this.gateResult = Optional.ofNullable(b.gateResult);
    this.lineage = b.lineage == null ? Lineage.none() : b.lineage;
    this.attachments = Collections.unmodifiableMap(new TreeMap<>(b.attachments));
  }

  /** @return a registration recording nothing but the artifact */
  public static Registration none() {
    return NONE;
  }

  /**
   * A builder. Defaults: no metadata, tags, metrics, schema, gate result or attachments, and
   * {@link Lineage#none()}.
   *
   * @return a new builder with nothing set
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return free text metadata, sorted by key */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** @return tags, sorted by key */
  public Map<String, String> tags() {
    return tags;
  }

  /** @return metric values, sorted by key */
  public Map<String, Double> metrics() {
    return metrics;
  }

  /** @return the data schema, if any */
  public Optional<Schema> schema() {
    return schema;
  }

  /** @return the gate result, if any */
  public Optional<GateResult> gateResult() {
    return gateResult;
  }

  /** @return the lineage */
  public Lineage lineage() {
    return lineage;
  }

  /**
   * @return further bytes to store alongside the artifact, by name, sorted (at most
   *     {@value RegistryNames#MAX_ATTACHMENTS})
   */
  public Map<String, Attachment> attachments() {
    return attachments;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Registration r && r.metadata.equals(metadata) && r.tags.equals(tags)
        && r.metrics.equals(metrics) && r.schema.equals(schema) && r.gateResult.equals(gateResult)
        && r.lineage.equals(lineage) && r.attachments.equals(attachments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metadata, tags, metrics, schema, gateResult, lineage, attachments);
  }

  @Override
  public String toString() {
    return "Registration[metadata=" + metadata.keySet() + ", tags=" + tags + ", metrics=" + metrics + ", schema="
        + schema.map(Schema::name) + ", gateResult=" + gateResult.map(GateResult::verdict) + ", lineage=" + lineage
        + ", attachments=" + attachments + "]";
  }

  /**
   * Collects the parts of a {@link Registration}; every setter validates at once, and a value (or
   * a key of metadata, tags, metrics or attachments) may be set once.
   */
  public static final class Builder {
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private Schema schema;
    private GateResult gateResult;
    private Lineage lineage;
    private final Map<String, Attachment> attachments = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a metadata entry.
     *
     * @param key the key, by {@link RegistryNames#checkKey}'s rules
     * @param value the value, by {@link RegistryNames#checkMetadataValue}'s rules
     * @return this
     * @throws IllegalStateException if the key was already set, naming both values
     */
    public Builder metadata(String key, String value) {
      RegistryNames.checkMetadataValue(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(metadata, "metadata", key, value);
      return this;
    }

    /**
     * Adds metadata entries.
     *
     * @param entries the entries
     * @return this
     * @throws IllegalStateException if one of the keys was already set
     */
    public Builder metadata(Map<String, String> entries) {
      Objects.requireNonNull(entries, "entries").forEach(this::metadata);
      return this;
    }

    /**
     * Adds a tag.
     *
     * @param key the key, by {@link RegistryNames#checkKey}'s rules
     * @param value the value, by {@link RegistryNames#checkTagValue}'s rules
     * @return this
     * @throws IllegalStateException if the key was already set, naming both values
     */
    public Builder tag(String key, String value) {
      RegistryNames.checkTagValue(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(tags, "tag", key, value);
      return this;
    }

    /**
     * Adds a metric value.
     *
     * @param key the metric's name, by {@link RegistryNames#checkKey}'s rules
     * @param value a finite value
     * @return this
     * @throws IllegalStateException if the metric was already set, naming both values
     */
    public Builder metric(String key, double value) {
      RegistryNames.checkMetric(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(metrics, "metric", key, value);
      return this;
    }

    /**
     * Records the data schema.
     *
     * @param value the schema
     * @return this
     * @throws IllegalStateException if a schema was already set
     */
    public Builder schema(Schema value) {
      Objects.requireNonNull(value, "schema");
      BuilderChecks.once("schema", schema == null ? null : schema.name(), value.name());
      this.schema = value;
      return this;
    }

    /**
     * Records the quality gate result.
     *
     * @param value the result
     * @return this
     * @throws IllegalStateException if a gate result was already set
     */
    public Builder gateResult(GateResult value) {
      Objects.requireNonNull(value, "gateResult");
      BuilderChecks.once("gateResult", gateResult == null ? null : gateResult.verdict(), value.verdict());
      this.gateResult = value;
      return this;
    }

    /**
     * Records the lineage (default {@link Lineage#none()}).
     *
     * @param value the lineage
     * @return this
     * @throws IllegalStateException if a lineage was already set
     */
    public Builder lineage(Lineage value) {
      Objects.requireNonNull(value, "lineage");
      BuilderChecks.once("lineage", lineage, value);
      this.lineage = value;
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
     * @throws IllegalArgumentException if the name or type breaks the rules, or this would make more than
     *     {@value RegistryNames#MAX_ATTACHMENTS} attachments
     * @throws IllegalStateException if an attachment of that name was already added, naming both
     */
    public Builder attachment(String name, String type, byte[] bytes) {
      RegistryNames.checkAttachmentName(name);
      Attachment a = new Attachment(type, bytes);
      Attachment earlier = attachments.get(name);
      if (earlier != null) {
        throw new IllegalStateException("attachment " + RegistryNames.quote(name) + " was already added to this "
            + "registration (" + earlier + "); cannot also add " + a + ": attachment names are unique within a version");
      }
      RegistryNames.checkAttachmentCount(attachments.size() + 1);
      attachments.put(name, a);
      return this;
    }

    /** @return the registration */
    public Registration build() {
      return new Registration(this);
    }
  }
}
