package dev.mlops.api.registry;

import dev.mlops.api.gate.GateResult;
import dev.mlops.api.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One registered version of a model, as the registry holds it. The artifact is immutable; tags,
 * metadata, metrics and the gate result may be updated, each update raising {@link #revision()}.
 * Registries make these; {@link #builder()} is for tests and for other registry implementations.
 *
 * <pre>{@code
 * ModelVersion v = registry.get(ModelRef.parse("churn@champion"));
 * v.version();                 // 3
 * v.metrics().get("auc");      // 0.91
 * v.gateResult().map(GateResult::passed);
 * v.attachments().get("onnx");  // an Artifact, read with registry.loadAttachment(v.ref(), "onnx")
 * }</pre>
 */
public final class ModelVersion {
  private final String name;
  private final int version;
  private final int revision;
  private final Instant created;
  private final Artifact artifact;
  private final Map<String, Artifact> attachments;
  private final Map<String, String> metadata;
  private final Map<String, String> tags;
  private final Map<String, Double> metrics;
  private final Optional<Schema> schema;
  private final Optional<GateResult> gateResult;
  private final Lineage lineage;
  private final List<String> aliases;

  private ModelVersion(Builder b, List<String> aliases) {
    this.name = b.name;
    this.version = b.version;
    this.revision = b.revision == null ? 1 : b.revision;
    this.created = b.created;
    this.artifact = b.artifact;
    this.attachments = Collections.unmodifiableMap(new TreeMap<>(b.attachments));
    this.metadata = Collections.unmodifiableMap(new TreeMap<>(b.metadata));
    this.tags = Collections.unmodifiableMap(new TreeMap<>(b.tags));
    this.metrics = Collections.unmodifiableMap(new TreeMap<>(b.metrics));
    this.schema = Optional.ofNullable(b.schema);
    this.gateResult = Optional.ofNullable(b.gateResult);
    this.lineage = b.lineage == null ? Lineage.none() : b.lineage;
    this.aliases = aliases;
  }

  private ModelVersion(ModelVersion v, List<String> aliases) {
    this.name = v.name;
    this.version = v.version;
    this.revision = v.revision;
    this.created = v.created;
    this.artifact = v.artifact;
    this.attachments = v.attachments;
    this.metadata = v.metadata;
    this.tags = v.tags;
    this.metrics = v.metrics;
    this.schema = v.schema;
    this.gateResult = v.gateResult;
    this.lineage = v.lineage;
    this.aliases = aliases;
  }

  /**
   * A builder for a version. Required: {@link Builder#name}, {@link Builder#version},
   * {@link Builder#created} and {@link Builder#artifact}. Defaults: revision 1, no attachments,
   * metadata, tags, metrics, schema, gate result or aliases, and {@link Lineage#none()}.
   *
   * @return a new builder with nothing set
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the model's name */
  public String name() {
    return name;
  }

  /** @return the version number, from 1 */
  public int version() {
    return version;
  }

  /** @return 1 when registered, raised by each update of tags, metadata, metrics or gate result */
  public int revision() {
    return revision;
  }

  /** @return when it was registered */
  public Instant created() {
    return created;
  }

  /** @return the stored bytes' digest, size and codec type */
  public Artifact artifact() {
    return artifact;
  }

  /**
   * @return further stored bytes by name (such as an ONNX export under {@code onnx}), each with its
   *     digest, size and type, sorted by name; immutable like the artifact
   */
  public Map<String, Artifact> attachments() {
    return attachments;
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

  /** @return the data schema the model was trained and validated against, if recorded */
  public Optional<Schema> schema() {
    return schema;
  }

  /** @return the quality gate result recorded for this version, if any */
  public Optional<GateResult> gateResult() {
    return gateResult;
  }

  /** @return training data fingerprint, parent version and source */
  public Lineage lineage() {
    return lineage;
  }

  /** @return the aliases pointing at this version when it was read, sorted */
  public List<String> aliases() {
    return aliases;
  }

  /** @return a reference to this version by number, such as {@code churn/3} */
  public ModelRef.Version ref() {
    return ModelRef.version(name, version);
  }

  /**
   * This version with other aliases (the registry fills them in when it reads a version).
   *
   * @param newAliases the aliases
   * @return the copy
   * @throws IllegalArgumentException if an alias breaks {@link RegistryNames}' rules
   */
  public ModelVersion withAliases(List<String> newAliases) {
    return new ModelVersion(this, checkedAliases(newAliases));
  }

  private static List<String> checkedAliases(List<String> aliases) {
    TreeSet<String> sorted = new TreeSet<>();
    for (String a : Objects.requireNonNull(aliases, "aliases")) {
      sorted.add(RegistryNames.checkAlias(a));
    }
    return List.copyOf(sorted);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelVersion v && v.name.equals(name) && v.version == version && v.revision == revision
        && v.created.equals(created) && v.artifact.equals(artifact) && v.attachments.equals(attachments)
        && v.metadata.equals(metadata) && v.tags.equals(tags) && v.metrics.equals(metrics)
        && v.schema.equals(schema) && v.gateResult.equals(gateResult) && v.lineage.equals(lineage)
        && v.aliases.equals(aliases);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, revision, created, artifact, attachments, metadata, tags, metrics, schema,
        gateResult, lineage, aliases);
  }

  @Override
  public String toString() {
    return "ModelVersion[" + ref() + ", revision=" + revision + ", created=" + created + ", artifact=" + artifact
        + ", attachments=" + attachments + ", metadata=" + metadata.keySet() + ", tags=" + tags + ", metrics="
        + metrics + ", schema=" + schema.map(Schema::name) + ", gateResult=" + gateResult.map(GateResult::verdict)
        + ", lineage=" + lineage + ", aliases=" + aliases + "]";
  }

  /**
   * Collects a {@link ModelVersion}; every setter validates at once, and a value (or a key of tags,
   * metadata, metrics or attachments) may be set once.
   */
  public static final class Builder {
    private String name;
    private Integer version;
    private Integer revision;
    private Instant created;
    private Artifact artifact;
    private final Map<String, Artifact> attachments = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private Schema schema;
    private GateResult gateResult;
    private Lineage lineage;
    private final List<String> aliases = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the model's name (required).
     *
     * @param value the name, by {@link RegistryNames#checkModelName}'s rules
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder name(String value) {
      RegistryNames.checkModelName(value);
      BuilderChecks.once("name", name, value);
      this.name = value;
      return this;
    }

    /**
     * Sets the version number (required).
     *
     * @param value the number, at least 1
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder version(int value) {
      RegistryNames.checkVersion(value);
      BuilderChecks.once("version", version, value);
      this.version = value;
      return this;
    }

    /**
     * Sets the revision (default 1).
     *
     * @param value the revision, at least 1
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder revision(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("revision starts at 1, was " + value);
      }
      BuilderChecks.once("revision", revision, value);
      this.revision = value;
      return this;
    }

    /**
     * Sets when the version was registered (required).
     *
     * @param value the time
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder created(Instant value) {
      Objects.requireNonNull(value, "created");
      BuilderChecks.once("created", created, value);
      this.created = value;
      return this;
    }

    /**
     * Sets the stored artifact (required).
     *
     * @param value its digest, size and type
     * @return this
     * @throws IllegalStateException if it was already set
     */
    public Builder artifact(Artifact value) {
      Objects.requireNonNull(value, "artifact");
      BuilderChecks.once("artifact", artifact, value);
      this.artifact = value;
      return this;
    }

    /**
     * Adds a stored attachment.
     *
     * @param attachmentName its name, by {@link RegistryNames#checkAttachmentName}'s rules
     * @param value its digest, size and type
     * @return this
     * @throws IllegalStateException if an attachment of that name was already added
     */
    public Builder attachment(String attachmentName, Artifact value) {
      RegistryNames.checkAttachmentName(attachmentName);
      Objects.requireNonNull(value, "attachment " + attachmentName);
      BuilderChecks.putOnce(attachments, "attachment", attachmentName, value);
      return this;
    }

    /**
     * Adds stored attachments.
     *
     * @param values the attachments by name
     * @return this
     * @throws IllegalStateException if one of the names was already added
     */
    public Builder attachments(Map<String, Artifact> values) {
      Objects.requireNonNull(values, "attachments").forEach(this::attachment);
      return this;
    }

    /**
     * Adds a metadata entry.
     *
     * @param key the key, by {@link RegistryNames#checkKey}'s rules
     * @param value the value, by {@link RegistryNames#checkMetadataValue}'s rules
     * @return this
     * @throws IllegalStateException if the key was already set
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
      Objects.requireNonNull(entries, "metadata").forEach(this::metadata);
      return this;
    }

    /**
     * Adds a tag.
     *
     * @param key the key, by {@link RegistryNames#checkKey}'s rules
     * @param value the value, by {@link RegistryNames#checkTagValue}'s rules
     * @return this
     * @throws IllegalStateException if the key was already set
     */
    public Builder tag(String key, String value) {
      RegistryNames.checkTagValue(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(tags, "tag", key, value);
      return this;
    }

    /**
     * Adds tags.
     *
     * @param entries the tags
     * @return this
     * @throws IllegalStateException if one of the keys was already set
     */
    public Builder tags(Map<String, String> entries) {
      Objects.requireNonNull(entries, "tags").forEach(this::tag);
      return this;
    }

    /**
     * Adds a metric value.
     *
     * @param key the metric, by {@link RegistryNames#checkKey}'s rules
     * @param value a finite value
     * @return this
     * @throws IllegalStateException if the metric was already set
     */
    public Builder metric(String key, double value) {
      RegistryNames.checkMetric(RegistryNames.checkKey(key), value);
      BuilderChecks.putOnce(metrics, "metric", key, value);
      return this;
    }

    /**
     * Adds metric values.
     *
     * @param entries the metrics
     * @return this
     * @throws IllegalStateException if one of the metrics was already set
     */
    public Builder metrics(Map<String, Double> entries) {
      Objects.requireNonNull(entries, "metrics").forEach((k, v) -> metric(k,
          Objects.requireNonNull(v, "value of metric " + k)));
      return this;
    }

    /**
     * Records the data schema.
     *
     * @param value the schema
     * @return this
     * @throws IllegalStateException if it was already set
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
     * @throws IllegalStateException if it was already set
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
     * @throws IllegalStateException if it was already set
     */
    public Builder lineage(Lineage value) {
      Objects.requireNonNull(value, "lineage");
      BuilderChecks.once("lineage", lineage, value);
      this.lineage = value;
      return this;
    }

    /**
     * Adds an alias pointing at the version.
     *
     * @param value the alias, by {@link RegistryNames#checkAlias}'s rules
     * @return this
     * @throws IllegalStateException if it was already added
     */
    public Builder alias(String value) {
      RegistryNames.checkAlias(value);
      if (aliases.contains(value)) {
        throw new IllegalStateException("alias " + RegistryNames.quote(value) + " was already added");
      }
      aliases.add(value);
      return this;
    }

    /**
     * Builds the version.
     *
     * @return the version
     * @throws IllegalStateException if a required part is missing, naming it
     * @throws IllegalArgumentException if the lineage's parent version is not below the version
     */
    public ModelVersion build() {
      List<String> missing = new ArrayList<>();
      if (name == null) {
        missing.add("name");
      }
      if (version == null) {
        missing.add("version");
      }
      if (created == null) {
        missing.add("created");
      }
      if (artifact == null) {
        missing.add("artifact");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("a model version needs " + missing + " set; they are missing");
      }
      if (lineage != null && lineage.parentVersion().isPresent() && lineage.parentVersion().getAsInt() >= version) {
        throw new IllegalArgumentException("version " + name + "/" + version + " cannot have parent version "
            + lineage.parentVersion().getAsInt() + ": a parent is registered before its child");
      }
      return new ModelVersion(this, checkedAliases(aliases));
    }
  }
}
