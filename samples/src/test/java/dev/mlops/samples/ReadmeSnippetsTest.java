package dev.mlops.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * A newcomer copies a snippet into a file: every type the compiled tests import and the snippet
   * names must be imported by the snippet itself.
   */
  @Test
  void readmeJavaSnippetsCarryTheirImports() throws IOException {
    Map<String, String> importBySimpleName = new HashMap<>();
    Pattern importLine = Pattern.compile("^import (static )?([\\w.]+)\\.(\\w+);$");
    for (Path p : SOURCES) {
      for (String line : Files.readAllLines(p)) {
        Matcher m = importLine.matcher(line);
        if (m.matches()) {
          importBySimpleName.put(m.group(3), line);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    List<String> block = new ArrayList<>();
    boolean inJava = false;
    int blocks = 0;
    for (String line : Files.readAllLines(README)) {
      if (line.startsWith("```")) {
        if (inJava) {
          blocks++;
          missing.addAll(missingImports(block, importBySimpleName));
          block.clear();
        }
        inJava = line.equals("```java");
        continue;
      }
      if (inJava) {
        block.add(line);
      }
    }
    assertThat(blocks).isGreaterThanOrEqualTo(8);
    assertThat(missing).as("imports missing from README snippets").isEmpty();
  }

  private static List<String> missingImports(List<String> block, Map<String, String> importBySimpleName) {
    Set<String> imported = block.stream().filter(l -> l.startsWith("import ")).collect(Collectors.toSet());
    Set<String> used = new HashSet<>();
    Pattern identifier = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
    for (String line : block) {
      if (line.startsWith("import ")) {
        continue;
      }
      String code = line.replaceAll("//.*", "").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
      Matcher m = identifier.matcher(code);
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String name : used) {
      String needed = importBySimpleName.get(name);
      if (needed != null && !imported.contains(needed)) {
        missing.add(needed + " (for " + name + " in the snippet starting \"" + block.get(0) + "\")");
      }
    }
    return missing;
  }
}
