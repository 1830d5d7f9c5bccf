package dev.mlops.core.registry;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.Hashing;
import dev.mlops.api.data.MalformedDataException;
import dev.mlops.api.registry.Artifact;
import dev.mlops.api.registry.Expect;
import dev.mlops.api.registry.GcReport;
import dev.mlops.api.registry.IntegrityException;
import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.PromotionPolicy;
import dev.mlops.api.registry.PromotionRejectedException;
import dev.mlops.api.registry.RegisteredModel;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryEvent;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.api.registry.RegistryNames;
import dev.mlops.api.registry.VersionConflictException;
import dev.mlops.api.registry.VersionUpdate;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's logic over a {@link Store}: one implementation of the semantics for files and
 * memory. Mutations run under the store's write lock; reads take none, since every record is
 * replaced atomically.
 */
abstract class StoreRegistry implements ModelRegistry {
  private static final int AUDIT_VALUE_LIMIT = 256;
  private static final System.Logger LOG = System.getLogger(StoreRegistry.class.getName());

  private final Store store;
  private final Clock clock;
  private final String actor;
  private final PromotionPolicy policy;
  /** The highest number known to be assigned per model; probed forward under the lock. */
  private final ConcurrentHashMap<String, Integer> highest = new ConcurrentHashMap<>();
  /** Parsed manifests, reused while the store hands back the same bytes. */
  private final Cache<String, Parsed> manifests = CacheBuilder.newBuilder()
      .maximumWeight(64L << 20)
      .<String, Parsed>weigher((k, p) -> p.bytes.length + 200)
      .build();
  private final ConcurrentHashMap<String, ParsedAliases> aliasCache = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private record Parsed(byte[] bytes, RegistryJson.Manifest manifest) {}

  private record ParsedAliases(byte[] bytes, Map<String, Integer> aliases) {}

  StoreRegistry(Store store, RegistryOptions options) {
    this.store = store;
    this.clock = options.clock();
    this.actor = options.actor();
    this.policy = options.promotionPolicy();
    // never waits: if another process holds the write lock, its next opener completes the log
    store.lockedIfFree(this::completeAuditLog);
  }

  /** The actor of audit entries written on open for changes whose writer died before logging them. */
  static final String RECOVERY_ACTOR = "mlops-registry-recovery";

  /**
   * A writer killed between committing a manifest or alias file and appending its audit entry
   * leaves the log short. On open, under the write lock (so no writer is half-way), append the
   * missing {@code REGISTERED} entries and an {@code ALIAS_SET}/{@code ALIAS_REMOVED} entry where
   * an alias's state differs from what the log says, by actor {@value #RECOVERY_ACTOR}.
   */
  private void completeAuditLog() {
    Map<String, Set<Integer>> registered = new HashMap<>();
    Map<String, Map<String, Integer>> aliasState = new HashMap<>();
    List<String> lines = store.auditLines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.contains("\"REGISTERED\"") && !line.contains("\"ALIAS_")) {
        continue;
      }
      RegistryEvent e = RegistryJson.readEvent(line, store.auditLocation(), i + 1);
      switch (e.kind()) {
        case REGISTERED -> registered.computeIfAbsent(e.name(), n -> new HashSet<>()).add(e.version().number());
        case ALIAS_SET -> e.key().ifPresent(alias -> aliasState.computeIfAbsent(e.name(), n -> new TreeMap<>())
            .put(alias, e.version().number()));
        case ALIAS_REMOVED -> e.key().ifPresent(alias -> aliasState.computeIfAbsent(e.name(), n -> new TreeMap<>())
            .remove(alias));
        default -> { }
      }
    }
    for (String name : store.modelNames()) {
      try {
        completeAuditLog(name, registered, aliasState);
      } catch (MalformedDataException | UncheckedIOException e) {
        // an unreadable record is reported when it is read; the entries are completed once it is fixed
        LOG.log(System.Logger.Level.WARNING, "cannot complete the audit log of model " + name + ": " + e.getMessage());
      }
    }
  }

  private void completeAuditLog(String name, Map<String, Set<Integer>> registered,
      Map<String, Map<String, Integer>> aliasState) {
    Set<Integer> logged = registered.getOrDefault(name, Set.of());
    for (int n : store.versionNumbers(name)) {
      if (!logged.contains(n)) {
        RegistryJson.Manifest m = manifest(name, n);
        String digest = m == null || m.isDeleted() ? null : m.version().artifact().digest();
        store.appendAudit(RegistryJson.event(new RegistryEvent(clock.instant(), RECOVERY_ACTOR,
            RegistryEvent.Kind.REGISTERED, ModelRef.version(name, n), Optional.empty(), change(null, digest))));
      }
    }
    Map<String, Integer> loggedAliases = aliasState.getOrDefault(name, Map.of());
    Map<String, Integer> actual = aliases(name);
    for (Map.Entry<String, Integer> a : actual.entrySet()) {
      Integer before = loggedAliases.get(a.getKey());
      if (!a.getValue().equals(before)) {
        store.appendAudit(RegistryJson.event(new RegistryEvent(clock.instant(), RECOVERY_ACTOR,
            RegistryEvent.Kind.ALIAS_SET, ModelRef.version(name, a.getValue()), Optional.of(a.getKey()),
            change(before == null ? null : before.toString(), a.getValue().toString()))));
      }
    }
    for (Map.Entry<String, Integer> a : loggedAliases.entrySet()) {
      if (!actual.containsKey(a.getKey())) {
        store.appendAudit(RegistryJson.event(new RegistryEvent(clock.instant(), RECOVERY_ACTOR,
            RegistryEvent.Kind.ALIAS_REMOVED, ModelRef.version(name, a.getValue()), Optional.of(a.getKey()),
            change(a.getValue().toString(), null))));
      }
    }
  }

  Store store() {
    return store;
  }

  // ------------------------------------------------------------------ register

  @Override
  public ModelVersion register(String name, String type, byte[] artifact, Registration registration) {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(registration, "registration");
    RegistryNames.checkModelName(name);
    RegistryNames.checkKey(Objects.requireNonNull(type, "type"));
    checkOpen();
    byte[] bytes = artifact.clone();
    String hex = Hashing.sha256().hashBytes(bytes).toString();
    // every blob is written (temp file, fsync, atomic move) before the manifest that references it;
    // a crash in between leaves only unreferenced blobs, which gc() removes
    Map<String, byte[]> blobs = new LinkedHashMap<>();
    blobs.put(hex, bytes);
    Map<String, Artifact> attachments = new TreeMap<>();
    registration.attachments().forEach((attachmentName, attachment) -> {
      byte[] b = attachment.bytes();
      String h = Hashing.sha256().hashBytes(b).toString();
      blobs.putIfAbsent(h, b);
      attachments.put(attachmentName, new Artifact("sha256:" + h, b.length, attachment.type()));
    });
    blobs.forEach(store::putBlob);
    return store.locked(() -> {
      blobs.forEach((h, b) -> {
        if (!store.hasBlob(h)) {
          store.putBlob(h, b); // a concurrent gc() removed it before our manifest referenced it
        }
      });
      Artifact a = new Artifact("sha256:" + hex, bytes.length, type);
      int next = nextVersion(name);
      while (true) {
        ModelVersion.Builder b = ModelVersion.builder().name(name).version(next).created(clock.instant()).artifact(a)
            .attachments(attachments).metadata(registration.metadata()).tags(registration.tags())
            .metrics(registration.metrics()).lineage(registration.lineage());
        registration.schema().ifPresent(b::schema);
        registration.gateResult().ifPresent(b::gateResult);
        ModelVersion v = b.build();
        if (store.createVersion(name, next, RegistryJson.manifest(v))) {
          highest.put(name, next);
          audit(RegistryEvent.Kind.REGISTERED, v.ref(), null, null, a.digest());
          return v;
        }
        next = after(name, next);
      }
    });
  }

  private int nextVersion(String name) {
    int h = highest.computeIfAbsent(name, n -> {
      List<Integer> numbers = store.versionNumbers(n);
      return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
    });
    while (store.versionExists(name, after(name, h))) {
      h++;
    }
    return after(name, h);
  }

  /** The number after {@code n}, refusing to wrap around past {@link Integer#MAX_VALUE}. */
  private static int after(String name, int n) {
    if (n == Integer.MAX_VALUE) {
      throw new IllegalStateException("model " + name + " has used every version number up to " + Integer.MAX_VALUE
          + "; register under a new model name");
    }
    return n + 1;
  }

  // ------------------------------------------------------------------ read

  @Override
  public Optional<ModelVersion> find(ModelRef ref) {
    Objects.requireNonNull(ref, "ref");
    checkOpen();
    Map<String, Integer> aliases = aliases(ref.name());
    Optional<Integer> number = ref instanceof ModelRef.Alias a ? Optional.ofNullable(aliases.get(a.alias()))
        : Optional.of(((ModelRef.Version) ref).number());
    return number.flatMap(n -> live(ref.name(), n)).map(v -> withAliases(v, aliases));
  }

  @Override
  public ModelRef.Version resolve(ModelRef ref) {
    Objects.requireNonNull(ref, "ref");
    checkOpen();
    ModelRef.Version version = target(ref);
    if (live(version.name(), version.number()).isEmpty()) {
      throw new NoSuchElementException(describeMissing(version.name(), version.number()));
    }
    return version;
  }

  /** The version a reference names: an alias's current target (which may since have been deleted), or the number. */
  private ModelRef.Version target(ModelRef ref) {
    if (ref instanceof ModelRef.Alias a) {
      Map<String, Integer> aliases = aliases(a.name());
      Integer n = aliases.get(a.alias());
      if (n == null) {
        throw new NoSuchElementException("alias " + a + " is not set; the aliases of " + a.name() + " are "
            + aliases.keySet());
      }
      return ModelRef.version(a.name(), n);
    }
    return (ModelRef.Version) ref;
  }

  @Override
  public byte[] loadArtifact(ModelRef ref) {
    ModelVersion v = get(ref);
    return verifiedBlob(v.artifact());
  }

  @Override
  public byte[] loadAttachment(ModelRef ref, String name) {
    RegistryNames.checkAttachmentName(name);
    ModelVersion v = get(ref);
    Artifact a = v.attachments().get(name);
    if (a == null) {
      throw new NoSuchElementException("model version " + v.ref() + " has no attachment '" + name + "'; "
          + (v.attachments().isEmpty() ? "it has none" : "its attachments are " + v.attachments().keySet()));
    }
    return verifiedBlob(a);
  }

  /** Reads a blob and checks it against its recorded digest and size before anyone decodes it. */
  private byte[] verifiedBlob(Artifact artifact) {
    String hex = artifact.hex();
    byte[] bytes = store.readBlob(hex, artifact.size());
    String location = store.blobLocation(hex);
    if (bytes == null) {
      throw new IntegrityException(location, artifact.digest(), "nothing (the file is missing)");
    }
    if (bytes.length > artifact.size()) {
      throw new IntegrityException(location, artifact.digest() + " (" + artifact.size() + " bytes)",
          "more than " + artifact.size() + " bytes (reading stopped there)");
    }
    String actual = "sha256:" + Hashing.sha256().hashBytes(bytes).toString();
    if (!actual.equals(artifact.digest()) || bytes.length != artifact.size()) {
      throw new IntegrityException(location, artifact.digest() + " (" + artifact.size() + " bytes)",
          actual + " (" + bytes.length + " bytes)");
    }
    return bytes;
  }

  @Override
  public List<String> modelNames() {
    checkOpen();
    return store.modelNames();
  }

  @Override
  public RegisteredModel model(String name) {
    RegistryNames.checkModelName(name);
    checkOpen();
    List<Integer> numbers = store.versionNumbers(name);
    if (numbers.isEmpty()) {
      throw new NoSuchElementException("no model named " + name + "; the registry holds " + store.modelNames());
    }
    int live = 0;
    for (int n : numbers) {
      if (readable(name, n).isPresent()) {
        live++;
      }
    }
    return new RegisteredModel(name, aliases(name), numbers.get(numbers.size() - 1), live);
  }

  @Override
  public List<ModelVersion> versions(String name) {
    RegistryNames.checkModelName(name);
    checkOpen();
    Map<String, Integer> aliases = aliases(name);
    List<ModelVersion> out = new ArrayList<>();
    for (int n : store.versionNumbers(name)) {
      readable(name, n).ifPresent(v -> out.add(withAliases(v, aliases)));
    }
    return out;
  }

  @Override
  public List<ModelVersion> search(ModelQuery query) {
    Objects.requireNonNull(query, "query");
    checkOpen();
    List<String> names = query.name().map(List::of).orElseGet(store::modelNames);
    List<ModelVersion> out = new ArrayList<>();
    for (String name : names) {
      for (ModelVersion v : versions(name)) {
        if (query.test(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ aliases

  @Override
  public Optional<ModelRef.Version> setAlias(ModelRef target, String alias, Expect expected) {
    Objects.requireNonNull(target, "target");
    RegistryNames.checkAlias(alias);
    Objects.requireNonNull(expected, "expected");
    checkOpen();
    return store.locked(() -> moveAlias(target, alias, expected));
  }

  /** Moves an alias under the write lock; the target is resolved here, so an alias target cannot move meanwhile. */
  private Optional<ModelRef.Version> moveAlias(ModelRef target, String alias, Expect expected) {
    String name = target.name();
    Map<String, Integer> aliases = new TreeMap<>(aliases(name));
    Optional<ModelRef.Version> current = current(name, aliases, alias);
    ModelRef.Alias ref = ModelRef.alias(name, alias);
    if (!expected.isMetBy(current)) {
      throw conflict(ref, expected, current);
    }
    ModelRef.Version version = target(target);
    ModelVersion candidate = live(name, version.number())
        .orElseThrow(() -> new NoSuchElementException(describeMissing(name, version.number())));
    Optional<String> refusal = policy.refusal(alias, withAliases(candidate, aliases));
    if (refusal.isPresent()) {
      throw new PromotionRejectedException(ref, version, refusal.get());
    }
    if (current.equals(Optional.of(version))) {
      return current;
    }
    aliases.put(alias, version.number());
    store.writeAliases(name, RegistryJson.aliases(aliases));
    audit(RegistryEvent.Kind.ALIAS_SET, version, alias, current.map(c -> String.valueOf(c.number())).orElse(null),
        String.valueOf(version.number()));
    return current;
  }

  private static Optional<ModelRef.Version> current(String name, Map<String, Integer> aliases, String alias) {
    return Optional.ofNullable(aliases.get(alias)).map(n -> ModelRef.version(name, n));
  }

  private static VersionConflictException conflict(ModelRef.Alias ref, Expect expected,
      Optional<ModelRef.Version> current) {
    return new VersionConflictException(ref.toString(), expected,
        current.map(c -> OptionalInt.of(c.number())).orElse(OptionalInt.empty()));
  }

  @Override
  public ModelRef.Version removeAlias(String name, String alias, Expect expected) {
    RegistryNames.checkModelName(name);
    RegistryNames.checkAlias(alias);
    Objects.requireNonNull(expected, "expected");
    if (expected instanceof Expect.Absent) {
      throw new IllegalArgumentException("cannot remove " + name + "@" + alias + " on the condition that it is not "
          + "set; expect Expect.version(n), or Expect.any() to remove it wherever it points");
    }
    checkOpen();
    return store.locked(() -> {
      Map<String, Integer> aliases = new TreeMap<>(aliases(name));
      Optional<ModelRef.Version> current = current(name, aliases, alias);
      ModelRef.Alias ref = ModelRef.alias(name, alias);
      if (!expected.isMetBy(current)) {
        throw conflict(ref, expected, current);
      }
      if (current.isEmpty()) {
        throw new NoSuchElementException("alias " + ref + " is not set; the aliases of " + name + " are "
            + aliases.keySet());
      }
      aliases.remove(alias);
      store.writeAliases(name, RegistryJson.aliases(aliases));
      audit(RegistryEvent.Kind.ALIAS_REMOVED, current.get(), alias, String.valueOf(current.get().number()), null);
      return current.get();
    });
  }

  @Override
  public ModelRef.Version rollback(String name, String alias) {
    RegistryNames.checkModelName(name);
    RegistryNames.checkAlias(alias);
    checkOpen();
    return store.locked(() -> {
      RegistryEvent last = null;
      for (RegistryEvent e : history(name)) {
        if ((e.kind() == RegistryEvent.Kind.ALIAS_SET || e.kind() == RegistryEvent.Kind.ALIAS_REMOVED)
            && e.key().equals(Optional.of(alias))) {
          last = e;
        }
      }
      if (last == null || last.change().before().isEmpty()) {
        throw new IllegalStateException("cannot roll back " + name + "@" + alias + ": it has no earlier target"
            + (last == null ? " (it was never set)"
                : " (it was first set to version " + last.change().after().orElse("?") + ")"));
      }
      ModelRef.Version previous = ModelRef.version(name, Integer.parseInt(last.change().before().get()));
      moveAlias(previous, alias, Expect.any());
      return previous;
    });
  }

  // ------------------------------------------------------------------ update and delete

  @Override
  public ModelVersion update(ModelRef ref, VersionUpdate update) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(update, "update");
    checkOpen();
    return store.locked(() -> {
      ModelRef.Version target = target(ref);
      String name = target.name();
      int version = target.number();
      ModelVersion v = live(name, version).orElseThrow(() -> new NoSuchElementException(describeMissing(name, version)));
      if (update.expectedRevision().isPresent() && update.expectedRevision().getAsInt() != v.revision()) {
        throw new VersionConflictException(target + " revision", Expect.version(update.expectedRevision().getAsInt()),
            OptionalInt.of(v.revision()));
      }
      if (update.isEmpty()) {
        return withAliases(v, aliases(name));
      }
      Map<String, String> tags = new LinkedHashMap<>(v.tags());
      Map<String, String> metadata = new LinkedHashMap<>(v.metadata());
      Map<String, Double> metrics = new LinkedHashMap<>(v.metrics());
      List<RegistryEvent> events = new ArrayList<>();
      Instant now = clock.instant();
      update.setTags().forEach((k, val) -> events.add(event(now, RegistryEvent.Kind.TAG_SET, target, k,
          tags.put(k, val), val)));
      for (String k : update.removeTags()) {
        if (tags.containsKey(k)) {
          events.add(event(now, RegistryEvent.Kind.TAG_REMOVED, target, k, tags.remove(k), null));
        }
      }
      update.setMetadata().forEach((k, val) -> events.add(event(now, RegistryEvent.Kind.METADATA_CHANGED, target,
          k, metadata.put(k, val), val)));
      for (String k : update.removeMetadata()) {
        if (metadata.containsKey(k)) {
          events.add(event(now, RegistryEvent.Kind.METADATA_CHANGED, target, k, metadata.remove(k), null));
        }
      }
      update.setMetrics().forEach((k, val) -> {
        Double before = metrics.put(k, val);
        events.add(event(now, RegistryEvent.Kind.METRIC_SET, target, k,
            before == null ? null : before.toString(), val.toString()));
      });
      update.gateResult().ifPresent(g -> events.add(event(now, RegistryEvent.Kind.GATE_RECORDED, target, null,
          v.gateResult().map(x -> x.verdict().name()).orElse(null), g.verdict().name())));
      ModelVersion.Builder b = ModelVersion.builder().name(name).version(version).revision(v.revision() + 1)
          .created(v.created()).artifact(v.artifact()).attachments(v.attachments()).metadata(metadata).tags(tags)
          .metrics(metrics).lineage(v.lineage());
      v.schema().ifPresent(b::schema);
      update.gateResult().or(v::gateResult).ifPresent(b::gateResult);
      ModelVersion updated = b.build();
      store.replaceVersion(name, version, RegistryJson.manifest(updated));
      for (RegistryEvent e : events) {
        store.appendAudit(RegistryJson.event(e));
      }
      return withAliases(updated, aliases(name));
    });
  }

  @Override
  public void delete(ModelRef ref) {
    Objects.requireNonNull(ref, "ref");
    checkOpen();
    store.locked(() -> {
      ModelRef.Version target = target(ref);
      String name = target.name();
      int version = target.number();
      ModelVersion v = live(name, version).orElseThrow(() -> new NoSuchElementException(describeMissing(name, version)));
      List<String> pointing = new ArrayList<>();
      aliases(name).forEach((a, n) -> {
        if (n == version) {
          pointing.add(a);
        }
      });
      if (!pointing.isEmpty()) {
        throw new IllegalStateException("cannot delete " + target + ": aliases " + pointing
            + " point at it; move or remove them first");
      }
      Instant now = clock.instant();
      store.replaceVersion(name, version, RegistryJson.tombstone(name, version, now, actor));
      store.appendAudit(RegistryJson.event(event(now, RegistryEvent.Kind.DELETED, target, null,
          v.artifact().digest(), null)));
      return null;
    });
  }

  // ------------------------------------------------------------------ audit

  @Override
  public List<RegistryEvent> history(String name) {
    RegistryNames.checkModelName(name);
    checkOpen();
    List<RegistryEvent> out = new ArrayList<>();
    List<String> lines = store.auditLines();
    String location = store.auditLocation();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || !line.contains("\"" + name + "\"")) {
        continue;
      }
      RegistryEvent e = RegistryJson.readEvent(line, location, i + 1);
      if (e.name().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public Optional<ModelRef.Version> aliasAt(String name, String alias, Instant t) {
    RegistryNames.checkModelName(name);
    RegistryNames.checkAlias(alias);
    Objects.requireNonNull(t, "t");
    Optional<ModelRef.Version> at = Optional.empty();
    for (RegistryEvent e : history(name)) {
      if (e.time().isAfter(t)) {
        break;
      }
      if (e.key().equals(Optional.of(alias))) {
        if (e.kind() == RegistryEvent.Kind.ALIAS_SET) {
          at = Optional.of(e.version());
        } else if (e.kind() == RegistryEvent.Kind.ALIAS_REMOVED) {
          at = Optional.empty();
        }
      }
    }
    return at;
  }

  // ------------------------------------------------------------------ gc

  @Override
  public GcReport gcPreview() {
    return collect(true);
  }

  @Override
  public GcReport gc() {
    return collect(false);
  }

  private GcReport collect(boolean preview) {
    checkOpen();
    // a read-only registry has no writers of its own to wait for, and cannot take the lock
    return preview && !store.writable() ? scan(true) : store.locked(() -> scan(preview));
  }

  private GcReport scan(boolean preview) {
    Set<String> referenced = new HashSet<>();
    List<String> unreadable = new ArrayList<>();
    for (String name : store.modelNames()) {
      List<Integer> numbers;
      try {
        numbers = store.versionNumbers(name);
      } catch (UncheckedIOException e) {
        unreadable.add(name + " (" + e.getCause().getMessage() + ")");
        continue;
      }
      for (int n : numbers) {
        try {
          live(name, n).ifPresent(v -> {
            referenced.add(v.artifact().hex());
            v.attachments().values().forEach(a -> referenced.add(a.hex()));
          });
        } catch (MalformedDataException | UncheckedIOException e) {
          unreadable.add(name + "/" + n + " (" + problem(e) + ")");
        }
      }
    }
    if (!unreadable.isEmpty()) {
      throw new IllegalStateException("cannot collect garbage while " + unreadable.size() + " record(s) cannot be "
          + "read, as the artifacts only they reference would be deleted: "
          + String.join("; ", unreadable.subList(0, Math.min(10, unreadable.size())))
          + (unreadable.size() > 10 ? "; ..." : "") + ". Repair or remove them first");
    }
    List<String> unreferenced = new ArrayList<>();
    long bytes = 0;
    for (String hex : store.blobs()) {
      if (!referenced.contains(hex)) {
        unreferenced.add("sha256:" + hex);
        bytes += store.blobSize(hex);
        if (!preview) {
          store.deleteBlob(hex);
        }
      }
    }
    return new GcReport(preview, unreferenced, bytes);
  }

  @Override
  public void close() {
    closed = true;
    store.close();
  }

  // ------------------------------------------------------------------ helpers

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the registry is closed");
    }
  }

  /**
   * A live version for listings: an unreadable manifest is logged and left out, so one bad file
   * does not hide the model's other versions ({@code get} of it still fails naming the problem, and
   * {@code gc} refuses to run while it is there).
   */
  private Optional<ModelVersion> readable(String name, int version) {
    try {
      return live(name, version);
    } catch (MalformedDataException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "model version " + name + "/" + version + " is left out, as its "
          + "manifest cannot be read: " + problem(e));
      return Optional.empty();
    }
  }

  private static String problem(RuntimeException e) {
    return e instanceof UncheckedIOException u && u.getCause() != null ? u.getMessage() + ": " + u.getCause().getMessage()
        : e.getMessage();
  }

  private Optional<ModelVersion> live(String name, int version) {
    RegistryJson.Manifest m = manifest(name, version);
    return m == null || m.isDeleted() ? Optional.empty() : Optional.of(m.version());
  }

  private RegistryJson.Manifest manifest(String name, int version) {
    byte[] bytes = store.readVersion(name, version);
    if (bytes == null) {
      return null;
    }
    String key = name + "/" + version;
    Parsed p = manifests.getIfPresent(key);
    if (p != null && p.bytes == bytes) {
      return p.manifest;
    }
    RegistryJson.Manifest m = RegistryJson.readManifest(bytes, store.versionLocation(name, version), name, version);
    manifests.put(key, new Parsed(bytes, m));
    return m;
  }

  private Map<String, Integer> aliases(String name) {
    byte[] bytes = store.readAliases(name);
    if (bytes == null) {
      return Map.of();
    }
    ParsedAliases p = aliasCache.get(name);
    if (p != null && p.bytes == bytes) {
      return p.aliases;
    }
    Map<String, Integer> parsed = Collections.unmodifiableMap(
        RegistryJson.readAliases(bytes, store.aliasesLocation(name)));
    aliasCache.put(name, new ParsedAliases(bytes, parsed));
    return parsed;
  }

  private static ModelVersion withAliases(ModelVersion v, Map<String, Integer> aliases) {
    List<String> pointing = new ArrayList<>();
    aliases.forEach((a, n) -> {
      if (n == v.version()) {
        pointing.add(a);
      }
    });
    return pointing.isEmpty() && v.aliases().isEmpty() ? v : v.withAliases(pointing);
  }

  private String describeMissing(String name, int version) {
    RegistryJson.Manifest m = manifest(name, version);
    if (m != null && m.isDeleted()) {
      return "model version " + name + "/" + version + " was deleted at " + m.deleted() + " by " + m.deletedBy();
    }
    List<Integer> numbers = store.versionNumbers(name);
    return numbers.isEmpty() ? "no model named " + name
        : "no model version " + name + "/" + version + "; its versions run from " + numbers.get(0) + " to "
            + numbers.get(numbers.size() - 1);
  }

  private void audit(RegistryEvent.Kind kind, ModelRef.Version version, String key, String before, String after) {
    store.appendAudit(RegistryJson.event(event(clock.instant(), kind, version, key, before, after)));
  }

  /** An event by this registry's actor; a null (or, as the audit format cannot tell them apart, empty) value is none. */
  private RegistryEvent event(Instant time, RegistryEvent.Kind kind, ModelRef.Version version, String key,
      String before, String after) {
    return new RegistryEvent(time, actor, kind, version, Optional.ofNullable(key),
        change(shorten(before), shorten(after)));
  }

  private static RegistryEvent.Change change(String before, String after) {
    return new RegistryEvent.Change(Optional.ofNullable(before).filter(b -> !b.isEmpty()),
        Optional.ofNullable(after).filter(a -> !a.isEmpty()));
  }

  private static String shorten(String value) {
    if (value == null) {
      return null;
    }
    return value.length() <= AUDIT_VALUE_LIMIT ? value : "<" + value.length() + " characters>";
  }

}
