package dev.mlops.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.api.data.MalformedDataException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The one rule every fuzz target checks: reading hostile input either succeeds or throws a
 * documented {@link MalformedDataException} that says where the problem is. Any other throwable
 * (a bare {@code NullPointerException}, {@code ArrayIndexOutOfBoundsException},
 * {@code IllegalArgumentException}, {@code ClassCastException}, a stack overflow...) escapes and is
 * a finding.
 */
final class Documented {
  /** What a {@link MalformedDataException} must name besides its source. */
  enum Where {
    /** A line of the input (CSV). */
    LINE,
    /** A line of the input or a JSON path ({@code $...}) in the problem (JSON and YAML readers). */
    LINE_OR_JSON_PATH,
    /** The source alone (binary formats have no lines). */
    SOURCE
  }

  private Documented() {}

  /**
   * Runs one read.
   *
   * @return the value read, or empty if the input was rejected as documented
   */
  static <T> Optional<T> read(String source, Where where, Callable<T> read) throws Exception {
    try {
      return Optional.of(read.call());
    } catch (MalformedDataException e) {
      assertLocated(e, source, where);
      return Optional.empty();
    }
  }

  /** Checks that a rejection names the source, what was wrong and where. */
  static void assertLocated(MalformedDataException e, String source, Where where) {
    assertThat(e.source()).as("source of %s", e).isEqualTo(source);
    assertThat(e.problem()).as("problem of %s", e).isNotBlank();
    switch (where) {
      case LINE -> assertThat(e.line()).as("line of %s", e).isPresent();
      case LINE_OR_JSON_PATH -> assertThat(e.line().isPresent() || e.problem().contains("$"))
          .as("line or JSON path in %s", e).isTrue();
      case SOURCE -> { }
    }
  }
}
