package dev.mlops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.api.gate.CriterionResult;
import dev.mlops.api.gate.GateResult;
import dev.mlops.api.gate.Measurement;
import dev.mlops.api.gate.Metric;
import dev.mlops.api.gate.Verdict;
import dev.mlops.api.registry.Artifact;
import dev.mlops.api.registry.ArtifactCodec;
import dev.mlops.api.registry.Attachment;
import dev.mlops.api.registry.Expect;
import dev.mlops.api.registry.GcReport;
import dev.mlops.api.registry.IntegrityException;
import dev.mlops.api.registry.Lineage;
import dev.mlops.api.registry.ModelQuery;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.PromotionPolicy;
import dev.mlops.api.registry.PromotionRejectedException;
import dev.mlops.api.registry.RegisteredModel;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryEvent;
import dev.mlops.api.registry.RegistryNames;
import dev.mlops.api.registry.VersionConflictException;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.api.registry.VersionUpdate;
import dev.mlops.api.schema.Schema;
import dev.mlops.api.common.Severity;
import dev.mlops.api.data.ColumnType;
import dev.mlops.core.registry.Registries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import dev.mlops.api.data.MalformedDataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ModelRegistry} implementation must have. Subclass it, create a fresh,
 * empty registry in {@link #newRegistry}, and JUnit runs every contract test against it.
 *
 * <pre>{@code
 * class FileModelRegistryContractTest extends ModelRegistryContractTest {
 *   @TempDir Path dir;
 *
 *   @Override
 *   protected ModelRegistry newRegistry(RegistryOptions options) {
 *     return Registries.open(dir.resolve("registry-" + System.nanoTime()), options);
 *   }
 * }
 * }</pre>
 */
public abstract class ModelRegistryContractTest {
  /** The actor the contract's registries record. */
  protected static final String ACTOR = "contract-test";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final List<ModelRegistry> opened = new ArrayList<>();
  /** The clock of registries made by {@link #registry()}: each reading is one second after the last. */
  protected final SteppingClock clock = new SteppingClock(START);

  /** Creates the kit. */
  protected ModelRegistryContractTest() {}

  /**
   * Creates a new, empty registry with these options.
   *
   * @param options the clock, actor and promotion policy to use
   * @return the registry
   */
  protected abstract ModelRegistry newRegistry(RegistryOptions options);

  /** @return a new registry with the stepping {@link #clock}, actor {@value #ACTOR} and no promotion policy */
  protected ModelRegistry registry() {
    return registry(PromotionPolicy.allowAll());
  }

  /**
   * A new registry with a promotion policy.
   *
   * @param policy the policy
   * @return the registry
   */
  protected ModelRegistry registry(PromotionPolicy policy) {
    ModelRegistry r = newRegistry(RegistryOptions.builder().clock(clock).actor(ACTOR).promotionPolicy(policy).build());
    opened.add(r);
    return r;
  }

  /** Closes the registries the test opened. */
  @AfterEach
  void closeRegistries() {
    opened.forEach(ModelRegistry::close);
  }

  /** A clock that advances one second per reading, for deterministic audit logs. */
  protected static final class SteppingClock extends Clock {
    private final AtomicLong seconds;

    SteppingClock(Instant start) {
      this.seconds = new AtomicLong(start.getEpochSecond());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the stepping clock is UTC only");
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(seconds.getAndIncrement());
    }

    /** @return the instant the next reading returns, without advancing */
    public Instant peek() {
      return Instant.ofEpochSecond(seconds.get());
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ModelVersion put(ModelRegistry r, String name, String content) {
    return r.register(name, "bytes", bytes(content), Registration.none());
  }

  private static GateResult gate(Verdict verdict) {
    return GateResult.of(List.of(new CriterionResult("floor", Metric.ACCURACY, Severity.ERROR, verdict,
        Measurement.of(0.8), "ACCURACY >= 0.75"), new CriterionResult("not worse", Metric.ACCURACY, Severity.WARNING,
        Verdict.PASS, Measurement.of(0.8).withBaseline(0.78).withInterval(-0.01, 0.05).withPValue(0.2), "supported")));
  }

  /** A codec of strings, for typed round trips. */
  private static final ArtifactCodec<String> TEXT = new ArtifactCodec<>() {
    @Override
    public String typeId() {
      return "text";
    }

    @Override
    public void write(String model, OutputStream out) throws IOException {
      out.write(model.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String read(InputStream in) throws IOException {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  };

  // ------------------------------------------------------------------ registration

  /** Versions are numbered 1, 2, 3 per model, independently of other models. */
  @Test
  public void register_numbersVersionsFromOnePerModel() {
    ModelRegistry r = registry();
    assertThat(put(r, "churn", "a").version()).isEqualTo(1);
    assertThat(put(r, "churn", "b").version()).isEqualTo(2);
    assertThat(put(r, "fraud", "c").version()).isEqualTo(1);
    assertThat(put(r, "churn", "d").version()).isEqualTo(3);
    assertThat(r.modelNames()).containsExactly("churn", "fraud");
  }

  /** A version records its artifact's SHA-256, size, type, creation time and what the registration gave. */
  @Test
  public void register_recordsDigestSizeTypeAndRegistration() throws Exception {
    ModelRegistry r = registry();
    Instant expectedTime = clock.peek();
    Schema schema = Schema.builder().name("loans").field("age", ColumnType.INTEGRAL, f -> f.between(18, 100)).build();
    ModelVersion v = r.register("churn", "bytes", bytes("model"), Registration.builder()
        .tag("team", "risk").metadata("notes", "first try\nwith two lines").metric("auc", 0.91)
        .schema(schema).gateResult(gate(Verdict.PASS))
        .lineage(Lineage.builder().trainingData("sha256:data").source("job 7").build()).build());

    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes("model")));
    assertThat(v.artifact().digest()).isEqualTo("sha256:" + sha);
    assertThat(v.artifact().size()).isEqualTo(5);
    assertThat(v.artifact().type()).isEqualTo("bytes");
    assertThat(v.created()).isEqualTo(expectedTime);
    assertThat(v.revision()).isEqualTo(1);

    ModelVersion read = r.get(ModelRef.version("churn", 1));
    assertThat(read).isEqualTo(v);
    assertThat(read.tags()).containsEntry("team", "risk");
    assertThat(read.metadata()).containsEntry("notes", "first try\nwith two lines");
    assertThat(read.metrics()).containsEntry("auc", 0.91);
    assertThat(read.schema()).contains(schema);
    assertThat(read.gateResult()).contains(gate(Verdict.PASS));
    assertThat(read.lineage()).isEqualTo(Lineage.builder().trainingData("sha256:data").source("job 7").build());
  }

  /** The parent version of a lineage is recorded and must be older than the child. */
  @Test
  public void register_recordsParentVersion() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    ModelVersion child = r.register("churn", "bytes", bytes("b"), Registration.builder()
        .lineage(Lineage.builder().parentVersion(1).source("fine-tuned").build()).build());
    assertThat(r.get(child.ref()).lineage().parentVersion()).hasValue(1);
    assertThatThrownBy(() -> r.register("churn", "bytes", bytes("c"), Registration.builder()
        .lineage(Lineage.builder().parentVersion(9).build()).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parent version 9");
  }

  /** Names with path separators, dot-dot, control characters or excess length are refused with the rule. */
  @Test
  public void register_refusesUnsafeNames() {
    ModelRegistry r = registry();
    for (String bad : List.of("../etc", "a/b", "a\\b", "..", ".hidden", "churn\n", "", "x".repeat(129), "NUL")) {
      assertThatThrownBy(() -> put(r, bad, "a")).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("model name");
    }
    assertThatThrownBy(() -> r.register("churn", "bytes", bytes("a"), Registration.builder().tag("k", "a\u0000b")
        .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character U+0000");
    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 1), "../x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias");
    assertThat(r.modelNames()).isEmpty();
  }

  /** Threads registering at once get distinct, gap-free numbers. */
  @Test
  public void register_fromManyThreadsLosesNoVersion() throws Exception {
    ModelRegistry r = registry();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        futures.add(pool.submit(() -> put(r, "churn", "model " + n).version()));
      }
      List<Integer> numbers = new ArrayList<>();
      for (Future<Integer> f : futures) {
        numbers.add(f.get());
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
      assertThat(r.versions("churn")).hasSize(200);
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ loading

  /** A codec round trip returns the model; bytes are verified on the way. */
  @Test
  public void load_roundTripsThroughTheCodec() {
    ModelRegistry r = registry();
    ModelVersion v = r.register("churn", "a text model", TEXT, Registration.none());
    assertThat(v.artifact().type()).isEqualTo("text");
    assertThat(r.load(v.ref(), TEXT)).isEqualTo("a text model");
    assertThat(r.loadArtifact(ModelRef.parse("churn/1"))).isEqualTo(bytes("a text model"));
  }

  /** Reading with a codec of another type fails naming both types. */
  @Test
  public void load_withACodecOfAnotherTypeFailsNamingBoth() {
    ModelRegistry r = registry();
    put(r, "churn", "raw");
    assertThatThrownBy(() -> r.load(ModelRef.version("churn", 1), TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("churn/1").hasMessageContaining("'bytes'").hasMessageContaining("'text'");
  }

  /** Missing versions and aliases are reported as such. */
  @Test
  public void get_missingVersionOrAliasSaysWhatIsMissing() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    assertThat(r.find(ModelRef.version("churn", 2))).isEmpty();
    assertThat(r.find(ModelRef.alias("churn", "champion"))).isEmpty();
    assertThatThrownBy(() -> r.get(ModelRef.version("churn", 2))).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("churn/2");
    assertThatThrownBy(() -> r.resolve(ModelRef.alias("churn", "champion")))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("churn@champion");
    assertThatThrownBy(() -> r.model("fraud")).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("fraud");
  }

  // ------------------------------------------------------------------ aliases

  /** An alias resolves to its version, and versions list the aliases pointing at them. */
  @Test
  public void setAlias_pointsTheAliasAtTheVersion() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    assertThat(r.setAlias(ModelRef.version("churn", 2), "champion")).isEmpty();
    r.setAlias(ModelRef.version("churn", 1), "challenger");

    assertThat(r.resolve(ModelRef.parse("churn@champion"))).isEqualTo(ModelRef.version("churn", 2));
    assertThat(r.get(ModelRef.parse("churn@champion")).aliases()).containsExactly("champion");
    assertThat(r.get(ModelRef.version("churn", 1)).aliases()).containsExactly("challenger");
    RegisteredModel m = r.model("churn");
    assertThat(m.aliases()).containsEntry("champion", 2).containsEntry("challenger", 1);
    assertThat(m.latestVersion()).isEqualTo(2);
    assertThat(m.liveVersions()).isEqualTo(2);
  }

  /** A move conditional on a stale current version fails naming both versions, and changes nothing. */
  @Test
  public void setAlias_withStalePreconditionFailsNamingBothVersions() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    put(r, "churn", "c");
    r.setAlias(ModelRef.version("churn", 1), "champion", Expect.absent());
    r.setAlias(ModelRef.version("churn", 2), "champion", Expect.version(1));

    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 3), "champion", Expect.version(1)))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.expected()).isEqualTo(Expect.version(1));
          assertThat(e.actual()).hasValue(2);
        })
        .hasMessageContaining("churn@champion").hasMessageContaining("expected 1 but found 2");
    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 3), "champion", Expect.absent()))
        .isInstanceOf(VersionConflictException.class).hasMessageContaining("expected none but found 2");
    assertThat(r.resolve(ModelRef.alias("churn", "champion")).number()).isEqualTo(2);
  }

  /** Expect.absent() and Expect.version(n) refuse a move when the alias is elsewhere, naming expected and actual. */
  @Test
  public void setAlias_expectSemanticsNameWhatWasExpectedAndFound() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    put(r, "churn", "c");

    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 1), "champion", Expect.version(2)))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.target()).isEqualTo("churn@champion");
          assertThat(e.expected()).isEqualTo(Expect.version(2));
          assertThat(e.actual()).isEmpty();
        })
        .hasMessageContaining("churn@champion: expected 2 but found none");
    assertThat(r.setAlias(ModelRef.version("churn", 1), "champion", Expect.absent())).isEmpty();
    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 2), "champion", Expect.absent()))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.expected()).isEqualTo(Expect.absent());
          assertThat(e.actual()).hasValue(1);
        })
        .hasMessageContaining("churn@champion: expected none but found 1");
    assertThat(r.setAlias(ModelRef.version("churn", 2), "champion", Expect.version(1)))
        .contains(ModelRef.version("churn", 1));
    assertThat(r.setAlias(ModelRef.version("churn", 3), "champion", Expect.any()))
        .contains(ModelRef.version("churn", 2));
    assertThat(r.setAlias(ModelRef.version("churn", 3), "champion")).as("already there")
        .contains(ModelRef.version("churn", 3));
    assertThat(r.history("churn")).filteredOn(e -> e.kind() == RegistryEvent.Kind.ALIAS_SET).hasSize(3);
  }

  /** An alias can be pointed where another alias points; the other alias is resolved at the time of the move. */
  @Test
  public void setAlias_toAnotherAliasPointsAtItsCurrentVersion() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    r.setAlias(ModelRef.version("churn", 2), "staging");
    r.setAlias(ModelRef.alias("churn", "staging"), "champion", Expect.absent());
    r.setAlias(ModelRef.version("churn", 1), "staging");

    assertThat(r.resolve(ModelRef.alias("churn", "champion"))).isEqualTo(ModelRef.version("churn", 2));
    assertThatThrownBy(() -> r.setAlias(ModelRef.alias("churn", "unset"), "champion"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("churn@unset");
  }

  /** A resolved reference is pinned: moving the alias afterwards does not change it. */
  @Test
  public void resolve_pinsTheVersionAnAliasPointsAtNow() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    ModelRef.Version pinned = r.resolve(ModelRef.parse("churn@champion"));
    r.setAlias(ModelRef.version("churn", 2), "champion");

    assertThat(pinned).isEqualTo(ModelRef.version("churn", 1));
    assertThat(r.loadArtifact(pinned)).isEqualTo(bytes("a"));
    assertThat(r.resolve(ModelRef.version("churn", 2))).isEqualTo(ModelRef.version("churn", 2));
  }

  /** Removal states where the alias must point; Expect.absent() cannot be met by a removal. */
  @Test
  public void removeAlias_expectSemantics() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    assertThatThrownBy(() -> r.removeAlias("churn", "champion", Expect.version(1)))
        .isInstanceOf(VersionConflictException.class).hasMessageContaining("expected 1 but found none");
    assertThatThrownBy(() -> r.removeAlias("churn", "champion", Expect.any()))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("churn@champion is not set");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    assertThatThrownBy(() -> r.removeAlias("churn", "champion", Expect.absent()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Expect.any()");
    assertThat(r.removeAlias("churn", "champion", Expect.any())).isEqualTo(ModelRef.version("churn", 1));
    assertThat(r.find(ModelRef.alias("churn", "champion"))).isEmpty();
  }

  /** Updates, tags and deletions name their version by number or by alias. */
  @Test
  public void update_andDelete_acceptAnAliasReference() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    r.setAlias(ModelRef.version("churn", 2), "champion");

    ModelVersion tagged = r.setTag(ModelRef.parse("churn@champion"), "stage", "prod");
    assertThat(tagged.ref()).isEqualTo(ModelRef.version("churn", 2));
    assertThat(r.get(ModelRef.version("churn", 2)).tags()).containsEntry("stage", "prod");
    assertThatThrownBy(() -> r.delete(ModelRef.parse("churn@champion"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[champion]");
    assertThatThrownBy(() -> r.update(ModelRef.alias("churn", "staging"), VersionUpdate.builder().tag("a", "b")
        .build())).isInstanceOf(NoSuchElementException.class).hasMessageContaining("churn@staging");
  }

  /** An alias cannot point at a version that does not exist. */
  @Test
  public void setAlias_toAMissingVersionFails() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 5), "champion"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("churn/5");
  }

  /** Removing an alias checks where it points. */
  @Test
  public void removeAlias_checksTheCurrentTarget() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    assertThatThrownBy(() -> r.removeAlias("churn", "champion", Expect.version(2)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(r.removeAlias("churn", "champion", Expect.version(1))).isEqualTo(ModelRef.version("churn", 1));
    assertThat(r.find(ModelRef.alias("churn", "champion"))).isEmpty();
  }

  /** Rollback moves an alias back to its previous target; twice returns to where it was. */
  @Test
  public void rollback_movesTheAliasToItsPreviousTarget() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    r.setAlias(ModelRef.version("churn", 2), "champion");

    assertThat(r.rollback("churn", "champion").number()).isEqualTo(1);
    assertThat(r.resolve(ModelRef.alias("churn", "champion")).number()).isEqualTo(1);
    assertThat(r.rollback("churn", "champion").number()).isEqualTo(2);
    assertThat(r.resolve(ModelRef.alias("churn", "champion")).number()).isEqualTo(2);
  }

  /** An alias set once has nothing to roll back to. */
  @Test
  public void rollback_withoutAnEarlierTargetFails() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    assertThatThrownBy(() -> r.rollback("churn", "champion")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("churn@champion").hasMessageContaining("no earlier target");
  }

  /** "What was @champion at time T" is answered from the audit log. */
  @Test
  public void aliasAt_answersFromTheAuditLog() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    Instant beforeAny = clock.peek().minusMillis(1);
    r.setAlias(ModelRef.version("churn", 1), "champion");
    Instant whileOne = clock.peek().minusMillis(1);
    r.setAlias(ModelRef.version("churn", 2), "champion");
    Instant whileTwo = clock.peek().minusMillis(1);
    r.removeAlias("churn", "champion", Expect.version(2));
    Instant afterRemoval = clock.peek();

    assertThat(r.aliasAt("churn", "champion", beforeAny)).isEmpty();
    assertThat(r.aliasAt("churn", "champion", whileOne)).hasValue(ModelRef.version("churn", 1));
    assertThat(r.aliasAt("churn", "champion", whileTwo)).hasValue(ModelRef.version("churn", 2));
    assertThat(r.aliasAt("churn", "champion", afterRemoval)).isEmpty();
  }

  // ------------------------------------------------------------------ promotion

  /** The built-in policy lets an alias point only at a version whose recorded gate passed. */
  @Test
  public void requirePassingGate_guardsTheAlias() {
    ModelRegistry r = registry(PromotionPolicy.requirePassingGate(Set.of("champion")));
    put(r, "churn", "no gate");
    r.register("churn", "bytes", bytes("failed"), Registration.builder().gateResult(gate(Verdict.FAIL)).build());
    r.register("churn", "bytes", bytes("passed"), Registration.builder().gateResult(gate(Verdict.PASS)).build());

    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 1), "champion"))
        .isInstanceOf(PromotionRejectedException.class)
        .hasMessageContaining("churn@champion").hasMessageContaining("no gate result");
    assertThatThrownBy(() -> r.setAlias(ModelRef.version("churn", 2), "champion"))
        .isInstanceOf(PromotionRejectedException.class)
        .hasMessageContaining("failed its quality gate (verdict FAIL)");
    r.setAlias(ModelRef.version("churn", 3), "champion");
    r.setAlias(ModelRef.version("churn", 1), "staging");
    assertThat(r.resolve(ModelRef.alias("churn", "champion")).number()).isEqualTo(3);

    r.update(ModelRef.version("churn", 1), VersionUpdate.builder().gateResult(gate(Verdict.PASS)).build());
    r.setAlias(ModelRef.version("churn", 1), "champion");
    assertThat(r.resolve(ModelRef.alias("churn", "champion")).number()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ updates

  /** Updates change tags, metadata and metrics and raise the revision. */
  @Test
  public void update_changesTagsMetadataAndMetricsAndRaisesTheRevision() {
    ModelRegistry r = registry();
    r.register("churn", "bytes", bytes("a"), Registration.builder().tag("stage", "dev").tag("old", "x").build());
    ModelVersion v = r.update(ModelRef.version("churn", 1), VersionUpdate.builder().tag("stage", "prod")
        .removeTag("old").metadata("owner", "ana").metric("auc", 0.9).expectedRevision(1).build());

    assertThat(v.revision()).isEqualTo(2);
    assertThat(v.tags()).containsExactlyEntriesOf(Map.of("stage", "prod"));
    assertThat(v.metadata()).containsEntry("owner", "ana");
    assertThat(v.metrics()).containsEntry("auc", 0.9);
    assertThat(r.get(v.ref())).isEqualTo(v);
    assertThat(r.get(v.ref()).artifact()).isEqualTo(r.get(ModelRef.version("churn", 1)).artifact());
  }

  /** An update conditional on a stale revision fails naming both revisions. */
  @Test
  public void update_withStaleRevisionFailsNamingBoth() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    r.setTag(ModelRef.version("churn", 1), "stage", "dev");
    assertThatThrownBy(() -> r.update(ModelRef.version("churn", 1), VersionUpdate.builder().tag("stage", "prod")
        .expectedRevision(1).build()))
        .isInstanceOf(VersionConflictException.class).hasMessageContaining("churn/1 revision")
        .hasMessageContaining("expected 1 but found 2");
    assertThat(r.get(ModelRef.version("churn", 1)).tags()).containsEntry("stage", "dev");
  }

  // ------------------------------------------------------------------ deletion and gc

  /** A deleted version disappears, but its number is never given out again. */
  @Test
  public void delete_keepsTheNumberReserved() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    put(r, "churn", "b");
    r.delete(ModelRef.version("churn", 2));

    assertThat(r.find(ModelRef.version("churn", 2))).isEmpty();
    assertThatThrownBy(() -> r.resolve(ModelRef.version("churn", 2))).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("deleted");
    assertThat(put(r, "churn", "c").version()).isEqualTo(3);
    assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(1, 3);
    assertThat(r.model("churn").latestVersion()).isEqualTo(3);
    assertThat(r.model("churn").liveVersions()).isEqualTo(2);
  }

  /** A version an alias points at cannot be deleted. */
  @Test
  public void delete_refusesAVersionAnAliasPointsAt() {
    ModelRegistry r = registry();
    put(r, "churn", "a");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    assertThatThrownBy(() -> r.delete(ModelRef.version("churn", 1))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[champion]");
  }

  /** gc removes only blobs no live version references; a dry run removes nothing. */
  @Test
  public void gc_removesOnlyUnreferencedArtifacts() {
    ModelRegistry r = registry();
    ModelVersion shared1 = put(r, "churn", "shared");
    put(r, "fraud", "shared");
    ModelVersion lonely = put(r, "churn", "lonely");
    put(r, "churn", "kept");
    r.delete(shared1.ref());
    r.delete(lonely.ref());

    GcReport dry = r.gcPreview();
    assertThat(dry.preview()).isTrue();
    assertThat(dry.unreferenced()).containsExactly(lonely.artifact().digest());
    assertThat(dry.bytes()).isEqualTo(6);
    assertThat(r.gcPreview().unreferenced()).containsExactly(lonely.artifact().digest());

    GcReport real = r.gc();
    assertThat(real.preview()).isFalse();
    assertThat(real.unreferenced()).containsExactly(lonely.artifact().digest());
    assertThat(r.gcPreview().unreferenced()).isEmpty();
    assertThat(r.loadArtifact(ModelRef.version("fraud", 1))).isEqualTo(bytes("shared"));
    assertThat(r.loadArtifact(ModelRef.version("churn", 3))).isEqualTo(bytes("kept"));
  }

  /** gcPreview reports what gc would remove and removes nothing: gc then removes exactly that. */
  @Test
  public void gcPreview_removesNothing() {
    ModelRegistry r = registry();
    ModelVersion gone = r.register("churn", "bytes", bytes("gone"), Registration.builder()
        .attachment("onnx", "onnx", bytes("gone onnx")).build());
    put(r, "churn", "kept");
    r.delete(gone.ref());

    GcReport first = r.gcPreview();
    GcReport second = r.gcPreview();
    assertThat(first.preview()).isTrue();
    assertThat(first.unreferenced()).containsExactlyInAnyOrder(gone.artifact().digest(),
        gone.attachments().get("onnx").digest());
    assertThat(second).isEqualTo(first);
    GcReport removed = r.gc();
    assertThat(removed.preview()).isFalse();
    assertThat(removed.unreferenced()).containsExactlyElementsOf(first.unreferenced());
    assertThat(removed.bytes()).isEqualTo(first.bytes()).isEqualTo(4 + 9);
    assertThat(r.gcPreview().unreferenced()).isEmpty();
  }

  // ------------------------------------------------------------------ audit and search

  /** Every change is in the audit log with time, actor and before/after. */
  @Test
  public void history_recordsEveryChangeWithActorAndBeforeAfter() {
    ModelRegistry r = registry();
    ModelVersion v1 = put(r, "churn", "a");
    put(r, "churn", "b");
    put(r, "other", "c");
    r.setAlias(ModelRef.version("churn", 1), "champion");
    r.setAlias(ModelRef.version("churn", 2), "champion");
    r.setTag(ModelRef.version("churn", 1), "stage", "old");
    r.delete(ModelRef.version("churn", 1));

    List<RegistryEvent> h = r.history("churn");
    assertThat(h).extracting(RegistryEvent::kind).containsExactly(RegistryEvent.Kind.REGISTERED,
        RegistryEvent.Kind.REGISTERED, RegistryEvent.Kind.ALIAS_SET, RegistryEvent.Kind.ALIAS_SET,
        RegistryEvent.Kind.TAG_SET, RegistryEvent.Kind.DELETED);
    assertThat(h).allSatisfy(e -> {
      assertThat(e.actor()).isEqualTo(ACTOR);
      assertThat(e.name()).isEqualTo("churn");
    });
    assertThat(h).extracting(RegistryEvent::time).isSorted();
    assertThat(h.get(0).change().after()).contains(v1.artifact().digest());
    RegistryEvent move = h.get(3);
    assertThat(move.key()).contains("champion");
    assertThat(move.change().before()).contains("1");
    assertThat(move.change().after()).contains("2");
    assertThat(h.get(4).key()).contains("stage");
    assertThat(h.get(4).change().after()).contains("old");
    assertThat(h.get(5).version().number()).isEqualTo(1);
  }

  /** Search filters by name, tags, metric thresholds and alias; results carry aliases and tags. */
  @Test
  public void search_filtersByNameTagsMetricsAndAlias() {
    ModelRegistry r = registry();
    r.register("churn", "bytes", bytes("1"), Registration.builder().tag("team", "risk").metric("auc", 0.80).build());
    r.register("churn", "bytes", bytes("2"), Registration.builder().tag("team", "risk").metric("auc", 0.92).build());
    r.register("churn", "bytes", bytes("3"), Registration.builder().tag("team", "growth").metric("auc", 0.95)
        .build());
    r.register("fraud", "bytes", bytes("4"), Registration.builder().tag("team", "risk").metric("auc", 0.99).build());
    r.setAlias(ModelRef.version("churn", 2), "champion");

    assertThat(r.search(ModelQuery.builder().name("churn").build())).hasSize(3);
    assertThat(r.search(ModelQuery.builder().tag("team", "risk").metricAtLeast("auc", 0.9).build()))
        .extracting(v -> v.ref().toString()).containsExactly("churn/2", "fraud/1");
    assertThat(r.search(ModelQuery.builder().metricAtMost("auc", 0.9).build()))
        .extracting(v -> v.ref().toString()).containsExactly("churn/1");
    List<ModelVersion> champions = r.search(ModelQuery.builder().alias("champion").build());
    assertThat(champions).extracting(v -> v.ref().toString()).containsExactly("churn/2");
    assertThat(champions.get(0).aliases()).containsExactly("champion");
    assertThat(champions.get(0).tags()).containsEntry("team", "risk");
    assertThat(r.search(ModelQuery.all())).hasSize(4);
  }

  // ------------------------------------------------------------------ attachments

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Attachments are stored with their digest, size and type, copied in, and loaded back verified. */
  @Test
  public void attachments_areRecordedAndLoadBackVerified() throws Exception {
    ModelRegistry r = registry();
    byte[] onnx = bytes("onnx graph");
    Registration registration = Registration.builder().attachment("onnx", "onnx", onnx)
        .attachment("card", "markdown", bytes("# model card")).build();
    onnx[0] = 'X'; // the builder copied the bytes
    ModelVersion v = r.register("churn", "bytes", bytes("model"), registration);

    assertThat(v.attachments()).containsOnlyKeys("card", "onnx");
    assertThat(v.attachments().keySet()).containsExactly("card", "onnx");
    Artifact a = v.attachments().get("onnx");
    assertThat(a.digest()).isEqualTo(sha256(bytes("onnx graph")));
    assertThat(a.size()).isEqualTo(10);
    assertThat(a.type()).isEqualTo("onnx");
    assertThat(r.get(v.ref())).isEqualTo(v);
    assertThat(r.loadAttachment(v.ref(), "onnx")).isEqualTo(bytes("onnx graph"));
    assertThat(r.loadAttachment(v.ref(), "card")).isEqualTo(bytes("# model card"));
    assertThat(r.loadArtifact(v.ref())).isEqualTo(bytes("model"));

    r.setAlias(ModelRef.version("churn", 1), "champion");
    assertThat(r.loadAttachment(ModelRef.parse("churn@champion"), "onnx")).isEqualTo(bytes("onnx graph"));
    ModelVersion updated = r.setTag(ModelRef.version("churn", 1), "stage", "prod");
    assertThat(updated.attachments()).as("attachments are immutable like the artifact").isEqualTo(v.attachments());
    assertThat(r.get(v.ref()).attachments()).isEqualTo(v.attachments());
    assertThat(put(r, "churn", "plain").attachments()).isEmpty();
  }

  /** Asking for an attachment a version does not have names the ones it has. */
  @Test
  public void loadAttachment_ofAnAbsentNameListsTheAvailableOnes() {
    ModelRegistry r = registry();
    r.register("churn", "bytes", bytes("model"), Registration.builder().attachment("onnx", "onnx", bytes("o"))
        .attachment("card", "markdown", bytes("c")).build());
    put(r, "churn", "plain");
    assertThatThrownBy(() -> r.loadAttachment(ModelRef.version("churn", 1), "pmml"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("model version churn/1 has no attachment 'pmml'; its attachments are [card, onnx]");
    assertThatThrownBy(() -> r.loadAttachment(ModelRef.version("churn", 2), "onnx"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("model version churn/2 has no attachment 'onnx'; it has none");
    assertThatThrownBy(() -> r.loadAttachment(ModelRef.version("churn", 3), "onnx"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("churn/3");
    assertThatThrownBy(() -> r.loadAttachment(ModelRef.version("churn", 1), "../onnx"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attachment name");
  }

  /** A codec's attachments are stored with the model; the registration's win on a name clash. */
  @Test
  public void register_withACodecStoresItsAttachmentsAndTheRegistrationWins() {
    ModelRegistry r = registry();
    ArtifactCodec<String> withUpper = new ArtifactCodec<>() {
      @Override
      public String typeId() {
        return TEXT.typeId();
      }

      @Override
      public void write(String model, OutputStream out) throws IOException {
        TEXT.write(model, out);
      }

      @Override
      public String read(InputStream in) throws IOException {
        return TEXT.read(in);
      }

      @Override
      public Map<String, Attachment> attachments(String model) {
        return Map.of("upper", new Attachment("text", bytes(model.toUpperCase(Locale.ROOT))),
            "lower", new Attachment("text", bytes(model.toLowerCase(Locale.ROOT))));
      }
    };
    ModelVersion v = r.register("churn", "Mixed Case", withUpper, Registration.builder()
        .attachment("lower", "note", bytes("given")).build());
    assertThat(v.attachments()).containsOnlyKeys("lower", "upper");
    assertThat(r.loadAttachment(v.ref(), "upper")).isEqualTo(bytes("MIXED CASE"));
    assertThat(r.loadAttachment(v.ref(), "lower")).isEqualTo(bytes("given"));
    assertThat(v.attachments().get("lower").type()).isEqualTo("note");
    assertThat(r.load(v.ref(), withUpper)).isEqualTo("Mixed Case");
    assertThat(r.register("fraud", "x", TEXT, Registration.none()).attachments()).as("none by default").isEmpty();
  }

  /** Attachment names follow the key rules, are unique, and at most 16 per version; the messages say so. */
  @Test
  public void attachment_namesAndCountAreValidatedWithClearMessages() {
    Registration.Builder b = Registration.builder();
    for (String bad : List.of("../x", "", "a b", "x".repeat(129), "-lead", "a\u0000")) {
      assertThatThrownBy(() -> b.attachment(bad, "onnx", bytes("x"))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attachment name");
    }
    assertThatThrownBy(() -> b.attachment("onnx", "bad type", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key \"bad type\"");
    assertThatThrownBy(() -> b.attachment("onnx", "onnx", null)).isInstanceOf(NullPointerException.class);
    b.attachment("onnx", "onnx", bytes("x"));
    assertThatThrownBy(() -> b.attachment("onnx", "onnx", bytes("y")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"onnx\" was already added");
    for (int i = 1; i < RegistryNames.MAX_ATTACHMENTS; i++) {
      b.attachment("a" + i, "bytes", bytes("x"));
    }
    assertThatThrownBy(() -> b.attachment("one-too-many", "bytes", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a model version may have at most 16 attachments, was given 17");
    assertThat(b.build().attachments()).hasSize(RegistryNames.MAX_ATTACHMENTS);
  }

  /**
   * gc keeps the attachments of live versions (also when a deleted version shared them) and
   * removes those only deleted versions referenced; deletion itself removes nothing.
   */
  @Test
  public void gc_keepsAttachmentsOfLiveVersionsAndRemovesThoseOfDeletedOnes() {
    ModelRegistry r = registry();
    ModelVersion kept = r.register("churn", "bytes", bytes("m1"), Registration.builder()
        .attachment("onnx", "onnx", bytes("onnx-1")).build());
    ModelVersion gone = r.register("churn", "bytes", bytes("m2"), Registration.builder()
        .attachment("onnx", "onnx", bytes("onnx-2")).build());
    ModelVersion sharedLive = r.register("churn", "bytes", bytes("m3"), Registration.builder()
        .attachment("onnx", "onnx", bytes("onnx-shared")).build());
    ModelVersion sharedGone = r.register("churn", "bytes", bytes("m4"), Registration.builder()
        .attachment("copy", "onnx", bytes("onnx-shared")).build());
    assertThat(r.gc().unreferenced()).isEmpty();

    r.delete(gone.ref());
    r.delete(sharedGone.ref());
    GcReport dry = r.gcPreview();
    assertThat(dry.unreferenced()).as("deleted, not yet collected").containsExactlyInAnyOrder(
        gone.artifact().digest(), gone.attachments().get("onnx").digest(), sharedGone.artifact().digest());
    assertThat(dry.bytes()).isEqualTo(2 + 6 + 2);

    GcReport real = r.gc();
    assertThat(real.unreferenced()).containsExactlyElementsOf(dry.unreferenced());
    assertThat(r.gcPreview().unreferenced()).isEmpty();
    assertThat(r.loadAttachment(kept.ref(), "onnx")).isEqualTo(bytes("onnx-1"));
    assertThat(r.loadAttachment(sharedLive.ref(), "onnx")).isEqualTo(bytes("onnx-shared"));
  }

  /**
   * A corrupted attachment is detected on load. Blobs are content-addressed, so corrupting the
   * artifact of a version holding the same bytes corrupts the attachment too.
   */
  @Test
  public void loadAttachment_reportsCorruption() {
    ModelRegistry r = registry();
    ModelVersion v = r.register("churn", "bytes", bytes("model"), Registration.builder()
        .attachment("onnx", "onnx", bytes("onnx bytes")).build());
    ModelVersion sameBytes = put(r, "donor", "onnx bytes");
    assertThat(sameBytes.artifact().digest()).isEqualTo(v.attachments().get("onnx").digest());
    corrupt(r, sameBytes);
    assertThatThrownBy(() -> r.loadAttachment(v.ref(), "onnx")).isInstanceOfSatisfying(IntegrityException.class,
        e -> {
          assertThat(e.expected()).startsWith(v.attachments().get("onnx").digest());
          assertThat(e.actual()).doesNotStartWith(v.attachments().get("onnx").digest());
          assertThat(e.location()).contains(v.attachments().get("onnx").hex());
        })
        .hasMessageContaining(v.attachments().get("onnx").digest());
    assertThat(r.loadArtifact(v.ref())).as("the artifact itself is intact").isEqualTo(bytes("model"));
  }

  /** Loading fails with an integrity error when stored bytes no longer match their digest. */
  @Test
  public void loadArtifact_reportsCorruption() {
    ModelRegistry r = registry();
    ModelVersion v = put(r, "churn", "pristine");
    corrupt(r, v);
    assertThatThrownBy(() -> r.loadArtifact(v.ref())).isInstanceOf(IntegrityException.class)
        .hasMessageContaining(v.artifact().digest());
    assertThatThrownBy(() -> r.load(v.ref(), Registries.bytesCodec()))
        .isInstanceOf(IntegrityException.class);
  }

  /**
   * Replaces a version's stored bytes with different ones of any length, as disk corruption would.
   *
   * @param registry a registry made by {@link #newRegistry}
   * @param version the version to corrupt
   */
  protected abstract void corrupt(ModelRegistry registry, ModelVersion version);

  /**
   * Replaces a version's stored manifest with bytes that are not a manifest, as disk corruption
   * would. The default skips the tests that need it; override it to run them.
   *
   * @param registry a registry made by {@link #newRegistry}
   * @param version the version whose manifest to corrupt
   */
  protected void corruptManifest(ModelRegistry registry, ModelVersion version) {
    Assumptions.assumeTrue(false, "this registry gives the kit no way to corrupt a manifest: override corruptManifest to run this test");
  }

  /**
   * An unreadable manifest is reported when its version is read, the model's other versions stay
   * listed and loadable, and gc refuses to run (it would delete the blobs only that manifest
   * references).
   */
  @Test
  public void aMalformedManifest_leavesTheOtherVersionsReadableAndBlocksGc() {
    ModelRegistry r = registry();
    ModelVersion one = put(r, "churn", "one");
    ModelVersion two = put(r, "churn", "two");
    ModelVersion three = put(r, "churn", "three");
    corruptManifest(r, two);
    assertThat(r.versions("churn")).extracting(ModelVersion::version).containsExactly(one.version(), three.version());
    assertThat(r.loadArtifact(three.ref())).isEqualTo(bytes("three"));
    assertThatThrownBy(() -> r.get(two.ref())).isInstanceOf(MalformedDataException.class)
        .hasMessageContaining(String.valueOf(two.version()));
    assertThatThrownBy(r::gc).isInstanceOf(IllegalStateException.class).hasMessageContaining("churn/2");
    assertThat(r.register("churn", "bytes", bytes("four"), Registration.none()).version()).isEqualTo(4);
  }

  /** References print as name/version and name@alias and parse back; malformed ones are refused. */
  @Test
  public void modelRef_printsAndParsesBothForms() {
    assertThat(ModelRef.parse("churn/3")).isEqualTo(ModelRef.version("churn", 3));
    assertThat(ModelRef.parse("churn@champion")).isEqualTo(ModelRef.alias("churn", "champion"));
    assertThat(ModelRef.version("churn", 3)).hasToString("churn/3");
    assertThat(ModelRef.alias("churn", "champion")).hasToString("churn@champion");
    for (String bad : List.of("churn", "churn/", "churn/x", "churn@", "churn@3", "a/b/1", "../x/1", "churn/0")) {
      assertThatThrownBy(() -> ModelRef.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Concurrent alias moves with preconditions: exactly one of two racing moves from the same state wins. */
  @Test
  public void setAlias_racingConditionalMovesLetExactlyOneWin() throws Exception {
    ModelRegistry r = registry();
    for (int i = 0; i < 9; i++) {
      put(r, "churn", "v" + i);
    }
    r.setAlias(ModelRef.version("churn", 1), "champion");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      ConcurrentLinkedQueue<Integer> winners = new ConcurrentLinkedQueue<>();
      List<Future<?>> futures = new ArrayList<>();
      for (int v = 2; v <= 9; v++) {
        int target = v;
        futures.add(pool.submit(() -> {
          try {
            r.setAlias(ModelRef.version("churn", target), "champion", Expect.version(1));
            winners.add(target);
          } catch (VersionConflictException e) {
            // lost the race, as all but one must
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      assertThat(winners).hasSize(1);
      assertThat(r.resolve(ModelRef.alias("churn", "champion")).number()).isEqualTo(winners.peek());
    } finally {
      pool.shutdownNow();
    }
  }
}
