package dev.mlops.benchmarks;

import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.Registration;
import dev.mlops.api.registry.RegistryOptions;
import dev.mlops.core.registry.Registries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import java.nio.charset.StandardCharsets;

/**
 * The file registry: registering a 1 MB artifact with every file forced to disk, resolving
 * {@code name@alias} without loading, resolving and loading (hash-verifying) the 1 MB artifact,
 * and opening a registry of 10,000 versions (alone, and then listing every version). Sample-time
 * modes report p50/p99.
 */
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RegistryBenchmark {

  /** A registry with one 1 MB version behind {@code model@champion}. */
  @State(Scope.Benchmark)
  public static class Small {
    Path dir;
    ModelRegistry registry;
    byte[] artifact;
    long counter;
    final ModelRef champion = ModelRef.parse("model@champion");

    /** Creates the registry. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("registry-bench");
      registry = Registries.open(dir.resolve("reg"));
      artifact = new byte[1 << 20];
      new SplittableRandom(1).nextBytes(artifact);
      int v = registry.register("model", "bytes", artifact, Registration.none()).version();
      registry.setAlias(ModelRef.version("model", v), "champion");
    }

    /** Deletes the registry. */
    @TearDown(Level.Trial)
    public void tearDown() {
      registry.close();
      delete(dir);
    }
  }

  /** A registry holding 10,000 versions of one model, written without forcing to disk. */
  @State(Scope.Benchmark)
  public static class Large {
    Path dir;
    Path root;

    /** Fills the registry. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("registry-bench-10k");
      root = dir.resolve("reg");
      try (ModelRegistry r = Registries.open(root, RegistryOptions.builder()
          .durability(RegistryOptions.Durability.SURVIVES_PROCESS_CRASH).build())) {
        for (int i = 0; i < 10_000; i++) {
          r.register("model", "bytes", ("artifact " + i).getBytes(StandardCharsets.UTF_8),
              Registration.builder().tag("i", String.valueOf(i)).metric("auc", i / 10_000.0).build());
        }
        r.setAlias(ModelRef.version("model", 10_000), "champion");
      }
    }

    /** Deletes the registry. */
    @TearDown(Level.Trial)
    public void tearDown() {
      delete(dir);
    }
  }

  /**
   * Registers a new 1 MB artifact (blob, manifest, audit line, each forced to disk).
   *
   * @param s the registry
   * @return the new version
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int register1MbDurable(Small s) {
    long n = ++s.counter;
    for (int i = 0; i < 8; i++) {
      s.artifact[i] = (byte) (n >>> (8 * i));
    }
    return s.registry.register("model", "bytes", s.artifact, Registration.none()).version();
  }

  /**
   * Resolves {@code model@champion} to a version number without reading the version.
   *
   * @param s the registry
   * @return the version
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int resolveAlias(Small s) {
    return s.registry.resolve(s.champion).number();
  }

  /**
   * Resolves {@code model@champion} and loads its 1 MB artifact, verifying its SHA-256.
   *
   * @param s the registry
   * @return the artifact
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public byte[] resolveAndLoad1Mb(Small s) {
    return s.registry.loadArtifact(s.champion);
  }

  /**
   * Opens the 10,000-version registry and resolves its champion.
   *
   * @param l the registry
   * @return the champion's number
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public int open10kVersions(Large l) {
    try (ModelRegistry r = Registries.open(l.root)) {
      return r.resolve(ModelRef.parse("model@champion")).number();
    }
  }

  /**
   * Opens the 10,000-version registry and reads every version's manifest.
   *
   * @param l the registry
   * @return the number of versions
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public int openAndList10kVersions(Large l) {
    try (ModelRegistry r = Registries.open(l.root)) {
      return r.versions("model").size();
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
