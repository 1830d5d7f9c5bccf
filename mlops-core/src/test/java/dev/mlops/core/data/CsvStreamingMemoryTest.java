package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading is streamed: a CSV file is read in a separate JVM whose heap is capped at about twice
 * the file's size. Holding the text, or a String per cell, would need several times more.
 */
@Tag("slow")
class CsvStreamingMemoryTest {

  @TempDir Path dir;

  @Test
  void readsAFileInAHeapOfAboutTwiceItsSize() throws Exception {
    Path csv = dir.resolve("big.csv");
    SplittableRandom random = new SplittableRandom(1);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("a,b,c,d,e,k\n");
      String[] cats = {"red", "green", "blue"};
      for (int i = 0; i < 1_000_000; i++) {
        w.write(String.format(Locale.ROOT, "%.5f,%.5f,%d,%d,%.3f,%s%n", random.nextDouble(), random.nextDouble(),
            random.nextInt(1_000_000), random.nextInt(1000), random.nextDouble() * 100, cats[random.nextInt(3)]));
      }
    }
    long megabytes = Files.size(csv) / 1_000_000;
    long heapMb = Math.max(64, 2 * megabytes + 16);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path") + File.pathSeparator + classpathOfThisTest(),
        CsvMemoryProbe.class.getName(), csv.toString())
        .redirectErrorStream(true)
        .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(done).as("child finished").isTrue();
    assertThat(out).as("file of %d MB in a heap of %d MB", megabytes, heapMb).contains("rows=1000000 columns=6");
    assertThat(p.exitValue()).isZero();
    assertThat(megabytes).isGreaterThanOrEqualTo(30);
  }

  private static String classpathOfThisTest() throws Exception {
    return String.join(File.pathSeparator, List.of(
        Path.of(CsvMemoryProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
        Path.of(Tables.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
  }
}
