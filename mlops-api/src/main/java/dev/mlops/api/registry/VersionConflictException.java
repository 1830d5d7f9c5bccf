package dev.mlops.api.registry;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An optimistic precondition failed: an alias or a version was not at the expected version or
 * revision because someone else changed it first. The message names both.
 *
 * <pre>{@code
 * try {
 *   registry.setAlias(ModelRef.version("churn", 4), "champion", Expect.version(3));   // move champion from 3 to 4
 * } catch (VersionConflictException e) {
 *   e.expected();  // Expect.version(3)
 *   e.actual();    // OptionalInt[5]: another job promoted version 5 meanwhile
 * }
 * }</pre>
 */
public class VersionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String target;
  private final transient Expect expected;
  private final transient OptionalInt actual;

  /**
   * Creates the exception.
   *
   * @param target what was to be changed, such as {@code churn@champion} or {@code churn/3 revision}
   * @param expected what was expected: for an alias the version it had to point at (or
   *     {@link Expect#absent()}), for a version's revision {@code Expect.version(revision)}
   * @param actual the version or revision found, or empty if the alias was not set
   * @throws IllegalArgumentException if {@code expected} is {@link Expect#any()} or is met by {@code actual}
   */
  public VersionConflictException(String target, Expect expected, OptionalInt actual) {
    super(message(target, expected, actual));
    this.target = target;
    this.expected = expected;
    this.actual = actual;
  }

  private static String message(String target, Expect expected, OptionalInt actual) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    if (expected instanceof Expect.Any) {
      throw new IllegalArgumentException("Expect.any() cannot conflict; " + target);
    }
    String wanted = expected instanceof Expect.AtVersion v ? String.valueOf(v.version()) : "none";
    String found = actual.isPresent() ? String.valueOf(actual.getAsInt()) : "none";
    if (wanted.equals(found)) {
      throw new IllegalArgumentException("no conflict: " + target + " is at " + found + " as expected");
    }
    return target + ": expected " + wanted + " but found " + found
        + "; someone else changed it first, re-read and retry";
  }

  /** @return what was to be changed, such as {@code churn@champion} or {@code churn/3 revision} */
  public String target() {
    return target;
  }

  /** @return what was expected: {@link Expect#absent()} or {@code Expect.version(n)} */
  public Expect expected() {
    return expected;
  }

  /** @return the version or revision found, or empty if the alias was not set */
  public OptionalInt actual() {
    return actual;
  }
}
