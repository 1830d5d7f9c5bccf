package dev.mlops.samples;

import dev.mlops.api.data.Table;
import dev.mlops.api.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The quickstart: the training pipeline twice (a model that is promoted, then a weaker one the
 * gate refuses) and the monitored serving loop with its drift-triggered retraining, on an
 * embedded registry in {@code target/mlops-demo} (or the folder given).
 *
 * <pre>
 * mvn -B -ntp -q -pl samples -am package exec:java -DskipTests
 * </pre>
 */
public final class EndToEnd {
  private EndToEnd() {}

  /**
   * Runs the demo from a fresh registry.
   *
   * @param args an optional demo folder; it is emptied first if it holds an earlier demo
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of(args.length > 0 ? args[0] : "target/mlops-demo");
    long start = System.nanoTime();
    run(dir, out);
    out.printf(Locale.ROOT, "%ndone in %.1f s; registry and reports in %s%n", (System.nanoTime() - start) / 1e9,
        dir.toAbsolutePath());
  }

  static ServeAndMonitor.Summary run(Path dir, PrintStream out) {
    clean(dir);
    TrainAndPromote.quietTribuo();
    Table data = CreditData.load();
    try (ModelRegistry registry = TrainAndPromote.openRegistry(dir)) {
      TrainAndPromote.run(registry, data, TrainAndPromote.Config.STRONG, dir.resolve("reports"), "", out);
      TrainAndPromote.run(registry, data, TrainAndPromote.Config.WEAK, dir.resolve("reports"), "", out);
      ServeAndMonitor.Summary summary = ServeAndMonitor.run(registry, data, dir.resolve("reports"), out);
      out.println("  reports:");
      try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
        files.sorted().forEach(f -> out.println("    " + f));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return summary;
    }
  }

  /** Empties a folder from an earlier run; refuses one that holds anything else. */
  private static void clean(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> top = Files.list(dir)) {
      if (top.anyMatch(p -> !p.getFileName().toString().equals("registry")
          && !p.getFileName().toString().equals("reports"))) {
        throw new IllegalStateException(dir + " holds files other than an earlier demo's registry/ and reports/; "
            + "choose an empty or new folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException("could not delete " + p, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
