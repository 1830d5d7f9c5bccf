package dev.mlops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** mlops-api is pure Java 17: its sources import only {@code java.*} and {@code dev.mlops.api.*}. */
class ApiPurityTest {

  @Test
  void apiSourcesImportOnlyTheJdkAndTheApi() throws IOException {
    Path sources = Path.of("src", "main", "java");
    assertThat(sources).isDirectory();
    List<String> offending;
    try (Stream<Path> files = Files.walk(sources)) {
      offending = files.filter(f -> f.toString().endsWith(".java"))
          .flatMap(ApiPurityTest::imports)
          .filter(line -> !line.matches("import (static )?(java\\.|dev\\.mlops\\.api\\.).*"))
          .toList();
    }
    assertThat(offending).as("imports outside java.* and dev.mlops.api.*").isEmpty();
  }

  @Test
  void apiSourcesNameNoOtherPackageInline() throws IOException {
    Path sources = Path.of("src", "main", "java");
    List<Path> offending;
    try (Stream<Path> files = Files.walk(sources)) {
      offending = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> codeLines(f).anyMatch(
              l -> l.matches(".*\\b(dev\\.mlops\\.core|com\\.google|com\\.fasterxml|org\\.tribuo|org\\.apache)\\b.*")))
          .toList();
    }
    assertThat(offending).isEmpty();
  }

  /** Lines that are not comments or javadoc (which may name core classes to guide readers). */
  private static Stream<String> codeLines(Path file) {
    return read(file).lines().map(String::strip)
        .filter(l -> !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("//"));
  }

  private static Stream<String> imports(Path file) {
    return read(file).lines().map(String::strip).filter(l -> l.startsWith("import "));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
