package dev.mlops.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import java.util.HashSet;

/** Every line of the README's Java snippets must be a line of the tests that compile and run them. */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("../README.md");
  private static final List<Path> SOURCES = List.of(
      Path.of("src/test/java/dev/mlops/samples/ReadmeExampleTest.java"),
      Path.of("src/test/java/dev/mlops/samples/ReadmeConceptsTest.java"));

  private static String normalise(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }

  @Test
  void readmeJavaSnippetsAreCopiedFromCompiledTests() throws IOException {
    Set<String> compiled = new HashSet<>();
    for (Path p : SOURCES) {
      Files.readAllLines(p).stream().map(ReadmeSnippetsTest::normalise).forEach(compiled::add);
    }
    List<String> snippetLines = new ArrayList<>();
    boolean inJava = false;
    for (String line : Files.readAllLines(README)) {
      if (line.startsWith("```")) {
        inJava = line.equals("```java");
        continue;
      }
      if (inJava && !line.isBlank()) {
        snippetLines.add(normalise(line));
      }
    }
    assertThat(snippetLines).hasSizeGreaterThan(50);
    List<String> missing = snippetLines.stream().filter(l -> !compiled.contains(l)).collect(Collectors.toList());
    assertThat(missing).as("README snippet lines not found in %s", SOURCES).isEmpty();
  }
}
